package org.redstation.booking;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import org.redstation.booking.BookingStore.Booking;
import org.redstation.common.BizException;
import org.redstation.station.StationApi;
import org.redstation.station.StationRef;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Arrival: a resident scans the station code during their slot (from {@link #EARLY} before its start to its end) and
 * is checked in, ATTENDED with a queue number. Queue numbers come from the slot's counter, moved under the slot's row
 * lock (lock order: slot, then booking), and a unique key (slot_id, queue_no) keeps them unique whatever happens.
 */
@Service
class ArrivalService {
    static final Duration EARLY = Duration.ofMinutes(15);
    private final BookingStore store;
    private final StationApi stations;
    private final Clock clock;
    private final TransactionTemplate tx;

    ArrivalService(BookingStore store, StationApi stations, Clock clock,
                   org.springframework.transaction.PlatformTransactionManager txm) {
        this.store = store;
        this.stations = stations;
        this.clock = clock;
        this.tx = new TransactionTemplate(txm);
    }

    /** Checks the resident in; scanning again returns the same queue number. */
    Booking arrive(long userId, String scene) {
        String code = stationCode(scene);
        StationRef station = code == null ? null : stations.findByCode(code).orElse(null);
        if (station == null) {
            throw new BizException(BookingError.ARRIVAL_STATION_NOT_FOUND, BookingError.ARRIVAL_STATION_NOT_FOUND.message(), "scene");
        }
        return tx.execute(s -> {
            LocalDateTime now = LocalDateTime.now(clock);
            Booking b = store.arrivable(userId, station.id(), now, EARLY)
                    .orElseThrow(() -> new BizException(BookingError.ARRIVAL_NO_BOOKING));
            if (b.queueNo() != null) {
                return b;
            }
            store.lockSlot(b.slotId());
            Booking locked = store.lockBooking(b.id()).orElseThrow();
            if (locked.queueNo() != null) {
                return locked;
            }
            if (locked.status() != BookingStatus.CONFIRMED) {
                throw new BizException(BookingError.ARRIVAL_NO_BOOKING);
            }
            int no = store.nextQueueNo(b.slotId());
            if (!store.checkIn(b.id(), no, now)) {
                throw new BizException(BookingError.ARRIVAL_NO_BOOKING);
            }
            return store.booking(b.id()).orElseThrow();
        });
    }

    /** Station code from a scanned scene "st=CY01" (URL-encoded or not) or the code itself; null when none. */
    static String stationCode(String scene) {
        if (scene == null || scene.isBlank()) {
            return null;
        }
        String s = java.net.URLDecoder.decode(scene.strip(), java.nio.charset.StandardCharsets.UTF_8);
        for (String part : s.split("&")) {
            if (part.startsWith("st=")) {
                return part.substring(3);
            }
        }
        return s.contains("=") ? null : s;
    }
}
