package org.redstation.common;

/** Masks personal data for lists and logs. */
public final class Masks {
    private Masks() {
    }

    /** 13812345678 -> 138****5678. */
    public static String phone(String phone) {
        if (phone == null || phone.isBlank()) {
            return phone;
        }
        String p = phone.trim();
        if (p.length() < 7) {
            return "*".repeat(p.length());
        }
        return p.substring(0, 3) + "****" + p.substring(p.length() - 4);
    }

    /** 张三丰 -> 张**; a single character stays masked as *. */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return name;
        }
        int[] cps = name.trim().codePoints().toArray();
        if (cps.length == 1) {
            return "*";
        }
        return new String(cps, 0, 1) + "*".repeat(Math.min(cps.length - 1, 2));
    }

    /** An openid is shown only as its first 6 characters in logs. */
    public static String openid(String openid) {
        if (openid == null) {
            return null;
        }
        return openid.length() <= 6 ? "***" : openid.substring(0, 6) + "***";
    }
}
