package org.redstation.station;

import java.util.List;

/** Implemented by the booking module: the next bookable slots of a station with seats left. */
public interface NextSlotsProvider {
    List<SlotSummary> nextSlots(long stationId, int limit);

    /** date yyyy-MM-dd, start/end HH:mm, kind e.g. EVENING_EXTRA or RED_WEEKEND. */
    record SlotSummary(long slotId, String date, String start, String end, String kind, String kindName,
                       int capacity, int seatsLeft, boolean waitlistOpen) {
    }
}
