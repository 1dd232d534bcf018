package org.redstation.booking;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import lombok.Getter;
import lombok.Setter;
import lombok.experimental.Accessors;
import org.redstation.common.SlotKind;
import org.springframework.stereotype.Repository;

/**
 * The persistence entry of slots and bookings (their entities are nested here; {@link BookingQueries} names them so): finders that answer with Optional, guarded writes that answer
 * whether they happened. The SQL and its guards are in {@link SlotMapper} and {@link BookingMapper}.
 */
@Repository
class BookingStore {
    /**
     * A materialised slot ({@code booking_slot}): one rule on one day. {@code booked} only moves through the guarded
     * statements of {@link SlotMapper}; the CHECK keeps it between 0 and capacity.
     */
    @Getter
    @Setter
    @Accessors(fluent = true, chain = true)
    @TableName(value = "booking_slot", autoResultMap = true)
    static class Slot {
        @TableId(type = IdType.AUTO)
        private long id;
        private long stationId;
        private long ruleId;
        @TableField("slot_date")
        private LocalDate date;
        @TableField("start_time")
        private LocalTime start;
        @TableField("end_time")
        private LocalTime end;
        private SlotKind kind;
        private String name;
        private int capacity;
        private int booked;
        private int cancelCutoffMinutes;
        private boolean waitlistEnabled;
        private SlotStatus status;
        /** Queue numbers handed out so far (V62). */
        private int arrivals;
        private LocalDateTime createdAt;

        LocalDateTime startsAt() {
            return date.atTime(start);
        }

        LocalDateTime endsAt() {
            return date.atTime(end);
        }

        Duration cancelCutoff() {
            return Duration.ofMinutes(cancelCutoffMinutes);
        }

        LocalDateTime cancelDeadline() {
            return startsAt().minus(cancelCutoff());
        }

        int seatsLeft() {
            return Math.max(0, capacity - booked);
        }

        boolean open() {
            return status == SlotStatus.OPEN;
        }

        /** Full, still open and keeping a 候补 list. */
        boolean waitlistOpen() {
            return open() && seatsLeft() == 0 && waitlistEnabled;
        }

        /** The name residents see: the kind's label, or the rule's own name for OTHER. */
        String kindName() {
            return kind == null || kind == SlotKind.OTHER ? name : kind.label();
        }
    }

    /**
     * A resident's booking ({@code booking}). {@code activeSlotId} is the slot id while the booking is active and NULL
     * otherwise: the unique key (active_slot_id, user_id) allows one active booking per resident and slot.
     */
    @Getter
    @Setter
    @Accessors(fluent = true, chain = true)
    @TableName("booking")
    static class Booking {
        @TableId(type = IdType.AUTO)
        private long id;
        private long slotId;
        private long stationId;
        private long userId;
        /** A catalogue service ({@code service_item.id}). */
        private long serviceId;
        private String note;
        /** Who comes (V62): the booker or a family member; NULL on older bookings. */
        private String contactName;
        private String contactPhone;
        /** Relation of the person who comes to the booker (e.g. 父亲); null = the booker themself. */
        private String contactRelation;
        /** Arrival order within the slot, set when the resident scans the station code. */
        private Integer queueNo;
        private LocalDateTime arrivedAt;
        private BookingStatus status;
        private Long activeSlotId;
        private String idempotencyKey;
        private String cancelReason;
        private CancelledBy cancelledBy;
        private LocalDateTime remindedAt;
        private LocalDateTime createdAt;
        private LocalDateTime updatedAt;

        boolean active() {
            return status.isActive();
        }

        boolean cancellableBy(LocalDateTime now, Slot slot) {
            return status.cancellableBy(now, slot.startsAt(), slot.cancelCutoff());
        }
    }

    private final SlotMapper slots;
    private final BookingMapper bookings;
    private final RuleServiceMapper ruleServices;
    private final FullSlotHints hints;

    BookingStore(SlotMapper slots, BookingMapper bookings, RuleServiceMapper ruleServices, FullSlotHints hints) {
        this.hints = hints;
        this.slots = slots;
        this.bookings = bookings;
        this.ruleServices = ruleServices;
    }

    Optional<Slot> slot(long id) {
        return Optional.ofNullable(slots.selectById(id));
    }

    /** The slot if its rule lists the service (one statement); empty = no such slot or not listed. */
    Optional<Slot> slotListing(long id, long serviceId) {
        return Optional.ofNullable(slots.listedFor(id, serviceId));
    }

    List<Slot> slots(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : slots.selectByIds(ids);
    }

    /** Locks the slot row until the transaction ends. */
    Optional<Slot> lockSlot(long id) {
        return Optional.ofNullable(slots.lockById(id));
    }

    Optional<Booking> booking(long id) {
        return Optional.ofNullable(bookings.selectById(id));
    }

    Optional<Booking> lockBooking(long id) {
        return Optional.ofNullable(bookings.lockById(id));
    }

    Optional<Booking> byIdempotencyKey(long userId, String key) {
        return Optional.ofNullable(bookings.byIdempotencyKey(userId, key));
    }

    Optional<Booking> activeOf(long userId, long slotId) {
        return Optional.ofNullable(bookings.activeOf(userId, slotId));
    }

    Optional<Booking> lockFirstWaiter(long slotId) {
        return Optional.ofNullable(bookings.lockFirstWaiter(slotId));
    }

    boolean takeSeat(long slotId) {
        return slots.takeSeat(slotId) == 1;
    }

    /** Gives a seat back; every instance's "full" hint of the slot is void once this commits. */
    void returnSeat(long slotId) {
        slots.returnSeat(slotId);
        hints.releasedAfterCommit(slotId);
    }

    /** Inserts an active booking (CONFIRMED or WAITING) of the slot; the unique keys refuse a second one. */
    Booking insertBooking(Slot slot, long userId, long serviceId, String note, BookingStatus status, String idemKey,
                          LocalDateTime now, Contact contact) {
        Booking b = new Booking().slotId(slot.id()).stationId(slot.stationId()).userId(userId).serviceId(serviceId).note(note)
                .contactName(contact == null ? null : contact.name()).contactPhone(contact == null ? null : contact.phone())
                .contactRelation(contact == null ? null : contact.relation())
                .status(status).activeSlotId(slot.id()).idempotencyKey(idemKey).createdAt(now).updatedAt(now);
        bookings.insert(b);
        return b;
    }

    /** Takes n seats at once; false = not that many left (nothing taken). */
    boolean takeSeats(long slotId, int n) {
        return slots.takeSeats(slotId, n) == 1;
    }

    /**
     * Inserts the active bookings of one slot with one statement and sets their ids (read back by the unique key
     * slot + user, so the users must differ); a unique key already taken throws DuplicateKeyException, nothing written.
     */
    void insertBookings(long slotId, List<Booking> rows) {
        bookings.insertAll(rows);
        Map<Long, Long> ids = new HashMap<>();
        bookings.idsOfActive(slotId, rows.stream().map(Booking::userId).toList()).forEach(b -> ids.put(b.userId(), b.id()));
        rows.forEach(b -> b.id(ids.get(b.userId())));
    }

    /** Users among these restricted by their no-shows (see {@link #noShowsSince}). */
    Set<Long> restrictedAmong(Collection<Long> userIds, LocalDateTime since, int limit) {
        return new HashSet<>(bookings.restrictedAmong(userIds, since, limit));
    }

    boolean setStatus(long bookingId, BookingStatus from, BookingStatus to, LocalDateTime now) {
        return bookings.setStatus(bookingId, from, to, now) == 1;
    }

    boolean cancel(long bookingId, BookingStatus from, String reason, CancelledBy by, LocalDateTime now) {
        return bookings.cancel(bookingId, from, reason, by, now) == 1;
    }

    /** Whether the rule takes bookings for the catalogue service. */
    boolean ruleLists(long ruleId, long serviceId) {
        return ruleServices.countLink(ruleId, serviceId) > 0;
    }

    /** Who comes to a booking; relation null = the booker. */
    record Contact(String name, String phone, String relation) {
    }

    /** The resident's seat at a station whose slot runs around {@code now} (arrival window), if any. */
    Optional<Booking> arrivable(long userId, long stationId, LocalDateTime now, Duration early) {
        // the early window ends at midnight: a time of day past it wraps to the small hours and would find nothing
        // (every scan in the last quarter hour of a day was refused); next day's slots are not looked for
        LocalDateTime startBy = now.plus(early);
        LocalTime by = startBy.toLocalDate().isAfter(now.toLocalDate()) ? LocalTime.of(23, 59, 59)
                : startBy.toLocalTime();
        return Optional.ofNullable(bookings.arrivable(userId, stationId, now.toLocalDate(), now.toLocalTime(), by));
    }

    /** The next queue number of a slot (the slot row is locked by the caller): the counter moves by a guarded UPDATE. */
    int nextQueueNo(long slotId) {
        slots.countArrival(slotId);
        return slots.selectById(slotId).arrivals();
    }

    boolean checkIn(long bookingId, int queueNo, LocalDateTime now) {
        return bookings.checkIn(bookingId, queueNo, now) == 1;
    }

    int noShowsSince(long userId, LocalDateTime since) {
        return bookings.noShowsSince(userId, since);
    }

    /** Bookings of a user, latest slot first. */
    List<Booking> bookingsOf(long userId, int limit) {
        return bookings.ofUser(userId, limit);
    }

    List<Booking> bookingsOfSlot(long slotId) {
        return bookings.ofSlot(slotId);
    }
}
