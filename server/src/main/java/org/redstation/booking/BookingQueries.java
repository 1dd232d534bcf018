package org.redstation.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Public read API of the booking module for other modules (e.g. the official-account chat bot). Returns data;
 * callers write their own text.
 */
@Service
public class BookingQueries {
    private final BookingStore store;
    private final BookingViews views;
    private final Clock clock;

    BookingQueries(BookingStore store, BookingViews views, Clock clock) {
        this.store = store;
        this.views = views;
        this.clock = clock;
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

    /** The user's upcoming bookings, soonest first, at most {@code limit}. */
    public List<UpcomingBooking> upcoming(long userId, int limit) {
        LocalDateTime now = LocalDateTime.now(clock);
        List<BookingStore.Booking> all = new ArrayList<>(store.bookingsOf(userId, 50));
        Collections.reverse(all);
        List<UpcomingBooking> out = new ArrayList<>();
        for (BookingStore.Booking b : all) {
            if (out.size() >= limit) {
                break;
            }
            if (!b.active()) {
                continue;
            }
            BookingStore.Slot s = store.slot(b.slotId()).orElse(null);
            if (s == null || !s.date().atTime(s.end()).isAfter(now)) {
                continue;
            }
            BookingViews.BookingView v = views.view(b);
            out.add(new UpcomingBooking(b.id(), s.date(), s.start(), s.end(), v.stationName(), v.serviceName(), b.status(),
                    v.statusName(), v.waitlistPosition()));
        }
        return out;
    }
}
