package org.redstation.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redstation.common.BizException;
import org.redstation.common.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Session tokens {@code v1.<sessionId>.<signature>}: the signature tells a forged token (401 INVALID)
 * from one whose session ended in Redis (401 EXPIRED). Redis holds {@code session:<id>} = "U:<userId>"
 * or "S:<staffId>" with the session's expiry; the token itself carries no user data.
 */
@Component
class SessionTokens {
    private static final Logger log = LoggerFactory.getLogger(SessionTokens.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final RedissonClient redisson;
    private final RedisKeys keys;
    private final byte[] secret;
    private final UserRolesCache roles;
    /**
     * One keyed HMAC per thread: Mac.getInstance + init (provider lookup, key schedule) cost a tenth of a refused
     * booking's CPU when done per request; doFinal resets the Mac for its next use.
     */
    private final ThreadLocal<Mac> hmac = ThreadLocal.withInitial(this::newMac);

    /**
     * rolesEpoch: the roles epoch read with the session ({@link UserRolesCache}); null = not known. also: the values of
     * the extra keys the caller asked for in the same MGET (absent key = absent entry).
     */
    record Principal(char kind, long id, String rolesEpoch, Map<String, String> also) {
    }

    SessionTokens(RedissonClient redisson, RedisKeys keys, AuthProperties props, UserRolesCache roles) {
        this.redisson = redisson;
        this.roles = roles;
        this.keys = keys;
        String s = props.tokenSecret();
        if (s == null || s.isBlank()) {
            log.warn("redstation.auth.token-secret is not set: using a development secret (set REDSTATION_TOKEN_SECRET in production)");
            s = "redstation-dev-secret-change-me";
        }
        this.secret = s.getBytes(StandardCharsets.UTF_8);
    }

    String create(char kind, long id, Duration ttl) {
        byte[] raw = new byte[18];
        RANDOM.nextBytes(raw);
        String sid = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        bucket(sid).set(kind + ":" + id, ttl);
        return "v1." + sid + "." + sign(sid);
    }

    /** One MGET: the session and the roles epoch. */
    Principal resolve(String token) {
        return resolve(token, List.of());
    }

    /** One MGET: the session, the roles epoch and the caller's own keys (a hot path's first read, {@link ResidentReads}). */
    Principal resolve(String token, Collection<String> also) {
        String sid = verifiedSessionId(token);
        String session = keys.key("session", sid);
        String epochKey = roles.epochKey();
        String[] names = new String[2 + also.size()];
        names[0] = session;
        names[1] = epochKey;
        int i = 2;
        for (String k : also) {
            names[i++] = k;
        }
        Map<String, Object> got = redisson.getBuckets(StringCodec.INSTANCE).get(names);
        Object v = got.get(session);
        if (v == null) {
            throw new BizException(AuthError.AUTH_TOKEN_EXPIRED);
        }
        Map<String, String> values = Map.of();
        if (!also.isEmpty()) {
            values = new HashMap<>();
            for (String k : also) {
                Object x = got.get(k);
                if (x != null) {
                    values.put(k, x.toString());
                }
            }
        }
        String s = v.toString();
        return new Principal(s.charAt(0), Long.parseLong(s.substring(2)), String.valueOf(got.getOrDefault(epochKey, "0")),
                values);
    }

    void revoke(String token) {
        bucket(verifiedSessionId(token)).delete();
    }

    private String verifiedSessionId(String token) {
        String[] f = token == null ? new String[0] : token.split("\\.");
        if (f.length != 3 || !"v1".equals(f[0]) || f[1].length() != 24
                || !MessageDigest.isEqual(sign(f[1]).getBytes(StandardCharsets.US_ASCII), f[2].getBytes(StandardCharsets.US_ASCII))) {
            throw new BizException(AuthError.AUTH_TOKEN_INVALID);
        }
        return f[1];
    }

    private RBucket<String> bucket(String sid) {
        return redisson.getBucket(keys.key("session", sid), StringCodec.INSTANCE);
    }

    private String sign(String sid) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(hmac.get().doFinal(("v1." + sid).getBytes(StandardCharsets.US_ASCII))).substring(0, 32);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
