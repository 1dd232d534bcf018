package org.redstation.booking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.redstation.common.BizException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff side: bookable services, weekly rules, holidays and closures. */
@Service
class BookingAdmin {
    private final JdbcTemplate jdbc;
    private final BookingStore store;
    private final BookingService bookings;
    private final SlotMaterialiser materialiser;
    private final Clock clock;

    BookingAdmin(JdbcTemplate jdbc, BookingStore store, BookingService bookings, SlotMaterialiser materialiser, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.bookings = bookings;
        this.materialiser = materialiser;
        this.clock = clock;
    }

    record RuleSpec(String kind, String name, List<Integer> weekdays, LocalTime start, LocalTime end, int capacity,
                    int openDaysAhead, int cancelCutoffMinutes, boolean waitlistEnabled, boolean active, List<Long> serviceIds) {
    }

    record RuleView(long id, long stationId, String kind, String name, List<Integer> weekdays, String start, String end,
                    int capacity, int openDaysAhead, int cancelCutoffMinutes, boolean waitlistEnabled, boolean active,
                    List<BookingViews.ServiceView> services) {
    }

    @Transactional
    BookingStore.Service addService(long stationId, String name) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.update(con -> {
                var ps = con.prepareStatement("INSERT INTO booking_service (station_id, name, active, sort_order, created_at) "
                        + "VALUES (?, ?, 1, 0, ?)", java.sql.Statement.RETURN_GENERATED_KEYS);
                ps.setLong(1, stationId);
                ps.setString(2, name.strip());
                ps.setTimestamp(3, Timestamp.valueOf(LocalDateTime.now(clock)));
                return ps;
            }, key);
        } catch (DuplicateKeyException e) {
            throw BizException.invalid("name", "该驿站已有同名服务事项");
        }
        return store.service(key.getKey().longValue()).orElseThrow();
    }

    List<RuleView> rules(long stationId) {
        return materialiser.rules("WHERE station_id = " + stationId).stream().map(this::view).toList();
    }

    RuleView rule(long ruleId) {
        return materialiser.rules("WHERE id = " + ruleId).stream().findFirst().map(this::view)
                .orElseThrow(() -> new BizException(BookingError.RULE_NOT_FOUND));
    }

    private RuleView view(SlotMaterialiser.Rule r) {
        Boolean active = jdbc.queryForObject("SELECT active FROM booking_rule WHERE id = ?", Boolean.class, r.id());
        return new RuleView(r.id(), r.stationId(), r.kind(), r.name(), r.weekdays().stream().sorted().toList(),
                r.start().format(BookingViews.HM), r.end().format(BookingViews.HM), r.capacity(), r.openDaysAhead(),
                r.cancelCutoffMinutes(), r.waitlistEnabled(), Boolean.TRUE.equals(active),
                store.servicesOfRule(r.id()).stream().map(s -> new BookingViews.ServiceView(s.id(), s.name())).toList());
    }

    /** Creates a rule and materialises its slots at once. */
    RuleView createRule(long stationId, RuleSpec spec) {
        long id = saveRule(null, stationId, spec);
        materialiser.materialise(id);
        return rule(id);
    }

    /** Changes a rule; future slots not yet booked beyond the new capacity take the new capacity. */
    RuleView updateRule(long ruleId, RuleSpec spec, java.util.function.LongConsumer checkStation) {
        Long stationId = jdbc.query("SELECT station_id FROM booking_rule WHERE id = ?", (rs, i) -> rs.getLong(1), ruleId)
                .stream().findFirst().orElseThrow(() -> new BizException(BookingError.RULE_NOT_FOUND));
        checkStation.accept(stationId);
        saveRule(ruleId, stationId, spec);
        materialiser.materialise(ruleId);
        return rule(ruleId);
    }

    @Transactional
    long saveRule(Long ruleId, long stationId, RuleSpec spec) {
        validate(stationId, spec);
        String days = String.join(",", spec.weekdays().stream().distinct().sorted().map(String::valueOf).toList());
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(clock));
        long id;
        if (ruleId == null) {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.update(con -> {
                var ps = con.prepareStatement("INSERT INTO booking_rule (station_id, kind, name, weekdays, start_time, end_time, "
                        + "capacity, open_days_ahead, cancel_cutoff_minutes, waitlist_enabled, active, created_at, updated_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", java.sql.Statement.RETURN_GENERATED_KEYS);
                ps.setLong(1, stationId);
                ps.setString(2, spec.kind());
                ps.setString(3, spec.name());
                ps.setString(4, days);
                ps.setObject(5, spec.start());
                ps.setObject(6, spec.end());
                ps.setInt(7, spec.capacity());
                ps.setInt(8, spec.openDaysAhead());
                ps.setInt(9, spec.cancelCutoffMinutes());
                ps.setBoolean(10, spec.waitlistEnabled());
                ps.setBoolean(11, spec.active());
                ps.setTimestamp(12, now);
                ps.setTimestamp(13, now);
                return ps;
            }, key);
            id = key.getKey().longValue();
        } else {
            id = ruleId;
            jdbc.update("UPDATE booking_rule SET kind = ?, name = ?, weekdays = ?, start_time = ?, end_time = ?, capacity = ?, "
                            + "open_days_ahead = ?, cancel_cutoff_minutes = ?, waitlist_enabled = ?, active = ?, updated_at = ? WHERE id = ?",
                    spec.kind(), spec.name(), days, spec.start(), spec.end(), spec.capacity(), spec.openDaysAhead(),
                    spec.cancelCutoffMinutes(), spec.waitlistEnabled(), spec.active(), now, id);
            jdbc.update("UPDATE booking_slot SET capacity = ?, cancel_cutoff_minutes = ?, waitlist_enabled = ? "
                            + "WHERE rule_id = ? AND slot_date >= ? AND booked <= ?", spec.capacity(), spec.cancelCutoffMinutes(),
                    spec.waitlistEnabled(), id, LocalDate.now(clock), spec.capacity());
            jdbc.update("DELETE FROM booking_rule_service WHERE rule_id = ?", id);
        }
        for (Long sid : spec.serviceIds().stream().distinct().toList()) {
            jdbc.update("INSERT INTO booking_rule_service (rule_id, service_id) VALUES (?, ?)", id, sid);
        }
        return id;
    }

    private void validate(long stationId, RuleSpec spec) {
        if (!List.of("EVENING_EXTRA", "RED_WEEKEND", "OTHER").contains(spec.kind())) {
            throw BizException.invalid("kind", "时段类型只能是 EVENING_EXTRA、RED_WEEKEND 或 OTHER");
        }
        if (spec.weekdays().isEmpty() || spec.weekdays().stream().anyMatch(d -> d == null || d < 1 || d > 7)) {
            throw BizException.invalid("weekdays", "星期只能是1（周一）到7（周日）");
        }
        if (!spec.end().isAfter(spec.start())) {
            throw BizException.invalid("end", "结束时间必须晚于开始时间");
        }
        if (spec.serviceIds().isEmpty()) {
            throw BizException.invalid("serviceIds", "请至少选择一项服务事项");
        }
        for (Long sid : spec.serviceIds()) {
            BookingStore.Service s = store.service(sid).orElseThrow(() -> new BizException(BookingError.SERVICE_NOT_FOUND));
            if (s.stationId() != stationId) {
                throw BizException.invalid("serviceIds", "服务事项不属于该驿站");
            }
        }
    }

    record ClosureView(long id, long stationId, String date, String reason, int cancelledBookings) {
    }

    /**
     * Closes a station (or, stationId 0, every station: a public holiday) on a day: its slots close and every
     * active booking is cancelled with the reason, the residents are told.
     */
    @Transactional
    ClosureView close(long stationId, LocalDate day, String reason, long staffId) {
        LocalDateTime now = LocalDateTime.now(clock);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.update(con -> {
                var ps = con.prepareStatement("INSERT INTO booking_closure (station_id, closed_on, reason, created_by, created_at) "
                        + "VALUES (?, ?, ?, ?, ?)", java.sql.Statement.RETURN_GENERATED_KEYS);
                ps.setLong(1, stationId);
                ps.setObject(2, day);
                ps.setString(3, reason);
                ps.setLong(4, staffId);
                ps.setTimestamp(5, Timestamp.valueOf(now));
                return ps;
            }, key);
        } catch (DuplicateKeyException e) {
            throw new BizException(BookingError.CLOSURE_EXISTS);
        }
        List<Long> slotIds = jdbc.queryForList("SELECT id FROM booking_slot WHERE slot_date = ? AND status = 'OPEN'"
                + (stationId == 0 ? "" : " AND station_id = " + stationId) + " ORDER BY id FOR UPDATE", Long.class, day);
        int cancelled = 0;
        for (long slotId : slotIds) {
            jdbc.update("UPDATE booking_slot SET status = 'CLOSED' WHERE id = ?", slotId);
            BookingStore.Slot slot = store.slot(slotId).orElseThrow();
            for (BookingStore.Booking b : store.bookingsOfSlot(slotId)) {
                if (b.active()) {
                    BookingStore.Booking locked = store.lockBooking(b.id()).orElseThrow();
                    if (locked.active()) {
                        bookings.cancelLocked(locked, slot, "驿站闭站：" + reason, "CLOSURE", now);
                        cancelled++;
                    }
                }
            }
        }
        return new ClosureView(key.getKey().longValue(), stationId, day.toString(), reason, cancelled);
    }

    List<Map<String, Object>> closures(long stationId) {
        return jdbc.queryForList("SELECT id, station_id AS stationId, DATE_FORMAT(closed_on, '%Y-%m-%d') AS date, reason "
                + "FROM booking_closure WHERE station_id IN (0, ?) AND closed_on >= ? ORDER BY closed_on", stationId,
                LocalDate.now(clock));
    }

    /** Removes a closure: the day's slots open again (cancelled bookings stay cancelled). */
    @Transactional
    void reopen(long closureId, java.util.function.LongConsumer checkStation) {
        Map<String, Object> c = jdbc.queryForList("SELECT station_id, closed_on FROM booking_closure WHERE id = ?", closureId)
                .stream().findFirst().orElseThrow(() -> new BizException(BookingError.CLOSURE_NOT_FOUND));
        long stationId = ((Number) c.get("station_id")).longValue();
        checkStation.accept(stationId);
        jdbc.update("DELETE FROM booking_closure WHERE id = ?", closureId);
        jdbc.update("UPDATE booking_slot SET status = 'OPEN' WHERE slot_date = ? AND status = 'CLOSED'"
                + (stationId == 0 ? "" : " AND station_id = " + stationId), c.get("closed_on"));
    }
}
