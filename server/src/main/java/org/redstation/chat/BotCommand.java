package org.redstation.chat;

import java.util.List;

/**
 * A command other modules answer through the official account (e.g. booking: "我的预约"; duty: "签到",
 * "签退", "我的值班"). Implement it as a Spring bean; the bot asks every bean whose {@link #keywords()}
 * equal the resident's normalized text (full-width folded, spaces and punctuation removed).
 */
public interface BotCommand {
    /** Exact keywords (normalized the same way as the text, e.g. "我的预约"). */
    List<String> keywords();

    /**
     * The text answer; called on the portal request thread, so keep it fast (well under a second).
     * {@code null} = not answered, the bot goes on.
     */
    String reply(BotUser user, String text);
}
