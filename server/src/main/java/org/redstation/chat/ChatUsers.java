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

    record ChatUser(String openid, ChatChannel channel, String unionid, Long appUserId, Long communityId, Long stationId,
                    boolean awaitingCommunity, LocalDateTime kefuAt) {
        ChatUser(String openid, String unionid, Long appUserId, Long communityId, boolean awaitingCommunity) {
            this(openid, ChatChannel.MP, unionid, appUserId, communityId, null, awaitingCommunity, null);
        }

        ChatUser withCommunity(long communityId) {
            return new ChatUser(openid, channel, unionid, appUserId, communityId, stationId, false, kefuAt);
        }

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

    /** An official-account follower, created on first contact. */
    ChatUser touch(String openid) {
        return touch(ChatChannel.MP, openid);
    }

    /** The resident, created on first contact (a read only, afterwards: this runs for every message). */
    ChatUser touch(ChatChannel channel, String openid) {
        Optional<ChatUser> u = find(openid);
        if (u.isPresent()) {
            return u.get();
        }
        Long appUser = channel == ChatChannel.MA ? users.userIdByMiniappOpenid(openid).orElse(null) : null;
        rows.insertIfAbsent(openid, channel, appUser, LocalDateTime.now(clock));
        ChatUser created = find(openid).orElseThrow();
        return created.appUserId() == null || created.communityId() != null ? created : withResolvedCommunity(created);
    }

    /** A mini-program user of the assistant page (their mini-program openid), created on first use. */
    ChatUser miniapp(long appUserId) {
        String openid = users.miniappOpenid(appUserId).orElseThrow();
        return touch(ChatChannel.MA, openid);
    }

    Optional<ChatUser> find(String openid) {
        return Optional.ofNullable(rows.selectById(openid)).map(r -> new ChatUser(r.getOpenid(),
                r.getChannel() == null ? ChatChannel.MP : r.getChannel(), r.getUnionid(), r.getAppUserId(), r.getCommunityId(),
                r.getStationId(), Boolean.TRUE.equals(r.getAwaitingCommunity()), r.getKefuAt()));
    }

    private ChatUser withResolvedCommunity(ChatUser u) {
        Optional<Long> c = communityOf(u.appUserId());
        if (c.isEmpty()) {
            return u;
        }
        rows.setCommunity(u.openid(), c.get());
        return u.withCommunity(c.get());
    }

    private Optional<Long> communityOf(long appUserId) {
        for (ResidentCommunityResolver r : resolvers) {
            Optional<Long> c = r.communityOf(appUserId);
            if (c.isPresent()) {
                return c;
            }
        }
        return Optional.empty();
    }

    /**
     * Links the follower to the mini-program user with the same unionid (WeChat GET /cgi-bin/user/info), and
     * takes the community from that user's registration when known. A WeChat call: run it off the portal thread
     * unless the answer needs it.
     */
    ChatUser link(ChatUser u) {
        if (u.appUserId() != null || u.channel() == ChatChannel.MA) {
            return u;
        }
        try {
            WxMpUser info = mp.getUserService().userInfo(u.openid());
            String unionid = info == null ? null : info.getUnionId();
            Optional<Long> appUser = users.userIdByUnionid(unionid);
            Long community = u.communityId();
            if (community == null && appUser.isPresent()) {
                community = communityOf(appUser.get()).orElse(null);
            }
            rows.link(u.openid(), unionid, appUser.orElse(null), community);
            return new ChatUser(u.openid(), u.channel(), unionid, appUser.orElse(null), community, u.stationId(),
                    u.awaitingCommunity(), u.kefuAt());
        } catch (Exception e) {
            log.info("could not link follower {}: {}", shortId(u.openid()), e.toString());
            return u;
        }
    }

    void setAwaitingCommunity(String openid, boolean awaiting) {
        rows.setAwaitingCommunity(openid, awaiting);
    }

    void setStation(String openid, long stationId, long communityId) {
        rows.setStation(openid, stationId, communityId);
    }

    void setKefuAt(String openid) {
        rows.setKefuAt(openid, LocalDateTime.now(clock));
    }

    void setCommunity(String openid, long communityId) {
        rows.setCommunity(openid, communityId);
    }

    static String shortId(String openid) {
        return openid == null || openid.length() < 8 ? "?" : openid.substring(0, 4) + "…" + openid.substring(openid.length() - 4);
    }
}
