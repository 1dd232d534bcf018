package org.redstation.wechat.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

/** Deterministic identities: the same login code always gives the same openid, so tests and demos can act as several users. */
public final class SandboxIdentity {
    private SandboxIdentity() {
    }

    /** 28 characters starting with "o", like a real openid. */
    public static String openid(String appid, String code) {
        return "o" + hash("openid|" + appid + "|" + code).substring(0, 27);
    }

    public static String unionid(String code) {
        return "u" + hash("unionid|" + code).substring(0, 27);
    }

    static String sessionKey(String appid, String code) {
        return Base64.getEncoder().encodeToString(hash("sk|" + appid + "|" + code).substring(0, 16).getBytes(StandardCharsets.UTF_8));
    }

    /** A phone code "phone-13812345678" yields that number; any other code a stable made-up mobile number. */
    public static String phone(String code) {
        if (code.startsWith("phone-") && code.substring(6).matches("1\\d{10}")) {
            return code.substring(6);
        }
        String h = hash("phone|" + code);
        StringBuilder b = new StringBuilder("139");
        for (int i = 0; b.length() < 11; i++) {
            b.append(Math.abs(h.charAt(i)) % 10);
        }
        return b.toString();
    }

    private static String hash(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
