package org.redstation.booking;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Hand-written SQL of the booking tables. */
@Repository
class BookingStore {
    static final String SLOT_COLS = "s.id, s.station_id, s.rule_id, s.slot_date, s.start_time, s.end_time, s.kind, s.name, "
            + "s.capacity, s.booked, s.cancel_cutoff_minutes, s.waitlist_enabled, s.status";
    static final String BOOKING_COLS = "b.id, b.slot_id, b.station_id, b.user_id, b.service_id, b.note, b.status, "
            + "b.idempotency_key, b.cancel_reason, b.cancelled_by, b.created_at";

    record Slot(long id, long stationId, long ruleId, LocalDate date, LocalTime start, LocalTime end, String kind,
                String name, int capacity, int booked, int cancelCutoffMinutes, boolean waitlistEnabled, String status) {
        LocalDateTime startsAt() {
            return date.atTime(start);
        }

        LocalDateTime cancelDeadline() {
            return startsAt().minusMinutes(cancelCutoffMinutes);
        }

        int seatsLeft() {
            return Math.max(0, capacity - booked);
        }

        boolean open() {
            return "OPEN".equals(status);
        }
    }

    record Booking(long id, long slotId, long stationId, long userId, long serviceId, String note, String status,
                   String idempotencyKey, String cancelReason, String cancelledBy, LocalDateTime createdAt) {
        boolean active() {
            return "CONFIRMED".equals(status) || "WAITING".equals(status);
        }
    }

    record Service(long id, long stationId, String name, boolean active) {
    }

    static final RowMapper<Slot> SLOT = (rs, i) -> new Slot(rs.getLong("id"), rs.getLong("station_id"), rs.getLong("rule_id"),
            rs.getObject("slot_date", LocalDate.class), rs.getObject("start_time", LocalTime.class),
            rs.getObject("end_time", LocalTime.class), rs.getString("kind"), rs.getString("name"), rs.getInt("capacity"),
            rs.getInt("booked"), rs.getInt("cancel_cutoff_minutes"), rs.getBoolean("waitlist_enabled"), rs.getString("status"));
    static final RowMapper<Booking> BOOKING = BookingStore::booking;
    static final RowMapper<Service> SERVICE = (rs, i) -> new Service(rs.getLong("id"), rs.getLong("station_id"),
            rs.getString("name"), rs.getBoolean("active"));

    private final JdbcTemplate jdbc;

    BookingStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private static Booking booking(ResultSet rs, int i) throws SQLException {
        return new Booking(rs.getLong("id"), rs.getLong("slot_id"), rs.getLong("station_id"), rs.getLong("user_id"),
                rs.getLong("service_id"), rs.getString("note"), rs.getString("status"), rs.getString("idempotency_key"),
                rs.getString("cancel_reason"), rs.getString("cancelled_by"), rs.getTimestamp("created_at").toLocalDateTime());
    }

    Optional<Slot> slot(long id) {
        return jdbc.query("SELECT " + SLOT_COLS + " FROM booking_slot s WHERE s.id = ?", SLOT, id).stream().findFirst();
    }

    /** Locks the slot row until the transaction ends. */
    Optional<Slot> lockSlot(long id) {
        return jdbc.query("SELECT " + SLOT_COLS + " FROM booking_slot s WHERE s.id = ? FOR UPDATE", SLOT, id).stream().findFirst();
    }

    /** Slots of a station from {@code from} (inclusive) to {@code to} (inclusive), in time order. */
    List<Slot> slots(long stationId, LocalDate from, LocalDate to) {
        return jdbc.query("SELECT " + SLOT_COLS + " FROM booking_slot s WHERE s.station_id = ? AND s.slot_date BETWEEN ? AND ? "
                + "ORDER BY s.slot_date, s.start_time, s.id", SLOT, stationId, from, to);
    }

    Optional<Booking> booking(long id) {
        return jdbc.query("SELECT " + BOOKING_COLS + " FROM booking b WHERE b.id = ?", BOOKING, id).stream().findFirst();
    }

    Optional<Booking> lockBooking(long id) {
        return jdbc.query("SELECT " + BOOKING_COLS + " FROM booking b WHERE b.id = ? FOR UPDATE", BOOKING, id).stream().findFirst();
    }

    Optional<Booking> byIdempotencyKey(long userId, String key) {
        return jdbc.query("SELECT " + BOOKING_COLS + " FROM booking b WHERE b.user_id = ? AND b.idempotency_key = ?", BOOKING,
                userId, key).stream().findFirst();
    }

    Optional<Booking> activeOf(long userId, long slotId) {
        return jdbc.query("SELECT " + BOOKING_COLS + " FROM booking b WHERE b.active_slot_id = ? AND b.user_id = ?", BOOKING,
                slotId, userId).stream().findFirst();
    }

    /** The first waiter of a slot, locked. */
    Optional<Booking> lockFirstWaiter(long slotId) {
        return jdbc.query("SELECT " + BOOKING_COLS + " FROM booking b FORCE INDEX (idx_booking_slot_status) "
                + "WHERE b.slot_id = ? AND b.status = 'WAITING' "
                + "ORDER BY b.id LIMIT 1 FOR UPDATE", BOOKING, slotId).stream().findFirst();
    }

    int waitlistPosition(Booking b) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM booking WHERE slot_id = ? AND status = 'WAITING' AND id <= ?",
                Integer.class, b.slotId(), b.id());
        return n == null ? 0 : n;
    }

    /** Takes a seat if one is left: the database guarantees booked never exceeds capacity. */
    boolean takeSeat(long slotId) {
        return jdbc.update("UPDATE booking_slot SET booked = booked + 1 WHERE id = ? AND status = 'OPEN' AND booked < capacity",
                slotId) == 1;
    }

    void returnSeat(long slotId) {
        jdbc.update("UPDATE booking_slot SET booked = booked - 1 WHERE id = ? AND booked > 0", slotId);
    }

    long insertBooking(Slot slot, long userId, long serviceId, String note, String status, String idemKey, LocalDateTime now) {
        Timestamp ts = Timestamp.valueOf(now);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            PreparedStatement ps = con.prepareStatement("INSERT INTO booking (slot_id, station_id, user_id, service_id, note, status, "
                    + "active_slot_id, idempotency_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, slot.id());
            ps.setLong(2, slot.stationId());
            ps.setLong(3, userId);
            ps.setLong(4, serviceId);
            ps.setString(5, note);
            ps.setString(6, status);
            ps.setLong(7, slot.id());
            ps.setString(8, idemKey);
            ps.setTimestamp(9, ts);
            ps.setTimestamp(10, ts);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    boolean setStatus(long bookingId, String from, String to, LocalDateTime now) {
        return jdbc.update("UPDATE booking SET status = ?, updated_at = ? WHERE id = ? AND status = ?", to,
                Timestamp.valueOf(now), bookingId, from) == 1;
    }

    boolean cancel(long bookingId, String from, String reason, String by, LocalDateTime now) {
        return jdbc.update("UPDATE booking SET status = 'CANCELLED', active_slot_id = NULL, cancel_reason = ?, cancelled_by = ?, "
                + "updated_at = ? WHERE id = ? AND status = ?", reason, by, Timestamp.valueOf(now), bookingId, from) == 1;
    }

    boolean offers(long ruleId, long serviceId) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM booking_rule_service rs JOIN booking_service sv ON sv.id = rs.service_id "
                + "WHERE rs.rule_id = ? AND rs.service_id = ? AND sv.active = 1", Integer.class, ruleId, serviceId);
        return n != null && n > 0;
    }

    List<Service> servicesOfRule(long ruleId) {
        return jdbc.query("SELECT sv.id, sv.station_id, sv.name, sv.active FROM booking_rule_service rs "
                + "JOIN booking_service sv ON sv.id = rs.service_id WHERE rs.rule_id = ? AND sv.active = 1 "
                + "ORDER BY sv.sort_order, sv.id", SERVICE, ruleId);
    }

    List<Service> servicesOfStation(long stationId) {
        return jdbc.query("SELECT id, station_id, name, active FROM booking_service WHERE station_id = ? ORDER BY sort_order, id",
                SERVICE, stationId);
    }

    Optional<Service> service(long id) {
        return jdbc.query("SELECT id, station_id, name, active FROM booking_service WHERE id = ?", SERVICE, id).stream().findFirst();
    }

    int noShowsSince(long userId, LocalDateTime since) {
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM booking WHERE user_id = ? AND status = 'NO_SHOW' AND updated_at >= ?",
                Integer.class, userId, Timestamp.valueOf(since));
        return n == null ? 0 : n;
    }

    /** Bookings of a user with their slots, newest slot first. */
    List<Booking> bookingsOf(long userId, int limit) {
        return jdbc.query("SELECT " + BOOKING_COLS + " FROM booking b JOIN booking_slot s ON s.id = b.slot_id WHERE b.user_id = ? "
                + "ORDER BY s.slot_date DESC, s.start_time DESC, b.id DESC LIMIT ?", BOOKING, userId, limit);
    }

    List<Booking> bookingsOfSlot(long slotId) {
        return jdbc.query("SELECT " + BOOKING_COLS + " FROM booking b WHERE b.slot_id = ? ORDER BY b.id", BOOKING, slotId);
    }
}
