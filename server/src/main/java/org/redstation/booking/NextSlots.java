package org.redstation.booking;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.redstation.station.NextSlotsProvider;
import org.springframework.stereotype.Component;

/** The station view's "next bookable slots": open future slots with a seat left or a 候补 list. */
@Component
class NextSlots implements NextSlotsProvider {
    private final SlotMapper slots;
    private final Clock clock;

    NextSlots(SlotMapper slots, Clock clock) {
        this.slots = slots;
        this.clock = clock;
    }

    @Override
    public List<SlotSummary> nextSlots(long stationId, int limit) {
        LocalDateTime now = LocalDateTime.now(clock);
        return slots.nextOpen(stationId, now.toLocalDate(), now.toLocalTime().withNano(0), Math.max(0, limit)).stream()
                .map(s -> new SlotSummary(s.id(), s.date().toString(), s.start().format(BookingViews.HM),
                        s.end().format(BookingViews.HM), s.kind().name(), s.kindName(), s.capacity(), s.seatsLeft(),
                        s.waitlistOpen()))
                .toList();
    }
}
