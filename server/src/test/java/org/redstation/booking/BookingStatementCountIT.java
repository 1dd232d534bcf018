package org.redstation.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redstation.support.IntegrationTest;
import org.redstation.support.StatementCounter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The lists run a fixed number of statements, whether they hold 1 row or 100. */
class BookingStatementCountIT extends IntegrationTest {
    @Autowired
    JdbcTemplate jdbc;
    BookingFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new BookingFixtures(api, jdbc);
    }

    /** A rule with {@code slots} future slots of the station (written straight in: 100 days of slots). */
    private long ruleWithSlots(long stationId, long serviceId, int slots) {
        long ruleId = fx.rule(stationId, 5, 60, true, List.of(serviceId)).path("id").asLong();
        jdbc.update("UPDATE booking_rule SET active = 0 WHERE id = ?", ruleId);
        jdbc.update("DELETE FROM booking_slot WHERE rule_id = ?", ruleId);
        LocalDate first = LocalDate.now(BookingFixtures.ZONE).plusDays(1);
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            rows.add(new Object[] {stationId, ruleId, first.plusDays(i)});
        }
        jdbc.batchUpdate("INSERT INTO booking_slot (station_id, rule_id, slot_date, start_time, end_time, kind, name, capacity, "
                + "booked, cancel_cutoff_minutes, waitlist_enabled, status, created_at) VALUES (?, ?, ?, '10:00', '11:00', "
                + "'EVENING_EXTRA', '晚间一小时', 5, 1, 60, 1, 'OPEN', NOW(3))", rows);
        return ruleId;
    }

    /**
     * One user's confirmed and 候补 bookings, one per slot of the rule; the first is always 候补, so one booking and a
     * hundred need the same lookups (the 候补 positions run only when something waits).
     */
    private void bookAll(long ruleId, long stationId, long userId, long serviceId) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(BookingFixtures.ZONE));
        long first = jdbc.queryForObject("SELECT MIN(id) FROM booking_slot WHERE rule_id = ?", Long.class, ruleId);
        jdbc.update("INSERT INTO booking (slot_id, station_id, user_id, service_id, status, active_slot_id, created_at, updated_at) "
                + "SELECT id, ?, ?, ?, IF(id <> ? AND MOD(id, 2) = 0, 'CONFIRMED', 'WAITING'), id, ?, ? FROM booking_slot "
                + "WHERE rule_id = ?", stationId, userId, serviceId, first, now, now, ruleId);
    }

    @Test
    void myBookingsRunTheSameStatementsForOneAndAHundredBookings() {
        long svc = fx.service(10, "计数-" + System.nanoTime() % 100000);
        String one = api.login("count-one");
        String hundred = api.login("count-hundred");
        bookAll(ruleWithSlots(10, svc, 1), 10, fx.userId(one), svc);
        bookAll(ruleWithSlots(10, svc, 100), 10, fx.userId(hundred), svc);
        api.get("/api/booking/bookings/mine", one).expect(200);   // warm caches of the login path, for both users
        api.get("/api/booking/bookings/mine", hundred).expect(200);

        StatementCounter.Counted<Integer> small = StatementCounter.count(() ->
                api.get("/api/booking/bookings/mine", one).expect(200).body().path("upcoming").size());
        StatementCounter.Counted<Integer> large = StatementCounter.count(() ->
                api.get("/api/booking/bookings/mine", hundred).expect(200).body().path("upcoming").size());
        assertThat(small.value()).isEqualTo(1);
        assertThat(large.value()).isEqualTo(100);
        assertThat(large.statements()).isEqualTo(small.statements()).isLessThanOrEqualTo(8);
    }

    @Test
    void slotListsRunTheSameStatementsForOneAndAHundredSlots() {
        long svcA = fx.service(7, "计数A-" + System.nanoTime() % 100000);
        long svcB = fx.service(8, "计数B-" + System.nanoTime() % 100000);
        ruleWithSlots(7, svcA, 1);
        ruleWithSlots(8, svcB, 100);
        String user = api.login("count-slots");
        api.get("/api/booking/stations/7/slots?days=31", user).expect(200);

        StatementCounter.Counted<Integer> small = StatementCounter.count(() -> api.get("/api/booking/stations/7/slots?days=31", user)
                .expect(200).body().findValues("id").size());
        StatementCounter.Counted<Integer> large = StatementCounter.count(() -> api.get("/api/booking/stations/8/slots?days=31", user)
                .expect(200).body().findValues("id").size());
        assertThat(large.value()).isGreaterThan(small.value());
        assertThat(large.statements()).isEqualTo(small.statements()).isLessThanOrEqualTo(8);

        long staffSmall = StatementCounter.count(() -> api.get("/api/staff/booking/stations/7/slots?days=31", fx.admin()).expect(200)).statements();
        long staffLarge = StatementCounter.count(() -> api.get("/api/staff/booking/stations/8/slots?days=31", fx.admin()).expect(200)).statements();
        assertThat(staffLarge).isEqualTo(staffSmall);
    }

    @Test
    void aSlotsBookingListForStaffRunsTheSameStatementsForOneAndManyBookings() {
        long svc = fx.service(9, "名单-" + System.nanoTime() % 100000);
        long ruleId = ruleWithSlots(9, svc, 2);
        List<Long> slots = jdbc.queryForList("SELECT id FROM booking_slot WHERE rule_id = ? ORDER BY id", Long.class, ruleId);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(BookingFixtures.ZONE));
        jdbc.update("INSERT INTO booking (slot_id, station_id, user_id, service_id, status, active_slot_id, created_at, updated_at) "
                + "VALUES (?, 9, 900001, ?, 'CONFIRMED', ?, ?, ?)", slots.get(0), svc, slots.get(0), now, now);
        for (int u = 0; u < 100; u++) {
            jdbc.update("INSERT INTO booking (slot_id, station_id, user_id, service_id, status, active_slot_id, created_at, updated_at) "
                    + "VALUES (?, 9, ?, ?, 'WAITING', ?, ?, ?)", slots.get(1), 910000 + u, svc, slots.get(1), now, now);
        }
        String admin = fx.admin();
        api.get("/api/staff/booking/slots/" + slots.get(0) + "/bookings", admin).expect(200);
        long small = StatementCounter.count(() -> api.get("/api/staff/booking/slots/" + slots.get(0) + "/bookings", admin).expect(200)).statements();
        long large = StatementCounter.count(() -> api.get("/api/staff/booking/slots/" + slots.get(1) + "/bookings", admin).expect(200)).statements();
        assertThat(large).isEqualTo(small);
    }
}
