package org.redstation.chat;

import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.redstation.common.RateLimits;
import org.springframework.stereotype.Component;

/** Messages to the bot per WeChat user and minute ({@code chat-sender}); over it the bot answers and does nothing else. */
@Component
class ChatRateLimit {
    static final String TOO_MANY = "操作太频繁，请稍后再试。";
    private final RateLimits limits;

    ChatRateLimit(RateLimits limits) {
        this.limits = limits;
    }

    boolean allows(WxMpXmlMessage m) {
        return limits.tryTake("chat-sender", m.getFromUser());
    }

    WxMpXmlOutMessage answer(WxMpXmlMessage m) {
        return WxMpXmlOutMessage.TEXT().content(TOO_MANY).fromUser(m.getToUser()).toUser(m.getFromUser()).build();
    }
}
