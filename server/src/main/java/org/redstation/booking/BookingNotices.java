package org.redstation.booking;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redstation.booking.BookingStore.Booking;
import org.redstation.booking.BookingStore.Slot;
import org.redstation.notify.Notification;
import org.redstation.notify.Notifier;
import org.redstation.station.CatalogueService;
import org.redstation.station.StationApi;
import org.redstation.station.StationRef;
import org.springframework.stereotype.Component;

/** Builds and queues the booking subscribe messages (inside the caller's transaction). */
@Component
class BookingNotices {
    static final String CONFIRMED = "booking-confirmed";
    static final String CANCELLED = "booking-cancelled";
    static final String REMINDER = "booking-reminder";
    static final String PROMOTED = "booking-promoted";
    static final String PAGE = org.redstation.common.MiniProgramPages.BOOKING_MINE;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter HM = BookingViews.HM;
    private static final Map<String, String> DEFAULT_FIELDS = Map.of("service", "thing1", "time", "time2", "station", "thing3",
            "tip", "thing4");

    private final Notifier notifier;
    private final StationApi stations;
    private final BookingProperties props;

    BookingNotices(Notifier notifier, StationApi stations, BookingProperties props) {
        this.notifier = notifier;
        this.stations = stations;
        this.props = props;
    }

    void confirmed(Booking b, Slot s) {
        send(CONFIRMED, b, s, "预约成功，请按时到驿站办理", "booking-confirmed:" + b.id());
    }

    /** The names a message shows, looked up before the seat is locked so that the lock is held briefly. */
    /** What a booking's answer and messages name: the service, the station and its phone (the cut-off's fallback). */
    record Names(String service, String station, String stationPhone, String whatToBring) {
        Names(String service, String station, String stationPhone) {
            this(service, station, stationPhone, null);
        }
    }

    Names names(Slot s, long serviceId) {
        var service = stations.service(serviceId);
        return new Names(service.map(CatalogueService::name).orElse(s.name()), stationName(s), stationPhone(s),
                service.map(CatalogueService::whatToBring).orElse(null));
    }

    Names names(Slot s, CatalogueService service) {
        return new Names(service.name(), stationName(s), stationPhone(s), service.whatToBring());
    }

    /** Stations for messages: read once a minute per station, not on every booking inside its transaction. */
    private final Cache<Long, java.util.Optional<StationRef>> stationRefs = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(60)).maximumSize(20_000).build();

    private java.util.Optional<StationRef> station(Slot s) {
        return stationRefs.get(s.stationId(), stations::find);
    }

    String stationName(Slot s) {
        return station(s).map(StationRef::name).orElse("红色驿站");
    }

    String stationPhone(Slot s) {
        return station(s).map(StationRef::phone).orElse(null);
    }

    void confirmed(Booking b, Slot s, Names names) {
        send(CONFIRMED, b, s, "预约成功，请按时到驿站办理", "booking-confirmed:" + b.id(), names);
    }

    /** The confirmations of a coalesced batch of one slot: queued with two statements, whatever their number. */
    void confirmedAll(List<Booking> bs, Slot s, List<Names> names) {
        List<Notification> ns = new ArrayList<>(bs.size());
        for (int i = 0; i < bs.size(); i++) {
            Booking b = bs.get(i);
            ns.add(notification(CONFIRMED, b, s, "预约成功，请按时到驿站办理", "booking-confirmed:" + b.id(), names.get(i)));
        }
        notifier.enqueueAll(ns);
    }

    void cancelled(Booking b, Slot s, String reason) {
        send(CANCELLED, b, s, "已取消：" + reason, "booking-cancelled:" + b.id());
    }

    void reminder(Booking b, Slot s) {
        Names names = names(s, b.serviceId());
        send(REMINDER, b, s, reminderTip(names.whatToBring()), "booking-reminder:" + b.id(), names);
    }

    /** The reminder's tip names what to bring when the catalogue says (thing values are cut at 20 characters). */
    static String reminderTip(String whatToBring) {
        return whatToBring == null || whatToBring.isBlank() ? "预约即将开始，请带好相关证件" : "请携带：" + whatToBring;
    }

    void promoted(Booking b, Slot s) {
        send(PROMOTED, b, s, "候补成功，已为您保留名额", "booking-promoted:" + b.id());
    }

    static String timeText(Slot s) {
        return s.date().format(DAY) + " " + s.start().format(HM) + "~" + s.end().format(HM);
    }

    private void send(String template, Booking b, Slot s, String tip, String dedupKey) {
        send(template, b, s, tip, dedupKey, names(s, b.serviceId()));
    }

    private void send(String template, Booking b, Slot s, String tip, String dedupKey, Names names) {
        notifier.enqueue(notification(template, b, s, tip, dedupKey, names));
    }

    private Notification notification(String template, Booking b, Slot s, String tip, String dedupKey, Names names) {
        Map<String, String> keys = props.fields().getOrDefault(template, DEFAULT_FIELDS);
        Map<String, String> data = new LinkedHashMap<>();
        put(data, keys.get("service"), names.service());
        put(data, keys.get("time"), timeText(s));
        put(data, keys.get("station"), names.station());
        put(data, keys.get("tip"), tip);
        return new Notification(b.userId(), template, PAGE, data, dedupKey);
    }

    /** thing values are at most 20 characters on WeChat. */
    private static void put(Map<String, String> data, String key, String value) {
        if (key == null || key.isBlank()) {
            return;
        }
        String v = value;
        if (key.startsWith("thing") && v.codePointCount(0, v.length()) > 20) {
            v = v.substring(0, v.offsetByCodePoints(0, 19)) + "…";
        }
        data.put(key, v);
    }
}
