package org.redstation.booking;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.redstation.auth.CurrentStaff;
import org.redstation.booking.BookingStore.Booking;
import org.redstation.booking.BookingStore.Slot;
import org.redstation.common.BizException;
import org.redstation.common.BusinessMetrics;
import org.redstation.common.Coalescer;
import org.redstation.common.Coalescer.Result;
import org.redstation.common.CommonError;
import org.redstation.common.ErrorCode;
import org.redstation.station.CatalogueService;
import org.redstation.station.StationApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Booking, cancelling, the waiting list and attendance. Seats are guarded by the database: a conditional
 * UPDATE (booked &lt; capacity) takes a seat, a unique key allows one active booking per resident per slot,
 * another one makes a client's idempotency key return the same booking.
 */
@Service
class BookingService {
    private static final Logger log = LoggerFactory.getLogger(BookingService.class);
    private final BookingStore store;
    private final BookingNotices notices;
    private final BookingProperties props;
    private final StationApi stations;
    private final StaffScope scope;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final FullSlotHints hints;
    private final BusinessMetrics metrics;
    /**
     * Per slot and instance, concurrent booking requests wait in one line and are run together by one of them
     * ({@link BookingBatch}: one transaction per batch). A rush on a slot then holds one database connection per slot and
     * instance, not one per request queueing on the slot's row lock. Correctness never depends on it: the database
     * guards the seats.
     */
    private final Coalescer<BookingBatch.Pending, BookOutcome> lines;
    static final int BATCH_MAX = 64;
    static final int LINES_MAX = 1_024;
    private static final Duration LINE_WAIT = Duration.ofSeconds(20);
    private final BookingBatch batch;
    /**
     * Slots this instance saw with many seats left (more than {@link #ROOMY} after its last booking there) within the
     * last second: their full-slot hint is not read, since a hint can only refuse and the database judges anyway. So a
     * big slot's bookings skip one Redis round trip; a slot nearing full reads its hint again.
     */
    private final Cache<Long, Boolean> roomy = Caffeine
            .newBuilder().expireAfterWrite(Duration.ofSeconds(1)).maximumSize(LINES_MAX).build();
    static final int ROOMY = 2 * BATCH_MAX;
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong oneByOne = new AtomicLong();

    BookingService(BookingStore store, BookingNotices notices, BookingProperties props, StationApi stations, StaffScope scope,
                   Clock clock, PlatformTransactionManager txm, FullSlotHints hints, BookingBatch batch,
                   BusinessMetrics metrics) {
        this.metrics = metrics;
        this.hints = hints;
        this.batch = batch;
        this.lines = new Coalescer<>(BATCH_MAX, LINES_MAX, LINE_WAIT, this::bookAll,
                () -> new BizException(CommonError.SERVICE_BUSY, "预约人数较多，请稍后再试"));
        this.store = store;
        this.notices = notices;
        this.props = props;
        this.stations = stations;
        this.scope = scope;
        this.clock = clock;
        this.tx = new TransactionTemplate(txm);
    }

    record BookCommand(Long stationId, long slotId, long serviceId, String note, String idempotencyKey, boolean waitlist,
                       BookingStore.Contact contact) {
        BookCommand(Long stationId, long slotId, long serviceId, String note, String idempotencyKey, boolean waitlist) {
            this(stationId, slotId, serviceId, note, idempotencyKey, waitlist, null);
        }
    }

    /**
     * created false = the idempotency key named an earlier booking, returned as it is now. A new booking also carries
     * the slot and the names it was checked against, so that its answer needs no statement (see BookingViews#view).
     */
    record BookOutcome(Booking booking, boolean created, Slot slot, BookingNotices.Names names) {
        BookOutcome(Booking booking, boolean created) {
            this(booking, created, null, null);
        }
    }

    /**
     * A booking runs, on its happy path: the full-slot hint (read with the session by the controller, else one Redis
     * MGET here), then in the slot's line one transaction
     * (shared with the requests it met there, {@link BookingBatch}) of slot read, rule/catalogue checks, seat UPDATE,
     * booking INSERT, outbox INSERT. The idempotency key
     * and the one-active-booking rule are enforced by the unique keys and only looked up when something refused.
     */
    BookOutcome book(long userId, BookCommand cmd) {
        return book(userId, cmd, null, () -> { });
    }

    /**
     * The Redis keys a booking reads first (its slot's full hint), for the controller to read with the resident's
     * session in one round trip; none for a 候补 request or a slot known to be roomy.
     */
    List<String> readFirst(long slotId, boolean waitlist) {
        return waitlist || roomy.getIfPresent(slotId) != null ? List.of() : hints.keys(slotId);
    }

    /**
     * read: the values of {@link #readFirst}'s keys read with the session (null = they were not read: read them here);
     * admit: runs once the hint has let the request through, before it joins the slot's line (the resident's daily
     * allowance: a tap refused by the hint costs none of it).
     */
    BookOutcome book(long userId, BookCommand cmd, Map<String, String> read, Runnable admit) {
        String key = cmd.idempotencyKey() == null || cmd.idempotencyKey().isBlank() ? null : cmd.idempotencyKey();
        LocalDateTime now = LocalDateTime.now(clock);
        FullSlotHints.Seen seen;
        if (cmd.waitlist() || roomy.getIfPresent(cmd.slotId()) != null) {
            seen = FullSlotHints.Seen.NONE;
        } else if (read != null) {
            seen = hints.seen(read, cmd.slotId(), cmd.stationId(), now);
        } else {
            seen = hints.check(cmd.slotId(), cmd.stationId(), now);
        }
        if (seen.refusal() != null) {
            // a full slot: answered without a database write, a lock or the line
            return earlierOrThrow(userId, key, new BizException(seen.refusal()));
        }
        admit.run();
        // one line per slot: two (each running its reads while the other held the row) halved the batches, 1.9 requests
        // each instead of 3.5, and bookings/s fell by a fifth (bench/README)
        return lines.submit(cmd.slotId(), new BookingBatch.Pending(userId, cmd, key, seen));
    }

    /**
     * The requests of one slot that met in its line: one transaction for all when their residents differ, else (or
     * when a unique key refuses the batch: a second booking, a reused key) one transaction each, so that only the
     * duplicate fails. A refusal carrying the key of an earlier booking still returns that booking.
     */
    private List<Result<BookOutcome>> bookAll(List<BookingBatch.Pending> reqs) {
        metrics.lineBatch("booking", reqs.size());
        List<Result<BookOutcome>> answers = bookBatch(reqs);
        // the slot as read by this batch, less every request of it: many seats left = no hint reads for a second
        answers.stream().map(Result::value).filter(o -> o != null && o.slot() != null).findFirst()
                .filter(o -> o.slot().seatsLeft() - reqs.size() > ROOMY)
                .ifPresent(o -> roomy.put(o.slot().id(), Boolean.TRUE));
        return answers;
    }

    private List<Result<BookOutcome>> bookBatch(List<BookingBatch.Pending> reqs) {
        long slotId = reqs.get(0).cmd().slotId();
        boolean distinct = reqs.stream().map(BookingBatch.Pending::userId).distinct().count() == reqs.size();
        if (reqs.size() > 1 && distinct) {
            for (int attempt = 1; attempt <= 3; attempt++) {
                try {
                    List<Result<BookOutcome>> out = batch.book(slotId, reqs);
                    batches.incrementAndGet();
                    List<Result<BookOutcome>> answers = new ArrayList<>(out.size());
                    for (int i = 0; i < out.size(); i++) {
                        BookingBatch.Pending p = reqs.get(i);
                        Result<BookOutcome> r = out.get(i);
                        answers.add(r.error() instanceof BizException refused
                                ? Result.of(() -> earlierOrThrow(p.userId(), p.key(), refused)) : r);
                    }
                    return answers;
                } catch (DuplicateKeyException e) {
                    break; // nothing written: one by one below
                } catch (PessimisticLockingFailureException e) {
                    log.info("booking batch retried after lock failure: {}", e.getClass().getSimpleName());
                }
            }
        }
        if (reqs.size() > 1) {
            oneByOne.incrementAndGet();
        }
        return reqs.stream().map(p -> Result.of(() -> bookGated(p.userId(), p.cmd(), p.key(), p.seen()))).toList();
    }

    /** Batches run as one transaction, and batches run one by one (a duplicate among them), so far (tests). */
    long[] batchCounts() {
        return new long[] {batches.get(), oneByOne.get()};
    }

    /** Booking requests in a slot's line or its running batch (tests). */
    long inLines() {
        return lines.inFlight();
    }

    /** Slot lines held now (the bounds test). */
    long lineCount() {
        return lines.lineCount();
    }

    /** A refused or conflicting tap that carries the key of an earlier booking returns that booking (HTTP 200). */
    private BookOutcome earlierOrThrow(long userId, String key, BizException refusal) {
        if (key != null) {
            var earlier = store.byIdempotencyKey(userId, key);
            if (earlier.isPresent()) {
                return new BookOutcome(earlier.get(), false);
            }
        }
        throw refusal;
    }

    private BookOutcome bookGated(long userId, BookCommand cmd, String key, FullSlotHints.Seen seen) {
        for (int attempt = 1; ; attempt++) {
            try {
                Object[] checked = new Object[2];
                Booking b = tx.execute(s -> doBook(userId, cmd, key, seen, checked));
                return new BookOutcome(b, true, (Slot) checked[0], (BookingNotices.Names) checked[1]);
            } catch (DuplicateKeyException e) {
                // a concurrent tap with the same key, or a second booking of the same slot: nothing was written
                return earlierOrThrow(userId, key, new BizException(BookingError.ALREADY_BOOKED));
            } catch (BizException e) {
                return earlierOrThrow(userId, key, e);
            } catch (PessimisticLockingFailureException e) {
                if (attempt >= 3) {
                    throw e;
                }
                log.info("booking retried after lock failure: {}", e.getClass().getSimpleName());
            }
        }
    }

    /** The checks of a slot every booking passes, alone or in a batch, in this order (the first failing one answers). */
    static void checkSlot(Slot slot, boolean listed, BookCommand cmd, LocalDateTime now) {
        if (cmd.stationId() != null && cmd.stationId() != slot.stationId()) {
            throw new BizException(BookingError.SLOT_OTHER_STATION, BookingError.SLOT_OTHER_STATION.message(), "slotId");
        }
        if (!slot.startsAt().isAfter(now)) {
            throw new BizException(BookingError.SLOT_PAST, BookingError.SLOT_PAST.message(), "slotId");
        }
        if (!slot.open()) {
            throw new BizException(BookingError.SLOT_CLOSED);
        }
        if (!listed) {
            throw new BizException(BookingError.SERVICE_NOT_OFFERED, BookingError.SERVICE_NOT_OFFERED.message(), "serviceId");
        }
    }

    static CatalogueService bookable(Optional<CatalogueService> offered) {
        return offered.filter(CatalogueService::bookable).orElseThrow(() -> new BizException(BookingError.SERVICE_NOT_BOOKABLE,
                BookingError.SERVICE_NOT_BOOKABLE.message(), "serviceId"));
    }

    private Booking doBook(long userId, BookCommand cmd, String key, FullSlotHints.Seen seen, Object[] checked) {
        LocalDateTime now = LocalDateTime.now(clock);
        // slot and rule check in one statement; only when it finds nothing is the slot read alone, to say why
        var listed = store.slotListing(cmd.slotId(), cmd.serviceId());
        Slot slot = listed.or(() -> store.slot(cmd.slotId())).orElseThrow(() -> new BizException(BookingError.SLOT_NOT_FOUND));
        checkSlot(slot, listed.isPresent(), cmd, now);
        // the catalogue decides whether the service still takes bookings at this station
        CatalogueService service = bookable(stations.offeredService(slot.stationId(), cmd.serviceId()));
        if (props.noShowLimit() > 0
                && store.noShowsSince(userId, now.minusDays(props.noShowWindowDays())) >= props.noShowLimit()) {
            throw new BizException(BookingError.BOOKING_RESTRICTED);
        }
        String note = cmd.note() == null || cmd.note().isBlank() ? null : cmd.note().strip();
        boolean wantsWaitlist = cmd.waitlist() && slot.waitlistEnabled();
        BookingNotices.Names names = notices.names(slot, service);
        checked[0] = slot;
        checked[1] = names;
        // a second active booking of the slot is refused by the unique key (active_slot_id, user_id): no read for it here
        if (slot.seatsLeft() > 0 && store.takeSeat(slot.id())) {
            // from the seat UPDATE to the commit the slot row is locked: only the two INSERTs
            return confirm(slot, userId, cmd.serviceId(), note, key, now, names, cmd.contact());
        }
        // full (or just filled): a plain refusal needs no lock
        if (store.activeOf(userId, slot.id()).isPresent()) {
            throw new BizException(BookingError.ALREADY_BOOKED);
        }
        if (!wantsWaitlist) {
            ErrorCode refusal = slot.waitlistEnabled() ? BookingError.SLOT_FULL : BookingError.WAITLIST_CLOSED;
            hints.full(slot, seen, refusal);
            throw new BizException(refusal);
        }
        // hold the slot row so that a seat freed right now is handed to this waiter, not lost
        Slot locked = store.lockSlot(slot.id()).orElseThrow();
        if (locked.seatsLeft() > 0 && store.takeSeat(slot.id())) {
            return confirm(slot, userId, cmd.serviceId(), note, key, now, names, cmd.contact());
        }
        return store.insertBooking(slot, userId, cmd.serviceId(), note, BookingStatus.WAITING, key, now, cmd.contact());
    }

    private Booking confirm(Slot slot, long userId, long serviceId, String note, String key, LocalDateTime now,
                            BookingNotices.Names names, BookingStore.Contact contact) {
        Booking b = store.insertBooking(slot, userId, serviceId, note, BookingStatus.CONFIRMED, key, now, contact);
        notices.confirmed(b, slot, names);
        return b;
    }

    /** The resident cancels their own booking (a waiting-list place any time, a seat until the cut-off). */
    Booking cancelByResident(long userId, long bookingId) {
        return withRetry(() -> tx.execute(s -> {
            LocalDateTime now = LocalDateTime.now(clock);
            Booking b = lockSlotThenBooking(bookingId);
            if (b.userId() != userId) {
                throw new BizException(BookingError.BOOKING_NOT_YOURS);
            }
            if (!b.active()) {
                throw new BizException(BookingError.BOOKING_NOT_ACTIVE);
            }
            Slot slot = store.slot(b.slotId()).orElseThrow();
            if (!b.cancellableBy(now, slot)) {
                throw new BizException(BookingError.CANCEL_TOO_LATE);
            }
            cancelLocked(b, slot, CancelledBy.RESIDENT.label(), CancelledBy.RESIDENT, now);
            return store.booking(bookingId).orElseThrow();
        }));
    }

    /** Staff cancel any active booking with a reason; the resident is told the reason. */
    Booking cancelByStaff(CurrentStaff staff, long bookingId, String reason) {
        return withRetry(() -> tx.execute(s -> {
            LocalDateTime now = LocalDateTime.now(clock);
            Booking b = lockSlotThenBooking(bookingId);
            scope.station(staff, b.stationId());
            if (!b.active()) {
                throw new BizException(BookingError.BOOKING_NOT_ACTIVE);
            }
            Slot slot = store.slot(b.slotId()).orElseThrow();
            cancelLocked(b, slot, reason, CancelledBy.STAFF, now);
            return store.booking(bookingId).orElseThrow();
        }));
    }

    /** Lock order everywhere: the slot row first, then booking rows (a booking takes its seat the same way). */
    private Booking lockSlotThenBooking(long bookingId) {
        Booking peek = store.booking(bookingId).orElseThrow(() -> new BizException(BookingError.BOOKING_NOT_FOUND));
        store.lockSlot(peek.slotId());
        return store.lockBooking(bookingId).orElseThrow(() -> new BizException(BookingError.BOOKING_NOT_FOUND));
    }

    private static <T> T withRetry(java.util.function.Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.get();
            } catch (PessimisticLockingFailureException e) {
                if (attempt >= 3) {
                    throw e;
                }
                log.info("retried after lock failure: {}", e.getClass().getSimpleName());
            }
        }
    }

    /** Cancels a locked active booking: the seat returns at once and goes to the first waiter. */
    void cancelLocked(Booking b, Slot slot, String reason, CancelledBy by, LocalDateTime now) {
        if (!store.cancel(b.id(), b.status(), reason, by, now)) {
            throw new BizException(BookingError.BOOKING_NOT_ACTIVE);
        }
        if (b.status() == BookingStatus.CONFIRMED) {
            store.returnSeat(slot.id());
            promoteWaiters(slot.id(), now);
        }
        notices.cancelled(b, slot, reason);
    }

    /** Gives free seats of a slot to its waiters, first come first served. */
    void promoteWaiters(long slotId, LocalDateTime now) {
        Slot slot = store.lockSlot(slotId).orElseThrow();
        if (!slot.open() || !slot.startsAt().isAfter(now)) {
            return;
        }
        while (true) {
            var waiter = store.lockFirstWaiter(slotId);
            if (waiter.isEmpty() || !store.takeSeat(slotId)) {
                return;
            }
            store.setStatus(waiter.get().id(), BookingStatus.WAITING, BookingStatus.CONFIRMED, now);
            notices.promoted(waiter.get(), slot);
        }
    }

    /** Staff record whether a resident came. */
    Booking markAttendance(CurrentStaff staff, long bookingId, boolean attended) {
        return tx.execute(s -> {
            LocalDateTime now = LocalDateTime.now(clock);
            Booking b = store.lockBooking(bookingId).orElseThrow(() -> new BizException(BookingError.BOOKING_NOT_FOUND));
            scope.station(staff, b.stationId());
            if (!b.status().attendanceCanBeRecorded()) {
                throw new BizException(BookingError.BOOKING_NOT_ACTIVE);
            }
            Slot slot = store.slot(b.slotId()).orElseThrow();
            if (slot.startsAt().isAfter(now)) {
                throw new BizException(BookingError.ATTENDANCE_TOO_EARLY);
            }
            if (!attended && b.arrivedAt() != null) {
                // checked in at the station by scanning its code: that is proof, a no-show cannot be recorded over it
                throw new BizException(BookingError.ARRIVED_ALREADY);
            }
            store.setStatus(b.id(), b.status(), attended ? BookingStatus.ATTENDED : BookingStatus.NO_SHOW, now);
            return store.booking(bookingId).orElseThrow();
        });
    }
}
