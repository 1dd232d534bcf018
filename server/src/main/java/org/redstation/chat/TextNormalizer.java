package org.redstation.chat;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Folds Chinese text for matching: NFKC (full-width to half-width), lower case, no spaces or punctuation. */
final class TextNormalizer {
    private static final Pattern NOISE = Pattern.compile("[\\p{Z}\\s\\p{P}\\p{S}\\u3000]+");

    private TextNormalizer() {
    }

    static String normalize(String text) {
        if (text == null) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(java.util.Locale.ROOT);
        return NOISE.matcher(s).replaceAll("");
    }

    /** NFKC and trimmed, keeps inner spaces and punctuation (for commands with arguments like "#12 内容"). */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFKC).replace('\u3000', ' ').strip();
    }
}
