package org.redstation.booking;

import java.util.List;
import java.util.Map;
import org.redstation.auth.CurrentStaff;
import org.redstation.booking.BookingStore.Slot;
import org.redstation.common.BizException;
import org.redstation.station.StationRef;
import org.springframework.stereotype.Service;

/** What staff read of booking (slot lists, a slot's bookings) and the operator's job trigger, scope checked. */
@Service
class StaffBookingQueries {
    private final StaffScope scope;
    private final BookingStore store;
    private final BookingViews views;
    private final SlotMaterialiser materialiser;
    private final ReminderJob reminders;

    StaffBookingQueries(StaffScope scope, BookingStore store, BookingViews views, SlotMaterialiser materialiser,
                        ReminderJob reminders) {
        this.scope = scope;
        this.store = store;
        this.views = views;
        this.materialiser = materialiser;
        this.reminders = reminders;
    }

    /** The station's future slots by day (full and closed ones included). */
    List<BookingViews.DayView> slots(CurrentStaff staff, long stationId, int days) {
        StationRef s = scope.station(staff, stationId);
        return views.stationSlots(s, days, null).days();
    }

    Map<String, Object> slotBookings(CurrentStaff staff, long slotId) {
        Slot slot = store.slot(slotId).orElseThrow(() -> new BizException(BookingError.SLOT_NOT_FOUND));
        scope.station(staff, slot.stationId());
        return Map.of("slotId", slotId, "capacity", slot.capacity(), "booked", slot.booked(), "seatsLeft", slot.seatsLeft(),
                "bookings", views.staffRows(slotId));
    }

    /** Materialises slots and queues due reminders now (district administrators; for operations). */
    Map<String, Integer> runJobs(CurrentStaff staff) {
        staff.requireDistrictAdmin();
        return Map.of("slotsCreated", materialiser.materialiseAllLocked(), "remindersQueued", reminders.sendDue());
    }
}
