package org.redstation.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Password hashes: BCrypt cost 12 (spring-security-crypto). Hashes of the first release
 * ({@code pbkdf2$iterations$salt$hash}) still verify and are replaced by BCrypt at the next login.
 * Every verification, real or dummy, is counted, so tests can prove that an unknown username costs
 * the same hashing as a known one. At most one hash per core runs at a time: a flood of sign-ins queues
 * instead of starving every other request (Redis and database calls time out on a saturated CPU).
 */
@Component
class Passwords {
    static final int COST = 12;
    /** BCrypt reads 72 bytes; longer passwords would be silently truncated. */
    static final int MAX_BYTES = 72;
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(COST);
    private final String dummyHash = bcrypt.encode(UUID.randomUUID().toString());
    private final AtomicLong verifications = new AtomicLong();
    private final Semaphore cores = new Semaphore(Math.max(1, Runtime.getRuntime().availableProcessors()), true);

    String hash(String password) {
        return bounded(() -> bcrypt.encode(password));
    }

    static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    boolean matches(String password, String stored) {
        verifications.incrementAndGet();
        return bounded(() -> verify(password, stored));
    }

    private boolean verify(String password, String stored) {
        if (stored != null && stored.startsWith("pbkdf2$")) {
            return legacyMatches(password, stored);
        }
        if (stored == null || !fitsBcrypt(password)) {
            bcrypt.matches("", dummyHash); // same work as a real check
            return false;
        }
        return bcrypt.matches(password, stored);
    }

    /** The work of one verification for a name that has no account. */
    void dummyMatch(String password) {
        matches(fitsBcrypt(password) ? password : "", dummyHash);
    }

    boolean needsUpgrade(String stored) {
        return stored == null || stored.startsWith("pbkdf2$") || bcrypt.upgradeEncoding(stored);
    }

    private <T> T bounded(java.util.function.Supplier<T> work) {
        cores.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            cores.release();
        }
    }

    long verifications() {
        return verifications.get();
    }

    private static boolean legacyMatches(String password, String stored) {
        String[] f = stored.split("\\$");
        if (f.length != 4) {
            return false;
        }
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), Base64.getDecoder().decode(f[2]), Integer.parseInt(f[1]), 256);
            byte[] actual = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return MessageDigest.isEqual(Base64.getDecoder().decode(f[3]), actual);
        } catch (Exception e) {
            return false;
        }
    }
}
