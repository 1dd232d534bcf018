package org.redstation.chat;

import java.util.Map;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.springframework.stereotype.Component;

/** A new follower: the welcome (with the station when they followed through a station poster code); linking to the mini-program user (a WeChat call) runs after the answer. */
@Component
class SubscribeHandler implements WxMpMessageHandler {
    private final ChatUsers users;
    private final Deliveries deliveries;
    private final StationScene scene;

    SubscribeHandler(ChatUsers users, Deliveries deliveries, StationScene scene) {
        this.users = users;
        this.deliveries = deliveries;
        this.scene = scene;
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage m, Map<String, Object> context, WxMpService mp, WxSessionManager sessions) {
        ChatUsers.ChatUser u = users.touch(m.getFromUser());
        String station = scene.apply(u.openid(), m.getEventKey());
        deliveries.runLater(() -> users.link(users.find(u.openid()).orElse(u)));
        return WxMessages.text(m, station == null ? BotTexts.WELCOME : BotTexts.WELCOME + "\n\n" + station);
    }
}
