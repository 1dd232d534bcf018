package org.redstation.chat;

import java.util.Map;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.springframework.stereotype.Component;

/** Official-account texts: the {@link Assistant}'s answer rendered as one text with links. */
@Component
class TextHandler implements WxMpMessageHandler {
    private final Assistant assistant;
    private final ChatUsers users;
    private final AnswerText render;

    TextHandler(Assistant assistant, ChatUsers users, AnswerText render) {
        this.assistant = assistant;
        this.users = users;
        this.render = render;
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage m, Map<String, Object> context, WxMpService mp, WxSessionManager sessions) {
        return WxMessages.text(m, answer(m, m.getContent()));
    }

    /** The answer to a text, also used for menu clicks and recognised voice (null = none). */
    String answer(WxMpXmlMessage m, String text) {
        Answer a = assistant.answer(TextMessage.of(m, text, users));
        return a == null ? null : render.mp(a);
    }
}
