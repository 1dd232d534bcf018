package org.redstation.wechat.sandbox;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Access tokens the sandbox issues: signed and self-describing (appid, issue and expiry time), so every
 * sandbox accepts the tokens of every other; revocation moves a "not before" mark.
 */
final class SandboxTokens {
    private static final byte[] KEY = "redstation-wechat-sandbox".getBytes(StandardCharsets.UTF_8);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final int ttlSeconds;
    private volatile long notBeforeMillis;

    SandboxTokens(int ttlSeconds) {
        this.ttlSeconds = ttlSeconds;
    }

    int ttlSeconds() {
        return ttlSeconds;
    }

    String issue(String appid) {
        long now = System.currentTimeMillis();
        String payload = appid + "|" + now + "|" + (now + ttlSeconds * 1000L) + "|" + RANDOM.nextInt(1_000_000);
        String p = Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        return p + "." + sign(p);
    }

    /** 0 when valid, else the WeChat error code (40001 invalid, 42001 expired). */
    int check(String token) {
        if (token == null || token.isBlank()) {
            return 41001;
        }
        int dot = token.lastIndexOf('.');
        if (dot < 1 || !sign(token.substring(0, dot)).equals(token.substring(dot + 1))) {
            return 40001;
        }
        String[] f;
        try {
            f = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8).split("\\|");
        } catch (IllegalArgumentException e) {
            return 40001;
        }
        if (Long.parseLong(f[1]) < notBeforeMillis) {
            return 40001;
        }
        return Long.parseLong(f[2]) < System.currentTimeMillis() ? 42001 : 0;
    }

    String appidOf(String token) {
        int dot = token.lastIndexOf('.');
        return new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8).split("\\|")[0];
    }

    void revokeAll() {
        notBeforeMillis = System.currentTimeMillis() + 1;
    }

    private static String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
            byte[] h = mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(h).substring(0, 22);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
