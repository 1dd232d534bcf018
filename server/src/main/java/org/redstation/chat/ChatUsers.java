package org.redstation.chat;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.result.WxMpUser;
import org.redstation.auth.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Followers of the official account: their community and the mini-program user linked by unionid. */
@Service
class ChatUsers {
    private static final Logger log = LoggerFactory.getLogger(ChatUsers.class);
    private final ChatUserMapper rows;
    private final Clock clock;
    private final WxMpService mp;
    private final UserDirectory users;
    private final List<ResidentCommunityResolver> resolvers;

    record ChatUser(String openid, String unionid, Long appUserId, Long communityId, boolean awaitingCommunity) {
        BotUser bot() {
            return new BotUser(appUserId, openid, communityId);
        }
    }

    ChatUsers(ChatUserMapper rows, Clock clock, WxMpService mp, UserDirectory users, List<ResidentCommunityResolver> resolvers) {
        this.rows = rows;
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
        rows.insertIfAbsent(openid, LocalDateTime.now(clock));
        return find(openid).orElseThrow();
    }

    Optional<ChatUser> find(String openid) {
        return Optional.ofNullable(rows.selectById(openid)).map(r -> new ChatUser(r.getOpenid(), r.getUnionid(), r.getAppUserId(),
                r.getCommunityId(), Boolean.TRUE.equals(r.getAwaitingCommunity())));
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
            rows.link(u.openid(), unionid, appUser.orElse(null), community);
            return new ChatUser(u.openid(), unionid, appUser.orElse(null), community, u.awaitingCommunity());
        } catch (Exception e) {
            log.info("could not link follower {}: {}", shortId(u.openid()), e.toString());
            return u;
        }
    }

    void setAwaitingCommunity(String openid, boolean awaiting) {
        rows.setAwaitingCommunity(openid, awaiting);
    }

    void setCommunity(String openid, long communityId) {
        rows.setCommunity(openid, communityId);
    }

    static String shortId(String openid) {
        return openid == null || openid.length() < 8 ? "?" : openid.substring(0, 4) + "…" + openid.substring(openid.length() - 4);
    }
}
