package org.redstation.chat;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.redstation.nlu.Understanding;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Free Chinese text understood by the intent parser (nlu), after staff commands, module commands and the EXACT/REGEX
 * keyword rules and before the CONTAINS keyword rules: "我家电动车充电桩坏了" is a problem report forwarded to the
 * community's staff, not the canned 充电 answer. Intents with data are answered by {@link IntentAnswers}; problem
 * reports and "talk to a person" go to staff; what the parser does not understand goes on to the next rules (and
 * finally to staff).
 */
@Component
@Order(TextRules.UNDERSTANDING)
class IntentRule implements TextRule {
    private final GazetteerSource source;
    private final IntentAnswers answers;
    private final Conversations conversations;
    private final List<BotCommand> commands;
    private final Clock clock;

    IntentRule(GazetteerSource source, IntentAnswers answers, Conversations conversations, List<BotCommand> commands, Clock clock) {
        this.source = source;
        this.answers = answers;
        this.conversations = conversations;
        this.commands = commands;
        this.clock = clock;
    }

    /** This rule answers parts only ({@link #reply}). */
    @Override
    public String answer(TextMessage t) {
        return null;
    }

    @Override
    public Answer reply(TextMessage t) {
        if (t.normalized().isEmpty()) {
            return null;
        }
        GazetteerSource.Snapshot names = source.snapshot();
        Understanding u = names.parser().parse(t.folded(), LocalDateTime.now(clock));
        return switch (u.intent()) {
            case REPORT_PROBLEM, TALK_TO_PERSON -> ForwardToStaffRule.handOff(
                    conversations.residentMessage(t.user(), "text", t.folded(), t.wxKey()));
            case MEMBER_CHECK_IN -> command("签到", t);
            case MEMBER_CHECK_OUT -> command("签退", t);
            case MY_SHIFTS -> command("我的值班", t);
            case MY_BOOKINGS -> answers.myBookings(t.linkedUser(), false);
            case CANCEL_BOOKING -> answers.myBookings(t.linkedUser(), true);
            case BOOK_SLOT -> answers.bookSlot(names, t.user(), u);
            case FIND_STATION -> answers.findStation(names, t.user(), u);
            case OPENING_HOURS -> answers.openingHours(names, t.user(), u);
            case STATION_SERVICES -> u.service() != null && u.place() == null ? answerAndForward(answers.findStation(names, t.user(), u), t)
                    : answers.services(names, t.user(), u);
            case WHO_ON_DUTY -> answers.onDuty(names, t.user(), u);
            case HELP, UNKNOWN -> null;
        };
    }

    /**
     * "低保怎么申请": where it is offered, and the question itself goes to staff (a how-to the catalogue cannot answer).
     */
    private Answer answerAndForward(Answer where, TextMessage t) {
        Conversations.Forwarded f = conversations.residentMessage(t.user(), "text", t.folded(), t.wxKey());
        if (f == null) {
            return null;
        }
        Answer.Part handOff = f.conversationId() == null ? new Answer.Text(f.text()) : new Answer.HandOff(f.conversationId(), f.text());
        return where == null ? Answer.of(handOff) : where.plus(handOff);
    }

    /** The same module command as the keyword (签到, 签退, 我的值班), so both ways of asking answer alike. */
    private Answer command(String keyword, TextMessage t) {
        for (BotCommand c : commands) {
            if (c.keywords().contains(keyword)) {
                String r = c.reply(t.linkedUser().bot(), keyword);
                return r == null ? null : Answer.text(r);
            }
        }
        return null;
    }
}
