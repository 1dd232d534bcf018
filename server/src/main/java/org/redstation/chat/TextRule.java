package org.redstation.chat;

/**
 * One step of answering a text. The {@link TextHandler} asks every rule bean in {@link TextRules} order and sends
 * the first answer. A rule is small and knows one kind of text.
 */
interface TextRule {
    /** The answer, or null when this rule does not apply (the next rule is asked). */
    String answer(TextMessage text);
}
