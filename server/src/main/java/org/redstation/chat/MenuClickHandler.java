package org.redstation.chat;

import java.util.Locale;
import java.util.Map;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.springframework.stereotype.Component;

/** A CLICK menu button: its key stands for a text (NEARBY = 附近驿站, …); unknown keys get the help. */
@Component
class MenuClickHandler implements WxMpMessageHandler {
    private static final Map<String, String> KEY_TEXT = Map.of("NEARBY", "附近驿站", "MY_BOOKINGS", "我的预约", "BOOK", "预约",
            "MY_DUTY", "我的值班");
    private final TextHandler text;

    MenuClickHandler(TextHandler text) {
        this.text = text;
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage m, Map<String, Object> context, WxMpService mp, WxSessionManager sessions) {
        String key = WxMessages.nz(m.getEventKey()).toUpperCase(Locale.ROOT);
        if ("CONTACT".equals(key)) {
            return WxMessages.text(m, BotTexts.CONTACT);
        }
        return WxMessages.text(m, text.answer(m, KEY_TEXT.getOrDefault(key, "帮助")));
    }
}
