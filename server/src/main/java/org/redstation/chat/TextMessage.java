package org.redstation.chat;

import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

/**
 * A text on its way through the {@link TextRule}s: the raw text, folded (NFKC, trimmed) and normalized (no spaces
 * or punctuation); the follower is read (or created) only when a rule asks for it.
 */
final class TextMessage {
    private final WxMpXmlMessage wx;
    private final String raw;
    private final String folded;
    private final String normalized;
    private final ChatUsers users;
    private ChatUsers.ChatUser user;

    TextMessage(WxMpXmlMessage wx, String raw, ChatUsers users) {
        this.wx = wx;
        this.raw = raw == null ? "" : raw;
        this.folded = TextNormalizer.fold(raw);
        this.normalized = TextNormalizer.normalize(folded);
        this.users = users;
    }

    String raw() {
        return raw;
    }

    String folded() {
        return folded;
    }

    String normalized() {
        return normalized;
    }

    String openid() {
        return wx.getFromUser();
    }

    String wxKey() {
        return WxMessages.key(wx);
    }

    ChatUsers.ChatUser user() {
        if (user == null) {
            user = users.touch(openid());
        }
        return user;
    }

    /** The follower linked to their mini-program user (a WeChat call when not linked yet). */
    ChatUsers.ChatUser linkedUser() {
        user = users.link(user());
        return user;
    }
}
