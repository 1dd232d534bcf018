package org.redstation.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.redstation.booking.BookingFixtures;
import org.redstation.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

/**
 * Issue 10, second part: binding-code brute force, WeChat staff powers of disabled accounts, regex rules, and the
 * rate limits (low limits in this context; the address-wide ones run last, they use up 127.0.0.1's budget).
 */
@TestPropertySource(properties = {
        "redstation.rate.limits.binding-sender.capacity=3",
        "redstation.rate.limits.binding-total.capacity=12",
        "redstation.rate.limits.chat-sender.capacity=4",
        "redstation.rate.limits.booking-resident.capacity=3",
        "redstation.rate.limits.waitlist-resident.capacity=1",
        "redstation.rate.limits.mini-login-code.capacity=2",
        "redstation.rate.limits.mini-login-ip.capacity=40",
        "redstation.rate.limits.staff-login-ip.capacity=40"})
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HardeningIT extends ChatTestBase {
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    org.redstation.common.RateLimits limits;
    @Autowired
    org.redisson.api.RedissonClient redisson;
    @Autowired
    org.redstation.common.RedisKeys redisKeys;

    @Test
    @Order(50) // uses up the binding tries of this minute: after the tests that bind
    void guessingBindingCodesIsBoundedPerSenderAndInTotalAndNeverUnbindsTheRealStaff() {
        String token = boundStaff("brute-staff", 2L, "brute-real");
        String real = mpOpenid("brute-real");
        // one sender: 3 tries, then refused even with a right code
        String attacker = mpOpenid("brute-1");
        for (int i = 0; i < 3; i++) {
            assertThat(say(attacker, "绑定 " + String.format("%06d", 100_000 + i))).isEqualTo(BindingCodeRule.INVALID);
        }
        String code = api.post("/api/staff/chat/binding-code", null, token).expect(200).body().path("code").asText();
        assertThat(say(attacker, "绑定 " + code)).isEqualTo(BindingCodeRule.TOO_MANY);
        // fresh fake senders: the total per minute (12 here, earlier bindings took some) stops them too
        int refused = 0;
        for (int i = 0; i < 12; i++) {
            String answer = say(mpOpenid("brute-fake-" + i), "绑定 " + String.format("%06d", 200_000 + i));
            if (BindingCodeRule.TOO_MANY.equals(answer)) {
                refused++;
            }
        }
        assertThat(refused).as("fake openids run into the total limit").isGreaterThan(0);
        assertThat(say(mpOpenid("brute-fake-last"), "绑定 " + code)).as("even the right code waits").isEqualTo(BindingCodeRule.TOO_MANY);
        // the real binding survived every failed try, and the unused code still works later
        assertThat(jdbc.queryForObject("SELECT openid FROM chat_staff_binding WHERE staff_id = (SELECT id FROM staff_account "
                + "WHERE username = 'brute-staff')", String.class)).isEqualTo(real);
        assertThat(api.get("/api/staff/chat/binding", token).expect(200).body().path("bound").asBoolean()).isTrue();
    }

    @Test
    @Order(2)
    void aDisabledAccountLosesItsBindingAndGetsNoForwards() {
        String admin = api.adminLogin();
        String token = boundStaff("gone-staff", 12L, "gone-staff-wx");
        boundStaff("stay-staff", 12L, "stay-staff-wx");
        long goneId = api.get("/api/staff/me", token).expect(200).body().path("id").asLong();
        assertThat(api.get("/api/staff/chat/bindings", admin).expect(200).body().findValuesAsText("displayName"))
                .contains("王gone-staff", "王stay-staff");
        api.post("/api/staff/accounts/" + goneId + "/disable", null, admin).expect(200);
        assertThat(api.get("/api/staff/chat/bindings", admin).expect(200).body().findValuesAsText("displayName"))
                .doesNotContain("王gone-staff").contains("王stay-staff");
        assertThat(api.get("/api/staff/me", token).status()).isEqualTo(401);

        String resident = mpOpenid("gone-resident");
        assertThat(say(resident, "楼道的灯坏了三天了")).contains("请回复您所在的社区");
        say(resident, "东风社区");
        awaitMessage("custom", mpOpenid("stay-staff-wx"), "楼道的灯坏了");
        assertThat(sandbox.inbox().find("custom", mpOpenid("gone-staff-wx"), null)).isEmpty();
        assertThat(say(mpOpenid("gone-staff-wx"), "待回复")).isEqualTo(StaffCommandRule.STAFF_ONLY);
    }

    @Test
    @Order(3)
    void administratorsListAndRevokeBindingsInTheirScopeOnly() {
        String admin = api.adminLogin();
        String staff = boundStaff("revoke-staff", 3L, "revoke-wx");
        long id = api.get("/api/staff/me", staff).expect(200).body().path("id").asLong();
        assertThat(api.get("/api/staff/chat/bindings", staff).status()).isEqualTo(403);
        assertThat(api.delete("/api/staff/chat/bindings/" + id, staff).status()).isEqualTo(403);
        api.delete("/api/staff/chat/bindings/" + id, admin).expect(200);
        assertThat(api.get("/api/staff/chat/binding", staff).expect(200).body().path("bound").asBoolean()).isFalse();
        assertThat(api.delete("/api/staff/chat/bindings/" + id, admin).code()).isEqualTo("BINDING_NOT_FOUND");
    }

    @Test
    @Order(4)
    void onlyDistrictAdministratorsWriteRegexRulesAndACatastrophicOneAnswersPromptly() {
        String admin = api.adminLogin();
        String staff = boundStaff("regex-staff", 4L, "regex-wx");
        assertThat(api.post("/api/staff/chat/rules", Map.of("communityId", 4, "matchType", "REGEX", "pattern", "停车.*",
                "reply", "x"), staff).status()).isEqualTo(403);
        assertThat(api.post("/api/staff/chat/rules", Map.of("matchType", "REGEX", "pattern", "(a)\\1", "reply", "x"), admin)
                .expect(400).code()).as("a backreference has no linear-time match").isEqualTo("RULE_PATTERN_INVALID");
        api.post("/api/staff/chat/rules", Map.of("matchType", "REGEX", "pattern", "(a+)+$", "reply", "不会匹配"), admin).expect(200);
        String text = "a".repeat(590) + "b";
        CompletableFuture<Api.Resp> answer = CompletableFuture.supplyAsync(() ->
                api.post("/api/staff/chat/rules/test", Map.of("text", text), admin));
        await().atMost(Duration.ofSeconds(20)).until(answer::isDone);
        assertThat(answer.join().status()).isEqualTo(200);
        assertThat(answer.join().body().path("matched").asBoolean()).isFalse();
        jdbc.update("DELETE FROM chat_rule WHERE pattern = '(a+)+$'");
    }

    @Test
    @Order(5)
    void aSenderOverTheChatLimitIsToldToWaitAndNothingIsStored() {
        String from = mpOpenid("chatty");
        for (int i = 0; i < 4; i++) {
            assertThat(say(from, "帮助")).doesNotContain("操作太频繁");
        }
        assertThat(say(from, "我家水管坏了（第五条）")).isEqualTo(ChatRateLimit.TOO_MANY);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM chat_message WHERE openid = ?", Integer.class, from)).isZero();
        assertThat(say(mpOpenid("quiet"), "帮助")).as("other senders are not affected").doesNotContain("操作太频繁");
    }

    @Test
    @Order(6)
    void bookingsAndWaitingListPlacesArePerResidentPerDay() {
        String resident = api.login("rate-booker");
        Map<String, Object> book = Map.of("slotId", 999_999_999, "serviceId", 1);
        for (int i = 0; i < 3; i++) {
            assertThat(api.post("/api/booking/bookings", book, resident).status()).isNotEqualTo(429);
        }
        Api.Resp limited = api.post("/api/booking/bookings", book, resident);
        assertLimited(limited);
        String other = api.login("rate-waiter");
        Map<String, Object> wait = Map.of("slotId", 999_999_999, "serviceId", 1, "waitlist", true);
        assertThat(api.post("/api/booking/bookings", wait, other).status()).isNotEqualTo(429);
        assertLimited(api.post("/api/booking/bookings", wait, other));
        assertThat(api.post("/api/booking/bookings", book, api.login("rate-other")).status()).as("per resident").isNotEqualTo(429);
    }

    @Test
    @Order(9)
    void tapsOnAFullSlotAnsweredByItsHintCostNoneOfTheDaysBookings() {
        BookingFixtures fx = new BookingFixtures(api, jdbc);
        long station = 9; // the booking tests' station
        long service = fx.service(station, "满员限次-" + System.nanoTime() % 100000);
        long rule = fx.rule(station, 1, 0, true, List.of(service)).path("id").asLong();
        long full = fx.tomorrowSlot(rule);
        long later = jdbc.queryForObject("SELECT id FROM booking_slot WHERE rule_id = ? AND slot_date > ? ORDER BY slot_date LIMIT 1",
                Long.class, rule, LocalDate.now(BookingFixtures.ZONE).plusDays(1));
        api.post("/api/booking/bookings", BookingFixtures.book(station, full, service), api.login("rate-full-first")).expect(201);
        String tapper = api.login("rate-full-tapper");
        // the first refusal comes from the database (it counts: 1 of the 3 here) and writes the hint (asynchronously)
        assertThat(api.post("/api/booking/bookings", BookingFixtures.book(station, full, service), tapper).code())
                .isEqualTo("SLOT_FULL");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> redisson.getBucket(redisKeys.key("booking", "full", Long.toString(full))).isExists());
        for (int i = 0; i < 6; i++) { // the next ones from the hint
            assertThat(api.post("/api/booking/bookings", BookingFixtures.book(station, full, service), tapper).code())
                    .as("tap %d", i + 2).isEqualTo("SLOT_FULL");
        }
        api.post("/api/booking/bookings", BookingFixtures.book(station, later, service), tapper).expect(201);
        assertThat(limits.tryTake("booking-resident", String.valueOf(fx.userId(tapper))))
                .as("the database's refusal and the booking took 2 of 3").isTrue();
        assertLimited(api.post("/api/booking/bookings", BookingFixtures.book(station, later, service), tapper));
    }

    @Test
    @Order(7)
    void theSameLoginCodeIsRefusedAfterItsTries() {
        assertThat(api.post("/api/auth/login", Map.of("code", "rate-code-1")).status()).isNotEqualTo(429);
        assertThat(api.post("/api/auth/login", Map.of("code", "rate-code-1")).status()).isNotEqualTo(429);
        assertLimited(api.post("/api/auth/login", Map.of("code", "rate-code-1")));
    }

    @Test
    @Order(8)
    void aPosterIsRenderedOncePerStationContentAndAgainAfterAnEdit() {
        String admin = api.adminLogin();
        long station = jdbc.queryForObject("SELECT MIN(id) FROM station", Long.class);
        byte[] first = api.get("/api/staff/stations/" + station + "/poster", admin).expect(200).raw();
        String key = jdbc.queryForObject("SELECT content_key FROM station_poster WHERE station_id = ?", String.class, station);
        java.sql.Timestamp made = jdbc.queryForObject("SELECT created_at FROM station_poster WHERE station_id = ?",
                java.sql.Timestamp.class, station);
        assertThat(api.get("/api/staff/stations/" + station + "/poster", admin).expect(200).raw()).isEqualTo(first);
        assertThat(jdbc.queryForObject("SELECT created_at FROM station_poster WHERE station_id = ?", java.sql.Timestamp.class,
                station)).as("served from station_poster, not rendered again").isEqualTo(made);
        String name = jdbc.queryForObject("SELECT name FROM station WHERE id = ?", String.class, station);
        jdbc.update("UPDATE station SET name = ? WHERE id = ?", name + "（新）", station);
        try {
            api.get("/api/staff/stations/" + station + "/poster", admin).expect(200);
            assertThat(jdbc.queryForObject("SELECT content_key FROM station_poster WHERE station_id = ?", String.class, station))
                    .as("a new name draws a new poster").isNotEqualTo(key);
        } finally {
            jdbc.update("UPDATE station SET name = ? WHERE id = ?", name, station);
        }
    }

    @Test
    @Order(100) // uses up 127.0.0.1's budget: last
    void miniProgramLoginsFromOneAddressAreLimited() {
        useUp("mini-login-ip", "127.0.0.1");
        assertLimited(api.post("/api/auth/login", Map.of("code", "rate-ip-code")));
    }

    @Test
    @Order(101)
    void staffSignInsFromOneAddressAreLimited() {
        useUp("staff-login-ip", "127.0.0.1");
        assertLimited(api.post("/api/staff/auth/login", Map.of("username", "admin", "password", "wrong-password")));
    }

    /** Takes what is left of a limit for a key (the bucket arithmetic is Bucket4j's; here: that the endpoint asks it). */
    private void useUp(String limit, String key) {
        int taken = 0;
        while (limits.tryTake(limit, key)) {
            assertThat(++taken).as("a limit of this context ends").isLessThan(1000);
        }
    }

    private static void assertLimited(Api.Resp r) {
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.code()).isEqualTo("RATE_LIMITED");
        assertThat(r.body().path("message").asText()).isEqualTo("操作太频繁，请稍后再试");
        assertThat(Long.parseLong(r.header("Retry-After"))).isPositive();
    }
}
