package org.redstation.chat;

import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Asks the {@link BotCommand} beans whose keywords equal the text; links the follower first when needed. */
@Component
@Order(TextRules.MODULE_COMMANDS)
class ModuleCommandRule implements TextRule {
    private final List<BotCommand> commands;

    ModuleCommandRule(List<BotCommand> commands) {
        this.commands = commands;
    }

    @Override
    public String answer(TextMessage t) {
        for (BotCommand cmd : commands) {
            if (cmd.keywords().stream().map(TextNormalizer::normalize).anyMatch(t.normalized()::equals)) {
                ChatUsers.ChatUser u = t.user().appUserId() == null ? t.linkedUser() : t.user();
                String reply = cmd.reply(u.bot(), t.folded());
                if (reply != null) {
                    return reply;
                }
            }
        }
        return null;
    }
}
