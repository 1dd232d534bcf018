package org.redstation.chat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.result.WxMpUser;
import org.redstation.auth.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Followers of the official account: their community and the mini-program user linked by unionid. */
@Service
class ChatUsers {
    private static final Logger log = LoggerFactory.getLogger(ChatUsers.class);
    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final WxMpService mp;
    private final UserDirectory users;
    private final List<ResidentCommunityResolver> resolvers;

    record ChatUser(String openid, String unionid, Long appUserId, Long communityId, boolean awaitingCommunity) {
        BotUser bot() {
            return new BotUser(appUserId, openid, communityId);
        }
    }

    ChatUsers(JdbcTemplate jdbc, Clock clock, WxMpService mp, UserDirectory users, List<ResidentCommunityResolver> resolvers) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.mp = mp;
        this.users = users;
        this.resolvers = resolvers;
    }

    /** The follower, created on first contact (a read only, afterwards: this runs for every message). */
    ChatUser touch(String openid) {
        Optional<ChatUser> u = find(openid);
        if (u.isPresent()) {
            return u.get();
        }
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
        jdbc.update("INSERT IGNORE INTO chat_user (openid, created_at, last_in_at) VALUES (?, ?, ?)", openid, now, now);
        return find(openid).orElseThrow();
    }

    Optional<ChatUser> find(String openid) {
        return jdbc.query("SELECT * FROM chat_user WHERE openid = ?", (rs, i) -> new ChatUser(rs.getString("openid"),
                rs.getString("unionid"), rs.getObject("app_user_id", Long.class), rs.getObject("community_id", Long.class),
                rs.getBoolean("awaiting_community")), openid).stream().findFirst();
    }

    /**
     * Links the follower to the mini-program user with the same unionid (WeChat GET /cgi-bin/user/info), and
     * takes the community from that user's registration when known. A WeChat call: run it off the portal thread
     * unless the answer needs it.
     */
    ChatUser link(ChatUser u) {
        if (u.appUserId() != null) {
            return u;
        }
        try {
            WxMpUser info = mp.getUserService().userInfo(u.openid());
            String unionid = info == null ? null : info.getUnionId();
            Optional<Long> appUser = users.userIdByUnionid(unionid);
            Long community = u.communityId();
            if (community == null && appUser.isPresent()) {
                for (ResidentCommunityResolver r : resolvers) {
                    Optional<Long> c = r.communityOf(appUser.get());
                    if (c.isPresent()) {
                        community = c.get();
                        break;
                    }
                }
            }
            jdbc.update("UPDATE chat_user SET unionid = ?, app_user_id = ?, community_id = ? WHERE openid = ?",
                    unionid, appUser.orElse(null), community, u.openid());
            return new ChatUser(u.openid(), unionid, appUser.orElse(null), community, u.awaitingCommunity());
        } catch (Exception e) {
            log.info("could not link follower {}: {}", shortId(u.openid()), e.toString());
            return u;
        }
    }

    void setAwaitingCommunity(String openid, boolean awaiting) {
        jdbc.update("UPDATE chat_user SET awaiting_community = ? WHERE openid = ?", awaiting, openid);
    }

    void setCommunity(String openid, long communityId) {
        jdbc.update("UPDATE chat_user SET community_id = ?, awaiting_community = 0 WHERE openid = ?", communityId, openid);
    }

    static String shortId(String openid) {
        return openid == null || openid.length() < 8 ? "?" : openid.substring(0, 4) + "…" + openid.substring(openid.length() - 4);
    }
}
