package org.redstation.chat;

import java.util.Map;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.springframework.stereotype.Component;

/** A new follower: the welcome; linking to the mini-program user (a WeChat call) runs after the answer. */
@Component
class SubscribeHandler implements WxMpMessageHandler {
    private final ChatUsers users;
    private final Deliveries deliveries;

    SubscribeHandler(ChatUsers users, Deliveries deliveries) {
        this.users = users;
        this.deliveries = deliveries;
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage m, Map<String, Object> context, WxMpService mp, WxSessionManager sessions) {
        ChatUsers.ChatUser u = users.touch(m.getFromUser());
        deliveries.runLater(() -> users.link(u));
        return WxMessages.text(m, BotTexts.WELCOME);
    }
}
