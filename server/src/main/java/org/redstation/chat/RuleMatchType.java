package org.redstation.chat;

import com.google.re2j.Pattern;

/** How a keyword rule matches the normalized text (chat_rule.match_type); declared in matching order. */
enum RuleMatchType {
    EXACT("完全一致"), REGEX("正则表达式"), CONTAINS("包含关键词");

    private final String label;

    RuleMatchType(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /**
     * Whether the normalized text matches. {@code normalizedPattern} is the pattern normalized like the text;
     * {@code regex} the compiled pattern of a REGEX rule (null when it does not compile: never matches); RE2/J,
     * so matching is linear in the text whatever the pattern ({@code (a+)+$} cannot spin).
     */
    boolean matches(String text, String normalizedPattern, Pattern regex) {
        return switch (this) {
            case EXACT -> text.equals(normalizedPattern);
            case CONTAINS -> !normalizedPattern.isEmpty() && text.contains(normalizedPattern);
            case REGEX -> regex != null && regex.matcher(text).find();
        };
    }

    /** The type named in an API request, or null when unknown. */
    static RuleMatchType parse(String name) {
        for (RuleMatchType t : values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }
}
