package org.redstation.chat;

import java.util.Map;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.springframework.stereotype.Component;

/** Voice: WeChat's recognised text goes through the text rules; without it the voice joins the conversation. */
@Component
class VoiceHandler implements WxMpMessageHandler {
    private final TextHandler text;
    private final MediaHandler media;

    VoiceHandler(TextHandler text, MediaHandler media) {
        this.text = text;
        this.media = media;
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage m, Map<String, Object> context, WxMpService mp, WxSessionManager sessions) {
        String recognised = m.getRecognition();
        if (recognised != null && !recognised.isBlank()) {
            return WxMessages.text(m, text.answer(m, recognised));
        }
        return media.handle(m, context, mp, sessions);
    }
}
