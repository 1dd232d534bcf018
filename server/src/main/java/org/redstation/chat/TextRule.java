package org.redstation.chat;

/**
 * One step of answering a text. The {@link Assistant} asks every rule bean in {@link TextRules} order and takes the
 * first answer. A rule is small and knows one kind of text; most answer plain text, the intent rule answers parts.
 */
interface TextRule {
    /** The answer, or null when this rule does not apply (the next rule is asked). */
    String answer(TextMessage text);

    /** The answer as parts (cards, chips); by default the text of {@link #answer}. */
    default Answer reply(TextMessage text) {
        String a = answer(text);
        return a == null ? null : Answer.text(a);
    }
}
