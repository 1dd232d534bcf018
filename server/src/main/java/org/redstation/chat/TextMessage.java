package org.redstation.chat;

import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;

/**
 * A text on its way through the {@link TextRule}s, whatever the channel: the raw text, folded (NFKC, trimmed) and
 * normalized (no spaces or punctuation), who sent it ({@code openid} of the channel) and the key that stores it once;
 * the resident is read (or created) only when a rule asks for it.
 */
final class TextMessage {
    private final ChatChannel channel;
    private final String openid;
    private final String msgKey;
    private final String raw;
    private final String folded;
    private final String normalized;
    private final ChatUsers users;
    private ChatUsers.ChatUser user;

    TextMessage(ChatChannel channel, String openid, String msgKey, String raw, ChatUsers users) {
        this.channel = channel;
        this.openid = openid;
        this.msgKey = msgKey;
        this.raw = raw == null ? "" : raw;
        this.folded = TextNormalizer.fold(raw);
        this.normalized = TextNormalizer.normalize(folded);
        this.users = users;
    }

    /** An official-account message. */
    static TextMessage of(WxMpXmlMessage wx, String raw, ChatUsers users) {
        return new TextMessage(ChatChannel.MP, wx.getFromUser(), WxMessages.key(wx), raw, users);
    }

    ChatChannel channel() {
        return channel;
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
        return openid;
    }

    String wxKey() {
        return msgKey;
    }

    ChatUsers.ChatUser user() {
        if (user == null) {
            user = users.touch(channel, openid);
        }
        return user;
    }

    /** The resident linked to their mini-program user (a WeChat call for a follower not linked yet). */
    ChatUsers.ChatUser linkedUser() {
        user = users.link(user());
        return user;
    }
}
