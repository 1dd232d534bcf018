package org.redstation.common;

/**
 * User-supplied values in log lines: control characters (CR, LF, tabs, …) become a space, so nobody can forge a
 * log line, and long values are cut. Use it for every value a resident or staff member typed or sent.
 */
public final class LogSafe {
    public static final int MAX = 120;

    private LogSafe() {
    }

    public static String value(Object v) {
        return value(v, MAX);
    }

    public static String value(Object v, int max) {
        if (v == null) {
            return "null";
        }
        String s = v.toString();
        StringBuilder b = new StringBuilder(Math.min(s.length(), max + 1));
        for (int i = 0; i < s.length() && b.length() < max; i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return s.length() > max ? b.append('…').toString() : b.toString();
    }
}
