package org.redstation.chat;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import me.chanjar.weixin.common.util.crypto.SHA1;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.redstation.common.RedisKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The checks every WeChat push callback makes, in one place (the mini-program push endpoint uses it; the
 * official-account portal's own checks can move here): the URL signature, the timestamp's age, the body size,
 * XML entities, and "each message once across instances" (Redis SET NX, removed again when handling fails).
 */
@Component
class WxPushVerifier {
    private static final Logger log = LoggerFactory.getLogger(WxPushVerifier.class);
    /** WeChat messages are a few KB; anything much larger is not from WeChat. */
    static final int MAX_BODY = 64 * 1024;
    /** WeChat retries a push three times within about 15 seconds; older timestamps are replays. */
    static final Duration MAX_AGE = Duration.ofMinutes(5);
    private final RedissonClient redisson;
    private final RedisKeys keys;
    private final ChatProperties props;
    private final Clock clock;

    WxPushVerifier(RedissonClient redisson, RedisKeys keys, ChatProperties props, Clock clock) {
        this.redisson = redisson;
        this.keys = keys;
        this.props = props;
        this.clock = clock;
    }

    /** sha1 of the sorted token, timestamp and nonce equals the signature (blank anything: false). */
    boolean signed(String token, String signature, String timestamp, String nonce) {
        if (isBlank(token) || isBlank(signature) || isBlank(timestamp) || isBlank(nonce)) {
            return false;
        }
        try {
            return SHA1.gen(token, timestamp, nonce).equalsIgnoreCase(signature);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The timestamp is a number of seconds within {@link #MAX_AGE} of now (either way). */
    boolean fresh(String timestamp) {
        try {
            long ts = Long.parseLong(timestamp.trim());
            return Math.abs(clock.instant().getEpochSecond() - ts) <= MAX_AGE.toSeconds();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The body as UTF-8, or null when it is over {@link #MAX_BODY}. */
    String body(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] b = in.readNBytes(MAX_BODY + 1);
            return b.length > MAX_BODY ? null : new String(b, StandardCharsets.UTF_8);
        }
    }

    boolean hasDoctype(String xml) {
        return SafeXml.hasDoctype(xml);
    }

    /** True for the first delivery of a message ({@code scope}: "msg" for the official account, "ma" for the mini-program). */
    boolean firstDelivery(String scope, String messageKey) {
        try {
            return redisson.getBucket(keys.key("chat", scope, messageKey), StringCodec.INSTANCE).setIfAbsent("1", props.dedupTtl());
        } catch (RuntimeException e) {
            log.warn("wx push: duplicate check unavailable ({}), processing", e.toString());
            return true;
        }
    }

    /** Handling failed: WeChat's retry is handled again. */
    void forget(String scope, String messageKey) {
        try {
            redisson.getBucket(keys.key("chat", scope, messageKey)).delete();
        } catch (RuntimeException e) {
            log.info("wx push: could not clear duplicate key: {}", e.toString());
        }
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
