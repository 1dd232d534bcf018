package org.redstation.common;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Residents' text forwarded to staff: links cannot be clicked (schemes defanged, {@code hxxps://}, bare domains
 * get {@code [.]}) and markup is escaped, so a message cannot pose as a system link or inject HTML/XML into the
 * console or a WeChat template.
 */
public final class SafeText {
    /** A scheme link (http, https, ftp, weixin, javascript, data, …) or a bare www./host.tld link. */
    private static final Pattern SCHEME = Pattern.compile("(?i)\\b(https?|ftp|weixin|javascript|data|file|vbscript)(\\s*:)");
    private static final Pattern BARE_HOST = Pattern.compile(
            "(?i)\\b((?:[a-z0-9-]+\\.)+)(com|cn|net|org|top|xyz|io|info|cc|me|vip|shop|site|online|link|club|wang|ltd|app|dev)\\b");

    private SafeText() {
    }

    /** The text with links defanged and HTML/XML escaped. */
    public static String forStaff(String text) {
        if (text == null) {
            return null;
        }
        String s = SCHEME.matcher(text).replaceAll(m -> Matcher.quoteReplacement(defang(m.group(1)) + m.group(2)));
        s = BARE_HOST.matcher(s).replaceAll(m -> Matcher.quoteReplacement(
                m.group(1).substring(0, m.group(1).length() - 1).replace(".", "[.]") + "[.]" + m.group(2)));
        return escape(s);
    }

    /** http → hxxp, https → hxxps, other schemes get a bracket so they are not links either. */
    private static String defang(String scheme) {
        String lower = scheme.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("http")) {
            return "hxxp" + scheme.substring(4);
        }
        return "[" + scheme + "]";
    }

    /** HTML/XML escaping of text content (&lt; &gt; &amp;; quotes stay readable: the text is never put in an attribute). */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
