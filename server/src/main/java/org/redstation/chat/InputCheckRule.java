package org.redstation.chat;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Empty and over-long texts get told so before any other rule looks at them. */
@Component
@Order(TextRules.INPUT_CHECK)
class InputCheckRule implements TextRule {
    private final ChatProperties props;

    InputCheckRule(ChatProperties props) {
        this.props = props;
    }

    @Override
    public String answer(TextMessage t) {
        if (t.folded().isEmpty()) {
            return "请输入文字内容。回复“帮助”查看我能做什么。";
        }
        if (t.raw().length() > props.maxContentLength()) {
            return "消息太长了（最多" + props.maxContentLength() + "字），请分几条发送。";
        }
        return null;
    }
}
