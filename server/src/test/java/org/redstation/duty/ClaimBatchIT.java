package org.redstation.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redstation.common.RedisKeys;
import org.redstation.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/** Claims and releases of one hot shift share lock holds and transactions, and seats still equal active claims. */
class ClaimBatchIT extends DutyTestSupport {
    @Autowired
    Clock clock;
    @Autowired
    ClaimBatch batch;

    @Autowired
    ClaimService claimService;
    @Autowired
    RedissonClient redisson;
    @Autowired
    RedisKeys keys;

    @Test
    void claimsThatMeetInTheShiftsLineShareOneTransaction() throws Exception {
        String admin = api.adminLogin();
        long shift = shift(api, admin, LocalDate.now(clock).plusDays(8).atTime(18, 0), 60, 20);
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            members.add(bulkMember(100 + i));
        }
        long sharedBefore = batch.sharedTransactions();
        long inLinesBefore = claimService.inLines();
        // the shift's lock held here: the first claim waits on it with a batch of one, the other nine queue behind it
        // (a race alone forms shared batches only when the timing allows, which a busy CI machine may not)
        RLock lock = redisson.getLock(keys.lock("duty", "shift", shift));
        lock.lock(30, TimeUnit.SECONDS);
        Map<Integer, Integer> byStatus;
        ExecutorService pool = Executors.newFixedThreadPool(members.size());
        try {
            List<Future<Api.Resp>> fs = new ArrayList<>();
            for (Member m : members) {
                fs.add(pool.submit(() -> api.post("/api/duty/shifts/" + shift + "/claim", null, m.token())));
            }
            Awaitility.await().atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(10))
                    .until(() -> claimService.inLines() - inLinesBefore >= members.size());
            lock.unlock();
            byStatus = new HashMap<>();
            for (Future<Api.Resp> f : fs) {
                byStatus.merge(f.get(30, TimeUnit.SECONDS).status(), 1, Integer::sum);
            }
        } finally {
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
            pool.shutdownNow();
        }
        assertThat(byStatus).containsExactly(Map.entry(200, 10));
        assertThat(taken(shift)).isEqualTo(10).isEqualTo(activeClaims(shift));
        assertThat(batch.sharedTransactions()).as("transactions shared by several claims").isGreaterThan(sharedBefore);
    }

    @Test
    void claimsAndReleasesOfOneShiftOnTwoInstancesKeepSeatsEqualToClaims() throws Exception {
        String admin = api.adminLogin();
        long shift = shift(api, admin, LocalDate.now(clock).plusDays(7).atTime(18, 0), 60, 20);
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            members.add(bulkMember(i));
        }
        try (ConfigurableApplicationContext second = startSecondInstance()) {
            Api other = apiOf(second);
            // everyone claims at once: exactly the 20 seats go
            Map<Integer, Integer> first = fire(shift, members, i -> i % 2 == 0 ? api : other, i -> "claim");
            assertThat(first.get(200)).isEqualTo(20);
            assertThat(taken(shift)).isEqualTo(20);
            assertThat(activeClaims(shift)).isEqualTo(20);

            // the holders release while the others claim: the seats always equal the active claims
            List<Long> holders = jdbc.queryForList("SELECT member_id FROM duty_claim WHERE shift_id = ? AND status = 'ACTIVE'",
                    Long.class, shift);
            Map<Integer, Integer> second2 = fire(shift, members, i -> i % 2 == 0 ? other : api,
                    i -> holders.contains(members.get(i).memberId()) ? "release" : "claim");
            assertThat(second2.getOrDefault(500, 0)).isZero();
            assertThat(taken(shift)).isEqualTo(activeClaims(shift)).isLessThanOrEqualTo(20);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM duty_claim WHERE shift_id = ? AND status = 'RELEASED'",
                    Integer.class, shift)).isEqualTo(20);
        }
    }

    private static Map<Integer, Integer> fire(long shift, List<Member> members, IntFunction<Api> target, IntFunction<String> op)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(60);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Api.Resp>> fs = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            int k = i;
            fs.add(pool.submit(() -> {
                go.await();
                return target.apply(k).post("/api/duty/shifts/" + shift + "/" + op.apply(k), null, members.get(k).token());
            }));
        }
        go.countDown();
        Map<Integer, Integer> byStatus = new HashMap<>();
        for (Future<Api.Resp> f : fs) {
            Api.Resp r = f.get();
            byStatus.merge(r.status(), 1, Integer::sum);
            if (r.status() != 200) {
                assertThat(r.code()).isIn("SHIFT_FULL", "DUTY_BUSY");
            }
        }
        pool.shutdownNow();
        return byStatus;
    }

    /** A member approved straight in the database (fast setup); logs in through the API. */
    Member bulkMember(int i) {
        String code = unique("batch" + i);
        String token = api.login(code);
        long userId = api.get("/api/me", token).expect(200).body().path("id").asLong();
        jdbc.update("INSERT INTO party_member (user_id, community_id, org_id, name, phone, status, created_at, updated_at) "
                + "VALUES (?, 3, 3, '王五', '13800000000', 'APPROVED', NOW(3), NOW(3))", userId);
        long memberId = jdbc.queryForObject("SELECT id FROM party_member WHERE user_id = ?", Long.class, userId);
        return new Member(code, token, userId, memberId);
    }
}
