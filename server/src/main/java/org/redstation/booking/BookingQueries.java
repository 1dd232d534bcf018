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
    private final org.redstation.station.StationApi stations;

    BookingQueries(BookingViews views, org.redstation.station.StationApi stations) {
        this.views = views;
        this.stations = stations;
    }

    /** An open slot in which a given service can be booked (a seat left, or its waiting list open). */
    public record ServiceSlot(long slotId, LocalDate date, LocalTime start, LocalTime end, int seatsLeft, boolean waitlistOpen) {
    }

    /**
     * The open slots of a station in the next {@code days} days whose rule lists the service, soonest first: the slot
     * picker's own view (the same statements), filtered. For the chat bot's slot cards.
     */
    public List<ServiceSlot> slotsOf(long stationId, long serviceId, int days) {
        return stations.find(stationId).map(st -> views.stationSlots(st, Math.max(1, Math.min(days, 31)), null).days().stream()
                .flatMap(d -> d.slots().stream())
                .filter(v -> "OPEN".equals(v.status()) && (v.seatsLeft() > 0 || v.waitlistOpen()))
                .filter(v -> v.services().stream().anyMatch(x -> x.id() == serviceId))
                .map(v -> new ServiceSlot(v.id(), LocalDate.parse(v.date()), LocalTime.parse(v.start()), LocalTime.parse(v.end()),
                        v.seatsLeft(), v.waitlistOpen()))
                .toList()).orElse(List.of());
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
