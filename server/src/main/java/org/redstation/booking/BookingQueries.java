package org.redstation.booking;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Public read API of the booking module for other modules (e.g. the official-account chat bot). Returns data;
 * callers write their own text.
 */
@Service
public class BookingQueries {
    private final BookingViews views;

    BookingQueries(BookingViews views) {
        this.views = views;
    }

    /**
     * A booking that is still to come: active (confirmed or waiting) and its slot not yet ended.
     *
     * @param status           the stored status name, e.g. "CONFIRMED", "WAITING"
     * @param statusLabel      its Chinese label, e.g. "已预约", "候补中"
     * @param waitlistPosition 1-based place on the waiting list; null unless waiting
     */
    public record UpcomingBooking(long bookingId, LocalDate date, LocalTime start, LocalTime end, String stationName,
                                  String serviceName, String status, String statusLabel, Integer waitlistPosition) {
        public boolean waiting() {
            return waitlistPosition != null;
        }
    }

    /** The user's upcoming bookings, soonest first, at most {@code limit}: the batched "my bookings" view. */
    public List<UpcomingBooking> upcoming(long userId, int limit) {
        return views.mine(userId).get("upcoming").stream().limit(limit)
                .map(v -> new UpcomingBooking(v.id(), LocalDate.parse(v.date()), LocalTime.parse(v.start()),
                        LocalTime.parse(v.end()), v.stationName(), v.serviceName(), v.status(), v.statusName(),
                        v.waitlistPosition()))
                .toList();
    }
}
