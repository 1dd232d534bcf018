package org.redstation.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.redstation.common.RedisKeys;
import org.redstation.support.Api;
import org.redstation.support.IntegrationTest;
import org.redstation.support.TestInfra;
import org.springframework.beans.factory.annotation.Autowired;

/** Staff sign-in hardening (issue 10 part 3): one spelling per name, exact counting, bounded back-off, equal work. */
class StaffLoginIT extends IntegrationTest {
    private static final String PASSWORD = "right-pass-123";

    @Autowired
    StaffAccountMapper accounts;
    @Autowired
    Passwords passwords;
    @Autowired
    StaffLoginProperties limits;
    @Autowired
    RedissonClient redisson;
    @Autowired
    RedisKeys keys;
    @Autowired
    Clock clock;

    private long newStaff(String username) {
        return api.post("/api/staff/accounts", Map.of("username", username, "password", PASSWORD, "displayName", "测试",
                "communityId", 3), api.adminLogin()).expect(201).body().path("id").asLong();
    }

    private Api.Resp login(String username, String password) {
        return api.post("/api/staff/auth/login", Map.of("username", username, "password", password));
    }

    @Test
    void fullWidthCaseAndSpaceVariantsAreTheSameAccountAndAccentsFindNone() {
        newStaff("ＶＡＲＩＡＮＴ－ＯＮＥ ");
        assertThat(login("variant-one", PASSWORD).expect(200).body().path("staff").path("username").asText()).isEqualTo("variant-one");
        assertThat(login("Variant-One  ", PASSWORD).expect(200).body().path("staff").path("username").asText()).isEqualTo("variant-one");
        assertThat(login("váriant-one", PASSWORD).expect(401).code()).isEqualTo("STAFF_LOGIN_FAILED");
        assertThat(api.post("/api/staff/accounts", Map.of("username", "VARIANT-ONE", "password", PASSWORD, "displayName", "x",
                "communityId", 3), api.adminLogin()).expect(409).code()).isEqualTo("STAFF_USERNAME_TAKEN");
        // the administrator from the examples: 'ＡＤＭＩＮ' and 'admin  ' are admin, 'ádmin' is nobody
        String adminPassword = TestInfra.ADMIN_CHANGED_PASSWORD;
        api.adminLogin();
        login("ＡＤＭＩＮ", adminPassword).expect(200);
        login("admin  ", adminPassword).expect(200);
        login("ádmin", adminPassword).expect(401);
    }

    @Test
    void variantsDoNotGetTheirOwnTenTries() {
        newStaff("variant-two");
        String[] variants = {"ＶＡＲＩＡＮＴ－ＴＷＯ", "variant-two  ", "VARIANT-TWO", "variant-two", "Variant-Two"};
        for (int i = 0; i < limits.freeFailures(); i++) {
            login(variants[i % variants.length], "wrong-" + i).expect(401);
        }
        for (String v : variants) {
            assertThat(login(v, PASSWORD).expect(429).code()).isEqualTo("STAFF_LOGIN_LOCKED");
        }
    }

    @Test
    void parallelWrongPasswordsAreCountedExactly() throws Exception {
        long id = newStaff("parallel-one");
        int threads = 30;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            int n = i;
            answers.add(pool.submit(() -> {
                start.await();
                return login("parallel-one", "wrong-" + n).status();
            }));
        }
        start.countDown();
        int refused = 0;
        int locked = 0;
        for (Future<Integer> f : answers) {
            int status = f.get();
            refused += status == 401 ? 1 : 0;
            locked += status == 429 ? 1 : 0;
        }
        pool.shutdown();
        assertThat(refused).as("password checks").isEqualTo(limits.freeFailures());
        assertThat(locked).isEqualTo(threads - limits.freeFailures());
        assertThat(accounts.selectById(id).getFailedLogins()).isEqualTo(limits.freeFailures());
    }

    @Test
    void anAdministratorIsNeverLockedOutForGood() {
        long id = newStaff("never-locked");
        LocalDateTime t = LocalDateTime.now(clock).minusHours(12);
        Duration lastWait = Duration.ZERO;
        // forty failures, each as soon as the previous wait ended: every try is taken, the wait never exceeds the cap
        for (int i = 0; i < 40; i++) {
            assertThat(accounts.takeLoginTry(id, t, limits.freeFailures(), limits.firstDelay().toSeconds(),
                    limits.maxDelay().toSeconds())).as("try %d", i).isEqualTo(1);
            LocalDateTime until = accounts.selectById(id).getLockedUntil();
            if (until != null) {
                lastWait = Duration.between(t, until);
                assertThat(lastWait).isLessThanOrEqualTo(limits.maxDelay());
                t = until;
            }
        }
        assertThat(lastWait).as("capped, not doubled for ever").isEqualTo(limits.maxDelay());
        assertThat(accounts.selectById(id).getFailedLogins()).isEqualTo(40);
        // the last wait is over (it ended hours ago): the right password signs in and clears the count
        login("never-locked", PASSWORD).expect(200);
        assertThat(accounts.selectById(id).getFailedLogins()).isZero();
        assertThat(accounts.selectById(id).getLockedUntil()).isNull();
    }

    @Test
    void unknownNamesCostTheSameHashingAsKnownOnes() {
        newStaff("known-one");
        long before = passwords.verifications();
        login("known-one", "wrong-password").expect(401);
        long known = passwords.verifications() - before;

        before = passwords.verifications();
        login("unknown-one", "wrong-password").expect(401);
        long unknown = passwords.verifications() - before;

        before = passwords.verifications();
        login("ünknown", "wrong-password").expect(401);
        long invalid = passwords.verifications() - before;

        assertThat(known).isEqualTo(1);
        assertThat(unknown).isEqualTo(known);
        assertThat(invalid).isEqualTo(known);
    }

    @Test
    void unknownNamesAreRefusedLikeKnownOnesAfterTheFreeTries() {
        for (int i = 0; i < limits.freeFailures(); i++) {
            login("nobody-at-all", "x").expect(401);
        }
        assertThat(login("nobody-at-all", "x").expect(429).code()).isEqualTo("STAFF_LOGIN_LOCKED");
    }

    @Test
    void oneAddressHasABoundedNumberOfFailures() {
        LoginAttempts small = new LoginAttempts(redisson, keys, new StaffLoginProperties(10, null, null, 3, Duration.ofMinutes(5)));
        String ip = "198.51.100.7-" + System.nanoTime();
        assertThat(small.tryFromAddress(ip)).isTrue();
        assertThat(small.tryFromAddress(ip)).isTrue();
        small.succeededFromAddress(ip); // a success does not count
        assertThat(small.tryFromAddress(ip)).isTrue();
        assertThat(small.tryFromAddress(ip)).isTrue();
        assertThat(small.tryFromAddress(ip)).isFalse();
        assertThat(small.tryFromAddress("198.51.100.8-" + System.nanoTime())).isTrue();
    }

    @Test
    void theBootstrapPasswordMustBeChangedBeforeAnythingElse() {
        staffService.createBootstrap("boot-two", "initial-pass-1");
        var first = login("boot-two", "initial-pass-1").expect(200).body();
        assertThat(first.path("passwordChangeRequired").asBoolean()).isTrue();
        String token = first.path("token").asText();
        assertThat(api.get("/api/staff/me", token).expect(403).code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        assertThat(api.post("/api/staff/accounts", Map.of("username", "x-by-boot", "password", PASSWORD, "displayName", "x",
                "communityId", 3), token).expect(403).code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        assertThat(api.get("/api/staff/booking/stations/1/slots", token).expect(403).code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");

        String path = "/api/staff/auth/password";
        assertThat(api.post(path, Map.of("currentPassword", "initial-pass-1", "newPassword", "initial-pass-1"), token)
                .expect(400).code()).isEqualTo("STAFF_PASSWORD_UNCHANGED");
        assertThat(api.post(path, Map.of("currentPassword", "not-it-at-all", "newPassword", "brand-new-pass"), token)
                .expect(400).code()).isEqualTo("STAFF_PASSWORD_WRONG");
        api.post(path, Map.of("currentPassword", "initial-pass-1", "newPassword", "brand-new-pass"), token).expect(204);

        assertThat(api.get("/api/staff/me", token).expect(200).body().path("role").asText()).isEqualTo("DISTRICT_ADMIN");
        login("boot-two", "initial-pass-1").expect(401);
        assertThat(login("boot-two", "brand-new-pass").expect(200).body().path("passwordChangeRequired").asBoolean()).isFalse();
    }

    @Test
    void aFirstReleaseHashStillSignsInAndIsReplacedByBcrypt() throws Exception {
        long id = newStaff("legacy-hash");
        StaffAccount upd = new StaffAccount();
        upd.setId(id);
        upd.setPasswordHash(pbkdf2("old-style-pass"));
        accounts.updateById(upd);

        login("legacy-hash", "old-style-pass").expect(200);
        assertThat(accounts.selectById(id).getPasswordHash()).startsWith("$2a$" + Passwords.COST + "$");
        login("legacy-hash", "old-style-pass").expect(200);
    }

    @Autowired
    StaffService staffService;

    /** The first release's format: pbkdf2$iterations$salt$hash (PBKDF2-SHA256). */
    private static String pbkdf2(String password) throws Exception {
        byte[] salt = "sixteen-byte-slt".getBytes(StandardCharsets.US_ASCII);
        byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                .generateSecret(new PBEKeySpec(password.toCharArray(), salt, 100_000, 256)).getEncoded();
        return "pbkdf2$100000$" + Base64.getEncoder().encodeToString(salt) + "$" + Base64.getEncoder().encodeToString(hash);
    }
}
