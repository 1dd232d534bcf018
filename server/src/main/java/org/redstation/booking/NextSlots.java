package org.redstation.booking;

import java.sql.Time;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.redstation.station.NextSlotsProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The station view's "next bookable slots": open future slots with a seat left or a waiting list. */
@Component
class NextSlots implements NextSlotsProvider {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    NextSlots(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public List<SlotSummary> nextSlots(long stationId, int limit) {
        LocalDateTime now = LocalDateTime.now(clock);
        LocalDate today = now.toLocalDate();
        return jdbc.query("SELECT " + BookingStore.SLOT_COLS + " FROM booking_slot s WHERE s.station_id = ? AND s.status = 'OPEN' "
                        + "AND (s.slot_date > ? OR (s.slot_date = ? AND s.start_time > ?)) "
                        + "AND (s.booked < s.capacity OR s.waitlist_enabled = 1) ORDER BY s.slot_date, s.start_time, s.id LIMIT ?",
                BookingStore.SLOT, stationId, today, today, Time.valueOf(now.toLocalTime().withNano(0)), Math.max(0, limit))
                .stream()
                .map(s -> new SlotSummary(s.id(), s.date().toString(), s.start().format(BookingViews.HM),
                        s.end().format(BookingViews.HM), s.kind(), BookingViews.kindName(s.kind(), s.name()), s.capacity(),
                        s.seatsLeft(), s.seatsLeft() == 0 && s.waitlistEnabled()))
                .toList();
    }
}
