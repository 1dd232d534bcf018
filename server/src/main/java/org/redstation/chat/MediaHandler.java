package org.redstation.chat;

import java.util.Map;
import me.chanjar.weixin.common.api.WxConsts;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.springframework.stereotype.Component;

/** Images, links, videos and unrecognised voice join the resident's conversation as a short description. */
@Component
class MediaHandler implements WxMpMessageHandler {
    private final ChatUsers users;
    private final Conversations conversations;

    MediaHandler(ChatUsers users, Conversations conversations) {
        this.users = users;
        this.conversations = conversations;
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage m, Map<String, Object> context, WxMpService mp, WxSessionManager sessions) {
        ChatUsers.ChatUser u = users.touch(m.getFromUser());
        Conversations.Forwarded f = conversations.residentMessage(u, WxMessages.nz(m.getMsgType()),
                Deliveries.abbreviate(describe(m), 500), WxMessages.key(m));
        return WxMessages.text(m, f == null ? null : f.text());
    }

    static String describe(WxMpXmlMessage m) {
        return switch (WxMessages.nz(m.getMsgType())) {
            case WxConsts.XmlMsgType.IMAGE -> "[图片] " + WxMessages.nz(m.getPicUrl());
            case WxConsts.XmlMsgType.LINK -> "[链接] " + WxMessages.nz(m.getTitle()) + " " + WxMessages.nz(m.getUrl());
            case WxConsts.XmlMsgType.VIDEO -> "[视频]";
            case WxConsts.XmlMsgType.SHORTVIDEO -> "[小视频]";
            case WxConsts.XmlMsgType.VOICE -> "[语音]";
            default -> "[" + m.getMsgType() + "]";
        };
    }
}
