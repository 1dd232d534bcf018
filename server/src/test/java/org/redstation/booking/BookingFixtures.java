package org.redstation.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.redstation.support.Api;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rules, services and slots for booking tests, made through the staff API (or SQL for slots in the past). */
public final class BookingFixtures {
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final Api api;
    private final JdbcTemplate jdbc;
    private final String admin;

    public BookingFixtures(Api api, JdbcTemplate jdbc) {
        this.api = api;
        this.jdbc = jdbc;
        this.admin = api.adminLogin();
    }

    String admin() {
        return admin;
    }

    /** A new bookable catalogue service that the station offers (through the station module's staff API). */
    public long service(long stationId, String name) {
        long id = catalogueService(name, "BOOKABLE");
        offer(stationId, id);
        return id;
    }

    /** A new catalogue service (not yet offered anywhere). */
    long catalogueService(String name, String usageMode) {
        return api.post("/api/staff/services", Map.of("name", name, "category", "便民服务", "usageMode", usageMode), admin)
                .expect(201).body().path("id").asLong();
    }

    /** Adds a catalogue service to what the station offers, keeping its other services. */
    void offer(long stationId, long serviceId) {
        List<Map<String, Object>> offers = new java.util.ArrayList<>();
        for (JsonNode group : api.get("/api/staff/stations/" + stationId, admin).expect(200).body().path("serviceGroups")) {
            for (JsonNode e : group.path("services")) {
                Map<String, Object> o = new HashMap<>();
                o.put("serviceId", e.path("id").asLong());
                o.put("note", e.hasNonNull("note") ? e.path("note").asText() : null);
                o.put("hours", e.hasNonNull("hours") ? e.path("hours").asText() : null);
                offers.add(o);
            }
        }
        offers.add(new HashMap<>(Map.of("serviceId", serviceId)));
        api.put("/api/staff/stations/" + stationId + "/services", Map.of("services", offers), admin).expect(200);
    }

    /** A rule open every day at 10:00-11:00; returns the rule JSON. */
    public JsonNode rule(long stationId, int capacity, int cutoffMinutes, boolean waitlist, List<Long> services) {
        return api.post("/api/staff/booking/stations/" + stationId + "/rules",
                ruleBody(capacity, cutoffMinutes, waitlist, 3, services), admin).expect(201).body();
    }

    /** The body of a rule open every day at 10:00-11:00, for a create or an update. */
    static Map<String, Object> ruleBody(int capacity, int cutoffMinutes, boolean waitlist, int openDaysAhead,
                                        List<Long> services) {
        Map<String, Object> r = new HashMap<>();
        r.put("kind", "EVENING_EXTRA");
        r.put("name", "晚间一小时");
        r.put("weekdays", List.of(1, 2, 3, 4, 5, 6, 7));
        r.put("start", "10:00");
        r.put("end", "11:00");
        r.put("capacity", capacity);
        r.put("openDaysAhead", openDaysAhead);
        r.put("cancelCutoffMinutes", cutoffMinutes);
        r.put("waitlistEnabled", waitlist);
        r.put("serviceIds", services);
        return r;
    }

    /** Tomorrow's slot of a rule (always in the future). */
    public long tomorrowSlot(long ruleId) {
        return jdbc.queryForObject("SELECT id FROM booking_slot WHERE rule_id = ? AND slot_date = ?", Long.class, ruleId,
                LocalDate.now(ZONE).plusDays(1));
    }

    /** A slot of the rule starting at {@code start} (inserted directly, e.g. in the past or in 30 minutes). */
    long slotAt(long ruleId, long stationId, LocalDateTime start, int capacity) {
        LocalTime end = start.toLocalTime().isAfter(LocalTime.of(23, 0)) ? LocalTime.of(23, 59, 59) : start.toLocalTime().plusMinutes(45);
        jdbc.update("INSERT INTO booking_slot (station_id, rule_id, slot_date, start_time, end_time, kind, name, capacity, booked, "
                        + "cancel_cutoff_minutes, waitlist_enabled, status, created_at) VALUES (?, ?, ?, ?, ?, 'EVENING_EXTRA', "
                        + "'晚间一小时', ?, 0, 60, 1, 'OPEN', NOW(3))", stationId, ruleId, start.toLocalDate(),
                start.toLocalTime().withNano(0), end, capacity);
        return jdbc.queryForObject("SELECT id FROM booking_slot WHERE rule_id = ? AND slot_date = ?", Long.class, ruleId,
                start.toLocalDate());
    }

    /** A confirmed booking written straight into a (past) slot. */
    long bookingInto(long slotId, long stationId, long userId, long serviceId) {
        jdbc.update("UPDATE booking_slot SET booked = booked + 1 WHERE id = ?", slotId);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZONE));
        jdbc.update("INSERT INTO booking (slot_id, station_id, user_id, service_id, status, active_slot_id, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, 'CONFIRMED', ?, ?, ?)", slotId, stationId, userId, serviceId, slotId, now, now);
        return jdbc.queryForObject("SELECT MAX(id) FROM booking WHERE user_id = ?", Long.class, userId);
    }

    public static Map<String, Object> book(long stationId, long slotId, long serviceId) {
        Map<String, Object> b = new HashMap<>();
        b.put("stationId", stationId);
        b.put("slotId", slotId);
        b.put("serviceId", serviceId);
        return b;
    }

    public long userId(String token) {
        return api.get("/api/me", token).expect(200).body().path("id").asLong();
    }

    int booked(long slotId) {
        return jdbc.queryForObject("SELECT booked FROM booking_slot WHERE id = ?", Integer.class, slotId);
    }

    int count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Integer.class, args);
    }

    List<Map<String, Object>> outbox(long userId, String template) {
        return jdbc.queryForList("SELECT dedup_key, template, page, data_json FROM notify_outbox WHERE user_id = ? AND template = ? "
                + "ORDER BY id", userId, template);
    }

    static void assertNoServerErrors(List<Api.Resp> rs) {
        assertThat(rs).allSatisfy(r -> assertThat(r.status()).as(r.text()).isLessThan(500));
    }
}
