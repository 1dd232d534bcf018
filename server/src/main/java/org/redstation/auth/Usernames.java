package org.redstation.auth;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one spelling of a staff username: NFKC (full-width 'ＡＤＭＩＮ' becomes 'ADMIN'), trimmed, lower case,
 * only [a-z0-9._-], 3 to 32 characters. Used at creation and at login; the column compares bytes
 * (utf8mb4_bin), so every variant of a name either is that name or is no name at all.
 */
final class Usernames {
    static final String RULE = "只能包含小写字母、数字和._-，3到32位";
    private static final Pattern ALLOWED = Pattern.compile("[a-z0-9._-]{3,32}");

    private Usernames() {
    }

    /** The normalised name, or empty when the input cannot be a username (accents, spaces inside, too long…). */
    static Optional<String> normalise(String raw) {
        if (raw == null || raw.length() > 128) {
            return Optional.empty();
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        return ALLOWED.matcher(s).matches() ? Optional.of(s) : Optional.empty();
    }
}
