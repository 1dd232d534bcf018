package org.redstation.booking;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Booking's figures for the dashboard (public API): bookings (not cancelled) per station and slot day, with how many
 * were marked attended and no-show. One statement whatever the period; booking knows stations, not communities, so
 * the caller maps stations to communities and drops those outside the staff scope.
 */
@Service
public class BookingFigures {
    private final BookingFiguresMapper figures;

    BookingFigures(BookingFiguresMapper figures) {
        this.figures = figures;
    }

    public record StationDay(long stationId, LocalDate day, long bookings, long attended, long noShow) {
    }

    public List<StationDay> perStationDay(LocalDate from, LocalDate to) {
        return figures.perStationDay(from, to).stream()
                .map(r -> new StationDay(r.getStationId(), r.getDay(), r.getBookings(), r.getAttended(), r.getNoShow())).toList();
    }
}
