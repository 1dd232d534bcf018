package org.redstation.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redstation.support.Api;
import org.redstation.support.TwoInstanceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Concurrent bookings of one slot run as one transaction per batch: every request still gets its own answer. */
class BookingCoalescingIT extends TwoInstanceTest {
    private static final long STATION = 9;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    BookingService bookings;

    BookingFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new BookingFixtures(api, jdbc);
    }


    private static String login(Api a, String code) {
        for (int attempt = 1; ; attempt++) {
            Api.Resp r = a.post("/api/auth/login", Map.of("code", code));
            if (r.status() == 200 || attempt == 10) {
                return r.expect(200).body().path("token").asText();
            }
        }
    }

    private void awaitInLines(long atLeast) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).pollInterval(java.time.Duration.ofMillis(20))
                .until(() -> bookings.inLines() >= atLeast);
    }

    private Map<String, Object> req(long slot, long svc, String key) {
        Map<String, Object> r = BookingFixtures.book(STATION, slot, svc);
        r.put("idempotencyKey", key);
        return r;
    }

    @Test
    void aSecondBookingInsideABatchFailsOnlyItselfAndTheOthersAreBooked() throws Exception {
        long svc = fx.service(STATION, "合并测试-" + System.nanoTime() % 100000);
        long slot = fx.tomorrowSlot(fx.rule(STATION, 50, 60, false, List.of(svc)).path("id").asLong());
        int n = 11;
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i <= n; i++) {
            tokens.add(login(api, "coalesce-dup-" + System.nanoTime() + "-" + i));
        }
        // resident 0 already holds a seat of the slot
        api.post("/api/booking/bookings", req(slot, svc, "first"), tokens.get(0)).expect(201);
        long[] before = bookings.batchCounts();

        ExecutorService pool = Executors.newFixedThreadPool(n + 1);
        try (Connection c = dataSource.getConnection()) {
            // hold the slot row: the first request of the line waits on it, the others queue behind it in memory
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM booking_slot WHERE id = ? FOR UPDATE")) {
                ps.setLong(1, slot);
                ps.executeQuery().close();
            }
            List<Future<Api.Resp>> others = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                int k = i;
                others.add(pool.submit(() -> api.post("/api/booking/bookings", req(slot, svc, "k" + k), tokens.get(k))));
            }
            // all of them reached the lines: the batches that started wait on the row lock, the rest in line
            awaitInLines(n);
            // resident 0 taps again (another key): it meets the others in the line, and its batch hits the unique key
            Future<Api.Resp> duplicate = pool.submit(() -> api.post("/api/booking/bookings", req(slot, svc, "again"), tokens.get(0)));
            awaitInLines(n + 1);
            c.commit();

            assertThat(duplicate.get(60, TimeUnit.SECONDS).expect(409).code()).isEqualTo("ALREADY_BOOKED");
            for (Future<Api.Resp> f : others) {
                Api.Resp r = f.get(60, TimeUnit.SECONDS).expect(201);
                assertThat(r.body().path("status").asText()).isEqualTo("CONFIRMED");
                assertThat(r.body().path("id").asLong()).isPositive();
            }
        } finally {
            pool.shutdownNow();
        }
        long[] after = bookings.batchCounts();
        assertThat(after[1] - before[1]).as("batches run one by one after the duplicate").isGreaterThanOrEqualTo(1);
        assertThat(fx.booked(slot)).isEqualTo(n + 1);
        assertThat(fx.count("SELECT COUNT(*) FROM booking WHERE slot_id = ? AND status = 'CONFIRMED'", slot)).isEqualTo(n + 1);
        assertThat(fx.count("SELECT COUNT(*) FROM notify_outbox WHERE dedup_key IN "
                + "(SELECT CONCAT('booking-confirmed:', id) FROM booking WHERE slot_id = ?)", slot)).isEqualTo(n + 1);
    }

    @Test
    void twoHundredTapsOnTwoInstancesShareTransactionsAndTakeExactlyTheSeats() throws Exception {
        long svc = fx.service(STATION, "合并并发-" + System.nanoTime() % 100000);
        long slot = fx.tomorrowSlot(fx.rule(STATION, 30, 60, true, List.of(svc)).path("id").asLong());
        int n = 200;
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tokens.add(login(i % 2 == 0 ? api : api2, "coalesce-many-" + System.nanoTime() + "-" + i));
        }
        long[] before = bookings.batchCounts();
        ExecutorService pool = Executors.newFixedThreadPool(64);
        List<Future<Api.Resp>> fs = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                int k = i;
                Map<String, Object> r = req(slot, svc, "m" + k);
                r.put("waitlist", k % 4 == 0);
                fs.add(pool.submit(() -> (k % 2 == 0 ? api : api2).post("/api/booking/bookings", r, tokens.get(k))));
            }
            List<Api.Resp> rs = new ArrayList<>();
            for (Future<Api.Resp> f : fs) {
                rs.add(f.get(120, TimeUnit.SECONDS));
            }
            BookingFixtures.assertNoServerErrors(rs);
            long confirmed = rs.stream().filter(r -> r.status() == 201 && "CONFIRMED".equals(r.body().path("status").asText())).count();
            long waiting = rs.stream().filter(r -> r.status() == 201 && "WAITING".equals(r.body().path("status").asText())).count();
            long full = rs.stream().filter(r -> r.status() == 409 && "SLOT_FULL".equals(r.code())).count();
            assertThat(confirmed).isEqualTo(30);
            assertThat(confirmed + waiting + full).isEqualTo(n);
            assertThat(rs.stream().filter(r -> r.status() == 201).map(r -> r.body().path("id").asLong()).distinct().count())
                    .isEqualTo(confirmed + waiting);
            assertThat(fx.count("SELECT COUNT(*) FROM booking WHERE slot_id = ? AND status = 'WAITING'", slot)).isEqualTo((int) waiting);
        } finally {
            pool.shutdownNow();
        }
        assertThat(bookings.batchCounts()[0] - before[0]).as("transactions shared by several bookings").isPositive();
        assertThat(fx.booked(slot)).isEqualTo(30);
        assertThat(fx.count("SELECT COUNT(*) FROM booking WHERE slot_id = ? AND status = 'CONFIRMED'", slot)).isEqualTo(30);
        assertThat(fx.count("SELECT COUNT(*) FROM notify_outbox WHERE dedup_key IN "
                + "(SELECT CONCAT('booking-confirmed:', id) FROM booking WHERE slot_id = ?)", slot)).isEqualTo(30);
        assertThat(fx.count("SELECT COUNT(*) FROM notify_message WHERE dedup_key IN "
                + "(SELECT CONCAT('booking-confirmed:', id) FROM booking WHERE slot_id = ?)", slot)).isEqualTo(30);
    }
}
