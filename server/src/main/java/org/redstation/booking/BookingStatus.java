package org.redstation.booking;

import java.time.Duration;
import java.time.LocalDateTime;

/** The states of a booking, stored by name in {@code booking.status}; the Chinese label lives here only. */
enum BookingStatus {
    CONFIRMED("已预约"), WAITING("候补中"), CANCELLED("已取消"), ATTENDED("已到场"), NO_SHOW("未到场");

    private final String label;

    BookingStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Holds a seat or a place in the 候补 list (and blocks a second booking of the slot). */
    boolean isActive() {
        return this == CONFIRMED || this == WAITING;
    }

    /** A 候补 place may be left any time; a seat until {@code cutoff} before the slot starts. */
    boolean cancellableBy(LocalDateTime now, LocalDateTime slotStart, Duration cutoff) {
        return this == WAITING || (this == CONFIRMED && !now.isAfter(slotStart.minus(cutoff)));
    }

    /** Staff record attendance of seats only (and may correct an earlier record). */
    boolean attendanceCanBeRecorded() {
        return this == CONFIRMED || this == ATTENDED || this == NO_SHOW;
    }
}
