package org.redstation.chat;

import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;

/** Small helpers on WeChat messages shared by the portal and the handlers. */
final class WxMessages {
    private WxMessages() {
    }

    /** A text reply to the sender; null text = no reply. */
    static WxMpXmlOutMessage text(WxMpXmlMessage m, String content) {
        return content == null ? null
                : WxMpXmlOutMessage.TEXT().content(content).fromUser(m.getToUser()).toUser(m.getFromUser()).build();
    }

    /** The key that identifies a WeChat message, for handling and storing it once (MsgId, or the event's fields). */
    static String key(WxMpXmlMessage m) {
        if (m.getMsgId() != null) {
            return "m:" + m.getMsgId();
        }
        return "e:" + m.getFromUser() + ":" + m.getCreateTime() + ":" + nz(m.getEvent()) + ":" + nz(m.getEventKey());
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
