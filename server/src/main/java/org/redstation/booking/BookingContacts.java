package org.redstation.booking;

import org.redstation.auth.ContactAudit;
import org.redstation.auth.CurrentStaff;
import org.redstation.auth.UserDirectory;
import org.redstation.common.BizException;
import org.redstation.station.StationApi;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The full contact of who booked: only through {@link ContactAudit} (scope checked, reason recorded). */
@Service
class BookingContacts {
    static final String BOOKING = "BOOKING";
    private final BookingStore store;
    private final StationApi stations;
    private final UserDirectory users;
    private final ContactAudit audit;

    BookingContacts(BookingStore store, StationApi stations, UserDirectory users, ContactAudit audit) {
        this.store = store;
        this.stations = stations;
        this.users = users;
        this.audit = audit;
    }

    @Transactional
    UserDirectory.Contact reveal(CurrentStaff staff, long bookingId, String reason) {
        BookingStore.Booking b = store.booking(bookingId).orElseThrow(() -> new BizException(BookingError.BOOKING_NOT_FOUND));
        long community = stations.find(b.stationId()).orElseThrow(() -> new BizException(BookingError.BOOKING_NOT_FOUND))
                .communityId();
        audit.reveal(staff, community, BOOKING, bookingId, reason);
        if (b.contactPhone() != null) {
            // the person named on the booking (a family member, or the booker as they typed it)
            return new UserDirectory.Contact(b.contactName(), b.contactPhone());
        }
        return users.contact(b.userId()).orElse(new UserDirectory.Contact(null, null));
    }
}
