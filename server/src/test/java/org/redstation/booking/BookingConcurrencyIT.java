package org.redstation.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redstation.support.Api;
import org.redstation.support.TwoInstanceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Capacity, one booking per resident and slot, idempotency and reminders under contention on two instances. */
class BookingConcurrencyIT extends TwoInstanceTest {
    private static final long STATION = 9;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ReminderJob reminders;

    BookingFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new BookingFixtures(api, jdbc);
    }


    private static <T> List<T> all(int threads, List<Callable<T>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<T>> fs = pool.invokeAll(tasks);
            List<T> out = new ArrayList<>();
            for (Future<T> f : fs) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Test set-up only: a login refused with 503 on an overloaded machine (Redis timeout) is simply repeated. */
    private static String login(Api a, String code) {
        for (int attempt = 1; ; attempt++) {
            Api.Resp r = a.post("/api/auth/login", Map.of("code", code));
            if (r.status() == 200 || attempt == 10) {
                return r.expect(200).body().path("token").asText();
            }
        }
    }

    @Test
    void fiveHundredResidentsOnTwoInstancesGetExactlyTwentySeats() throws Exception {
        long svc = fx.service(STATION, "并发测试-" + System.nanoTime() % 100000);
        long slot = fx.tomorrowSlot(fx.rule(STATION, 20, 60, true, List.of(svc)).path("id").asLong());
        int n = 500;
        List<Callable<String>> logins = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            logins.add(() -> login(k % 2 == 0 ? api : api2, "booker-" + k));
        }
        List<String> tokens = all(16, logins);

        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Api.Resp>> books = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            books.add(() -> {
                Map<String, Object> req = BookingFixtures.book(STATION, slot, svc);
                req.put("idempotencyKey", "bk-" + k);
                req.put("waitlist", k % 5 == 0);
                go.await();
                return (k % 2 == 0 ? api : api2).post("/api/booking/bookings", req, tokens.get(k));
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<Api.Resp>> fs = new ArrayList<>();
        for (Callable<Api.Resp> c : books) {
            fs.add(pool.submit(c));
        }
        go.countDown();
        List<Api.Resp> rs = new ArrayList<>();
        for (Future<Api.Resp> f : fs) {
            rs.add(f.get());
        }
        pool.shutdownNow();

        BookingFixtures.assertNoServerErrors(rs);
        long confirmed = rs.stream().filter(r -> r.status() == 201 && "CONFIRMED".equals(r.body().path("status").asText())).count();
        long waiting = rs.stream().filter(r -> r.status() == 201 && "WAITING".equals(r.body().path("status").asText())).count();
        long full = rs.stream().filter(r -> r.status() == 409 && "SLOT_FULL".equals(r.code())).count();
        assertThat(confirmed).isEqualTo(20);
        assertThat(confirmed + waiting + full).isEqualTo(n);
        // everyone who asked for the waiting list and got no seat is on it
        long askedWaitlist = n / 5;
        assertThat(waiting).isBetween(askedWaitlist - 20, askedWaitlist);
        assertThat(fx.booked(slot)).isEqualTo(20);
        assertThat(fx.count("SELECT COUNT(*) FROM booking WHERE slot_id = ? AND status = 'CONFIRMED'", slot)).isEqualTo(20);
        assertThat(fx.count("SELECT COUNT(*) FROM booking WHERE slot_id = ? AND status = 'WAITING'", slot)).isEqualTo((int) waiting);
        assertThat(fx.count("SELECT COUNT(*) FROM notify_outbox WHERE template = 'booking-confirmed' AND dedup_key IN "
                + "(SELECT CONCAT('booking-confirmed:', id) FROM booking WHERE slot_id = ?)", slot)).isEqualTo(20);

        // a freed seat goes to the first waiter, once, even when two cancels race
        List<Long> confirmedIds = jdbc.queryForList("SELECT id FROM booking WHERE slot_id = ? AND status = 'CONFIRMED' ORDER BY id LIMIT 2",
                Long.class, slot);
        List<Long> owners = confirmedIds.stream().map(id -> jdbc.queryForObject("SELECT user_id FROM booking WHERE id = ?", Long.class, id)).toList();
        List<String> ownerTokens = new ArrayList<>();
        for (long uid : owners) {
            for (int i = 0; i < n; i++) {
                if (uid == fx.userId(tokens.get(i))) {
                    ownerTokens.add(tokens.get(i));
                    break;
                }
            }
        }
        List<Long> firstWaiters = jdbc.queryForList("SELECT id FROM booking WHERE slot_id = ? AND status = 'WAITING' ORDER BY id LIMIT 2",
                Long.class, slot);
        List<Api.Resp> cancels = all(2, List.of(
                () -> api.post("/api/booking/bookings/" + confirmedIds.get(0) + "/cancel", null, ownerTokens.get(0)),
                () -> api2.post("/api/booking/bookings/" + confirmedIds.get(1) + "/cancel", null, ownerTokens.get(1))));
        assertThat(cancels).allSatisfy(r -> assertThat(r.status()).as(r.text()).isEqualTo(200));
        assertThat(fx.booked(slot)).isEqualTo(20);
        assertThat(fx.count("SELECT COUNT(*) FROM booking WHERE slot_id = ? AND status = 'CONFIRMED'", slot)).isEqualTo(20);
        for (long w : firstWaiters) {
            assertThat(fx.count("SELECT COUNT(*) FROM booking WHERE id = ? AND status = 'CONFIRMED'", w)).isEqualTo(1);
            assertThat(fx.count("SELECT COUNT(*) FROM notify_outbox WHERE dedup_key = ?", "booking-promoted:" + w)).isEqualTo(1);
        }
    }

    @Test
    void retriedTapsAndDoubleBookingsOfOneResidentGiveOneBooking() throws Exception {
        long svc = fx.service(STATION, "重复点击-" + System.nanoTime() % 100000);
        long slot = fx.tomorrowSlot(fx.rule(STATION, 5, 60, true, List.of(svc)).path("id").asLong());
        String token = api.login("booker-repeat");
        // 20 taps with the same key on both instances: one booking, every answer names it
        List<Callable<Api.Resp>> taps = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int k = i;
            taps.add(() -> {
                Map<String, Object> req = BookingFixtures.book(STATION, slot, svc);
                req.put("idempotencyKey", "same-tap");
                return (k % 2 == 0 ? api : api2).post("/api/booking/bookings", req, token);
            });
        }
        List<Api.Resp> rs = all(20, taps);
        BookingFixtures.assertNoServerErrors(rs);
        assertThat(rs.stream().map(r -> r.body().path("id").asLong()).distinct()).hasSize(1);
        assertThat(fx.booked(slot)).isEqualTo(1);

        // different keys for the same slot: still one active booking
        String other = api.login("booker-double");
        List<Callable<Api.Resp>> doubles = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int k = i;
            doubles.add(() -> {
                Map<String, Object> req = BookingFixtures.book(STATION, slot, svc);
                req.put("idempotencyKey", "key-" + k);
                return (k % 2 == 0 ? api : api2).post("/api/booking/bookings", req, other);
            });
        }
        List<Api.Resp> ds = all(20, doubles);
        BookingFixtures.assertNoServerErrors(ds);
        assertThat(ds.stream().filter(r -> r.status() == 201).count()).isEqualTo(1);
        assertThat(ds.stream().filter(r -> r.status() == 409).map(Api.Resp::code).distinct()).containsExactly("ALREADY_BOOKED");
        assertThat(fx.booked(slot)).isEqualTo(2);
    }

    @Test
    void remindersAreQueuedExactlyOnceAcrossInstances() throws Exception {
        long svc = fx.service(STATION, "提醒并发-" + System.nanoTime() % 100000);
        long ruleId = fx.rule(STATION, 30, 0, true, List.of(svc)).path("id").asLong();
        java.time.LocalDateTime start = java.time.LocalDateTime.now(BookingFixtures.ZONE).plusMinutes(20).withSecond(0).withNano(0);
        jdbc.update("DELETE FROM booking_slot WHERE rule_id = ? AND slot_date = ?", ruleId, start.toLocalDate());
        long slot = fx.slotAt(ruleId, STATION, start, 30);
        for (int i = 0; i < 10; i++) {
            api.post("/api/booking/bookings", BookingFixtures.book(STATION, slot, svc), api.login("booker-remind-" + i)).expect(201);
        }
        ReminderJob other = second.getBean(ReminderJob.class);
        List<Callable<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            runs.add(i % 2 == 0 ? reminders::sendDue : other::sendDue);
        }
        List<Integer> queued = all(6, runs);
        assertThat(fx.count("SELECT COUNT(*) FROM notify_outbox WHERE template = 'booking-reminder' AND dedup_key IN "
                + "(SELECT CONCAT('booking-reminder:', id) FROM booking WHERE slot_id = ?)", slot)).isEqualTo(10);
        // the scheduled reminder job of any running context may take some of them first: never more than one each
        assertThat(queued.stream().mapToInt(Integer::intValue).sum()).isLessThanOrEqualTo(10);
    }
}
