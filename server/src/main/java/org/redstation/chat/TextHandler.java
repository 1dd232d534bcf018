package org.redstation.chat;

import java.util.List;
import java.util.Map;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.springframework.stereotype.Component;

/** Text messages: the first answer of the {@link TextRule}s in {@link TextRules} order. */
@Component
class TextHandler implements WxMpMessageHandler {
    private final List<TextRule> rules;
    private final ChatUsers users;

    /** Spring injects the rules sorted by their {@code @Order}. */
    TextHandler(List<TextRule> rules, ChatUsers users) {
        this.rules = rules;
        this.users = users;
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage m, Map<String, Object> context, WxMpService mp, WxSessionManager sessions) {
        return WxMessages.text(m, answer(m, m.getContent()));
    }

    /** The answer to a text, also used for menu clicks and recognised voice (null = none). */
    String answer(WxMpXmlMessage m, String text) {
        TextMessage t = new TextMessage(m, text, users);
        for (TextRule rule : rules) {
            String a = rule.answer(t);
            if (a != null) {
                return a;
            }
        }
        return null;
    }
}
