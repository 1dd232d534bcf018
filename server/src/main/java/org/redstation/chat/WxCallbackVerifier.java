package org.redstation.chat;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import me.chanjar.weixin.common.util.crypto.SHA1;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redstation.common.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The one place for the checks every WeChat callback passes before anything is processed (the official account's
 * /wx/portal and the mini-program's /wx/ma/push): the token signature, a timestamp within
 * {@code redstation.chat.callback-window} (5 minutes) of now, a nonce used once within that window across all
 * instances (Redis SET NX), no plaintext when an AES key is configured, a valid {@code msg_signature}, a body of at
 * most {@link #MAX_BODY}, and each message handled once (its MsgId, shared by all instances). A URL copied from a
 * log therefore cannot be replayed with a new body. Threats and tests: README.md of this package.
 */
@Component
class WxCallbackVerifier {
    private static final Logger log = LoggerFactory.getLogger(WxCallbackVerifier.class);
    /** WeChat's nonces are short digit strings; a long one is not WeChat's and would only make long keys. */
    private static final int MAX_NONCE = 64;
    /** WeChat messages are a few KB; anything much larger is not from WeChat. */
    static final int MAX_BODY = 64 * 1024;

    enum Verdict {
        /** Signed, in time, first use of the nonce. */
        ACCEPTED,
        /** Missing or wrong signature: 403. */
        BAD_SIGNATURE,
        /** Timestamp outside the window (a replay of an old URL, or a clock far off): nothing processed. */
        STALE,
        /** The nonce was used within the window (a replay): nothing processed. */
        REPLAYED;

        boolean accepted() {
            return this == ACCEPTED;
        }
    }

    private final RedissonClient redisson;
    private final RedisKeys keys;
    private final ChatProperties props;
    private final Clock clock;

    WxCallbackVerifier(RedissonClient redisson, RedisKeys keys, ChatProperties props, Clock clock) {
        this.redisson = redisson;
        this.keys = keys;
        this.props = props;
        this.clock = clock;
    }

    /**
     * Signature, time window and nonce of one callback. {@code channel} names the endpoint ("mp", "ma"), so two
     * accounts never share nonces. The nonce is taken only after the signature and the window passed.
     */
    Verdict check(String channel, String token, String signature, String timestamp, String nonce) {
        if (!signatureValid(token, signature, timestamp, nonce)) {
            return Verdict.BAD_SIGNATURE;
        }
        if (!inWindow(timestamp)) {
            log.info("wx callback {}: timestamp {} outside the window", channel, timestamp);
            return Verdict.STALE;
        }
        if (!firstUseOfNonce(channel, timestamp, nonce)) {
            log.info("wx callback {}: nonce replayed", channel);
            return Verdict.REPLAYED;
        }
        return Verdict.ACCEPTED;
    }

    /** sha1 of the sorted token, timestamp and nonce, compared in constant time. */
    boolean signatureValid(String token, String signature, String timestamp, String nonce) {
        if (isBlank(token) || isBlank(signature) || isBlank(timestamp) || isBlank(nonce) || nonce.length() > MAX_NONCE) {
            return false;
        }
        return same(SHA1.gen(token, timestamp, nonce), signature);
    }

    /** msg_signature of safe mode: sha1 of the sorted token, timestamp, nonce and the Encrypt element. */
    boolean msgSignatureValid(String token, String msgSignature, String timestamp, String nonce, String encrypted) {
        if (isBlank(token) || isBlank(msgSignature) || isBlank(timestamp) || isBlank(nonce) || isBlank(encrypted)) {
            return false;
        }
        return same(SHA1.gen(token, timestamp, nonce, encrypted), msgSignature);
    }

    /** With an AES key configured only {@code encrypt_type=aes} is accepted: no downgrade to plaintext. */
    static boolean plaintextRefused(String aesKey, String encryptType) {
        return !isBlank(aesKey) && !"aes".equalsIgnoreCase(encryptType);
    }

    /** The message is addressed to our account (when its original id, gh_…, is configured). */
    static boolean addressedTo(String originalId, String toUser) {
        return isBlank(originalId) || originalId.equals(toUser);
    }

    boolean inWindow(String timestamp) {
        long ts;
        try {
            ts = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return false;
        }
        long now = clock.millis() / 1000;
        return Math.abs(now - ts) <= props.callbackWindow().toSeconds();
    }

    /**
     * First use of this nonce with this timestamp. The key lives until the timestamp has left the window, so a
     * replay is caught for as long as the timestamp would pass. Redis down: accepted (the window still bounds
     * replays, and the bot keeps answering), logged.
     */
    private boolean firstUseOfNonce(String channel, String timestamp, String nonce) {
        long ts = Long.parseLong(timestamp.trim());
        long remaining = ts + props.callbackWindow().toSeconds() - clock.millis() / 1000;
        Duration ttl = Duration.ofSeconds(Math.max(1, remaining + 1));
        try {
            return redisson.getBucket(nonceKey(channel, timestamp, nonce), StringCodec.INSTANCE).setIfAbsent("1", ttl);
        } catch (RuntimeException e) {
            log.warn("wx callback {}: nonce check unavailable ({}), accepted within the time window", channel, e.toString());
            return true;
        }
    }

    /** Gives the nonce back when handling failed, so WeChat's retry of the same request is handled. */
    void release(String channel, String timestamp, String nonce) {
        try {
            redisson.getBucket(nonceKey(channel, timestamp, nonce)).delete();
        } catch (RuntimeException e) {
            log.info("wx callback {}: could not release nonce: {}", channel, e.toString());
        }
    }

    /** The body as UTF-8, or null when it is over {@link #MAX_BODY} (read no further than that). */
    static String body(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] b = in.readNBytes(MAX_BODY + 1);
            return b.length > MAX_BODY ? null : new String(b, StandardCharsets.UTF_8);
        }
    }

    /**
     * True for the first delivery of a message ({@code channel} "mp" or "ma", {@code messageKey} its MsgId or event
     * key): WeChat retries a push it got no answer to. Redis down: processed (the database stores a message once).
     */
    boolean firstDelivery(String channel, String messageKey) {
        try {
            return redisson.getBucket(deliveryKey(channel, messageKey), StringCodec.INSTANCE).setIfAbsent("1", props.dedupTtl());
        } catch (RuntimeException e) {
            log.warn("wx callback {}: duplicate check unavailable ({}), processing", channel, e.toString());
            return true;
        }
    }

    /** Handling failed: WeChat's retry of the same message (and request) is handled again. */
    void forget(String channel, String messageKey, String timestamp, String nonce) {
        try {
            redisson.getBucket(deliveryKey(channel, messageKey)).delete();
        } catch (RuntimeException e) {
            log.info("wx callback {}: could not clear duplicate key: {}", channel, e.toString());
        }
        release(channel, timestamp, nonce);
    }

    private String deliveryKey(String channel, String messageKey) {
        // "msg" keeps the official account's keys as they were before the two verifiers became one
        return keys.key("chat", "mp".equals(channel) ? "msg" : channel, messageKey);
    }

    private String nonceKey(String channel, String timestamp, String nonce) {
        return keys.key("chat", "nonce", channel, timestamp.trim(), nonce);
    }

    private static boolean same(String expected, String given) {
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                given.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
