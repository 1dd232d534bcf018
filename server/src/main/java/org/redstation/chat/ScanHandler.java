package org.redstation.chat;

import java.util.Map;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.springframework.stereotype.Component;

/** A follower scanned a station poster's account code (event SCAN, EventKey st=CODE): their station is set. */
@Component
class ScanHandler implements WxMpMessageHandler {
    private final ChatUsers users;
    private final StationScene scene;

    ScanHandler(ChatUsers users, StationScene scene) {
        this.users = users;
        this.scene = scene;
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage m, Map<String, Object> context, WxMpService mp, WxSessionManager sessions) {
        users.touch(m.getFromUser());
        return WxMessages.text(m, scene.apply(m.getFromUser(), m.getEventKey()));
    }
}
