package org.redstation.booking;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.redstation.booking.BookingService.BookCommand;
import org.redstation.booking.BookingService.BookOutcome;
import org.redstation.booking.BookingStore.Booking;
import org.redstation.booking.BookingStore.Slot;
import org.redstation.common.BizException;
import org.redstation.common.Coalescer.Result;
import org.redstation.common.ErrorCode;
import org.redstation.station.CatalogueService;
import org.redstation.station.StationApi;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The booking requests of one slot that met in its line ({@link BookingService#book}) as ONE transaction: the slot
 * and rule read once per service, the restriction read once, the seats taken by ONE conditional UPDATE
 * ({@code booked + k <= capacity}, or min(k, free) under the slot's row lock when fewer are left), the bookings,
 * their outbox rows and messages each written by one multi-row INSERT. Every request gets the answer it would have got
 * alone; the database still judges capacity across instances. A unique key already taken (a second booking of the
 * slot, a reused idempotency key) fails the multi-row INSERT: the transaction rolls back and the caller runs the
 * requests one by one, so only that request fails.
 */
@Component
class BookingBatch {
    private final BookingStore store;
    private final BookingNotices notices;
    private final BookingProperties props;
    private final StationApi stations;
    private final FullSlotHints hints;
    private final Clock clock;
    private final TransactionTemplate tx;

    BookingBatch(BookingStore store, BookingNotices notices, BookingProperties props, StationApi stations, FullSlotHints hints,
                 Clock clock, PlatformTransactionManager txm) {
        this.store = store;
        this.notices = notices;
        this.props = props;
        this.stations = stations;
        this.hints = hints;
        this.clock = clock;
        this.tx = new TransactionTemplate(txm);
    }

    /** One booking request as it waits in its slot's line. */
    record Pending(long userId, BookCommand cmd, String key, FullSlotHints.Seen seen) {
    }

    /** All of one slot, users distinct. Refusals come back as failed results (BizException), in request order. */
    List<Result<BookOutcome>> book(long slotId, List<Pending> reqs) {
        return tx.execute(s -> inTx(slotId, reqs));
    }

    private List<Result<BookOutcome>> inTx(long slotId, List<Pending> reqs) {
        LocalDateTime now = LocalDateTime.now(clock);
        int n = reqs.size();
        List<Result<BookOutcome>> out = new ArrayList<>(Collections.nCopies(n, null));
        Map<Long, Optional<Slot>> listed = new HashMap<>();
        Map<Long, Optional<CatalogueService>> offered = new HashMap<>();
        Set<Long> restricted = props.noShowLimit() > 0
                ? store.restrictedAmong(reqs.stream().map(Pending::userId).toList(), now.minusDays(props.noShowWindowDays()),
                props.noShowLimit())
                : Set.of();
        List<Integer> accepted = new ArrayList<>();
        Slot[] slotOf = new Slot[n];
        BookingNotices.Names[] namesOf = new BookingNotices.Names[n];
        List<Optional<Slot>> plain = new ArrayList<>(1); // the slot alone, read only when a service is not listed
        for (int i = 0; i < n; i++) {
            BookCommand cmd = reqs.get(i).cmd();
            try {
                // the same checks, in the same order, as a booking alone (BookingService#doBook)
                Optional<Slot> l = listed.computeIfAbsent(cmd.serviceId(), svc -> store.slotListing(slotId, svc));
                if (l.isEmpty() && plain.isEmpty()) {
                    plain.add(store.slot(slotId));
                }
                Slot slot = l.or(() -> plain.get(0)).orElseThrow(() -> new BizException(BookingError.SLOT_NOT_FOUND));
                BookingService.checkSlot(slot, l.isPresent(), cmd, now);
                CatalogueService service = BookingService.bookable(
                        offered.computeIfAbsent(cmd.serviceId(), svc -> stations.offeredService(slot.stationId(), svc)));
                if (restricted.contains(reqs.get(i).userId())) {
                    throw new BizException(BookingError.BOOKING_RESTRICTED);
                }
                slotOf[i] = slot;
                namesOf[i] = notices.names(slot, service);
                accepted.add(i);
            } catch (BizException e) {
                out.set(i, Result.failed(e));
            }
        }
        if (accepted.isEmpty()) {
            return out;
        }
        Slot slot = slotOf[accepted.get(0)];
        int k = accepted.size();
        boolean anyWaitlist = accepted.stream().anyMatch(i -> reqs.get(i).cmd().waitlist()) && slot.waitlistEnabled();
        int granted = 0;
        boolean locked = false;
        if (slot.seatsLeft() >= k && store.takeSeats(slotId, k)) {
            granted = k; // the common case: one statement for every seat of the batch
        } else if (slot.seatsLeft() > 0 || anyWaitlist) {
            // fewer seats than requests (or a waiting list): hold the row, so the free seats are counted exactly and a seat
            // freed right now goes to a waiter, not lost
            Slot row = store.lockSlot(slotId).orElseThrow();
            locked = true;
            granted = Math.min(k, row.open() ? row.seatsLeft() : 0);
            if (granted > 0 && !store.takeSeats(slotId, granted)) {
                throw new IllegalStateException("seats of a locked slot row could not be taken");
            }
        }
        List<Booking> rows = new ArrayList<>();
        List<Integer> rowOf = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            int i = accepted.get(j);
            Pending p = reqs.get(i);
            BookingStatus status = null;
            if (j < granted) {
                status = BookingStatus.CONFIRMED;
            } else if (locked && p.cmd().waitlist() && slot.waitlistEnabled()) {
                status = BookingStatus.WAITING;
            }
            if (status == null) {
                out.set(i, Result.failed(refusal(p, slot)));
                continue;
            }
            String note = p.cmd().note() == null || p.cmd().note().isBlank() ? null : p.cmd().note().strip();
            rows.add(newBooking(slot, p, note, status, now));
            rowOf.add(i);
        }
        if (rows.size() == 1) {
            Booking b = rows.get(0); // the same statement as a booking alone
            rows.set(0, store.insertBooking(slot, b.userId(), b.serviceId(), b.note(), b.status(), b.idempotencyKey(), now,
                    contactOf(b)));
        } else if (!rows.isEmpty()) {
            store.insertBookings(slotId, rows);
        }
        List<Booking> confirmed = new ArrayList<>();
        List<BookingNotices.Names> confirmedNames = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            int i = rowOf.get(r);
            Booking b = rows.get(r);
            if (b.status() == BookingStatus.CONFIRMED) {
                confirmed.add(b);
                confirmedNames.add(namesOf[i]);
            }
            out.set(i, Result.of(new BookOutcome(b, true, slotOf[i], namesOf[i])));
        }
        notices.confirmedAll(confirmed, slot, confirmedNames);
        return out;
    }

    /** A request the seats did not reach: already booked (said first), else full; a plain full refusal is remembered. */
    private BizException refusal(Pending p, Slot slot) {
        if (store.activeOf(p.userId(), slot.id()).isPresent()) {
            return new BizException(BookingError.ALREADY_BOOKED);
        }
        ErrorCode refusal = slot.waitlistEnabled() ? BookingError.SLOT_FULL : BookingError.WAITLIST_CLOSED;
        if (!p.cmd().waitlist()) {
            hints.full(slot, p.seen(), refusal);
        }
        return new BizException(refusal);
    }

    private static Booking newBooking(Slot slot, Pending p, String note, BookingStatus status, LocalDateTime now) {
        BookingStore.Contact c = p.cmd().contact();
        return new Booking().slotId(slot.id()).stationId(slot.stationId()).userId(p.userId()).serviceId(p.cmd().serviceId())
                .note(note).contactName(c == null ? null : c.name()).contactPhone(c == null ? null : c.phone())
                .contactRelation(c == null ? null : c.relation()).status(status).activeSlotId(slot.id())
                .idempotencyKey(p.key()).createdAt(now).updatedAt(now);
    }

    private static BookingStore.Contact contactOf(Booking b) {
        return b.contactName() == null && b.contactPhone() == null ? null
                : new BookingStore.Contact(b.contactName(), b.contactPhone(), b.contactRelation());
    }
}
