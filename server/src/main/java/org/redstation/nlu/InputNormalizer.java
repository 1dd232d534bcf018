package org.redstation.nlu;

import com.hankcs.hanlp.HanLP;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Folds a message to what the rules read: half-width (NFKC), lower case, simplified characters, no spaces or
 * punctuation, dialect words / typos / voice-input slips rewritten and fillers (嗯, 那个, 请问 …) dropped, all
 * from synonyms.tsv. Digits and CJK stay as written: numbers are read by {@link WhenParser}.
 */
final class InputNormalizer {
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2})\\s*:\\s*(\\d{2})");
    private static final Pattern NOISE = Pattern.compile("[\\p{Z}\\s\\p{P}\\p{S}]+");
    // "帮我" is a filler ("帮我预约"), "帮帮我" a call for help; a final 么 is 吗 except in 什么/怎么/那么/这么/多么/要么
    private static final Pattern HELP_ME = Pattern.compile("(?<!帮)帮我(?!们)");
    private static final Pattern FINAL_ME = Pattern.compile("(?<![什怎那这多要])么");

    private final Map<String, String> rewrites;
    private final int longest;

    InputNormalizer(Synonyms synonyms) {
        this.rewrites = synonyms.rewrites;
        this.longest = rewrites.keySet().stream().mapToInt(String::length).max().orElse(1);
    }

    String normalize(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = HanLP.convertToSimplifiedChinese(s);
        s = CLOCK.matcher(s).replaceAll("$1点$2");
        s = NOISE.matcher(s).replaceAll("");
        s = rewrite(s);
        s = HELP_ME.matcher(s).replaceAll("");
        return FINAL_ME.matcher(s).replaceAll("吗");
    }

    /** One left-to-right pass, longest word first, so a rewritten word is not rewritten again. */
    private String rewrite(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            int matched = 0;
            for (int len = Math.min(longest, s.length() - i); len > 0 && matched == 0; len--) {
                String to = rewrites.get(s.substring(i, i + len));
                if (to != null) {
                    out.append(to);
                    matched = len;
                }
            }
            if (matched == 0) {
                out.append(s.charAt(i));
                matched = 1;
            }
            i += matched;
        }
        return out.toString();
    }
}
