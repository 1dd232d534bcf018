package org.redstation.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redstation.station.StationApi;
import org.redstation.station.StationRef;
import org.springframework.stereotype.Component;

/** JSON shapes of slots and bookings. */
@Component
class BookingViews {
    static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");
    private static final String[] WEEKDAYS = {"周一", "周二", "周三", "周四", "周五", "周六", "周日"};
    private static final Map<String, String> STATUS = Map.of("CONFIRMED", "已预约", "WAITING", "候补中", "CANCELLED", "已取消",
            "ATTENDED", "已到场", "NO_SHOW", "未到场");

    private final BookingStore store;
    private final StationApi stations;
    private final Clock clock;

    BookingViews(BookingStore store, StationApi stations, Clock clock) {
        this.store = store;
        this.stations = stations;
        this.clock = clock;
    }

    record ServiceView(long id, String name) {
    }

    record SlotView(long id, long stationId, String date, String weekday, String start, String end, String kind, String kindName,
                    int capacity, int seatsLeft, boolean full, boolean waitlistOpen, String cancelDeadline, String status,
                    List<ServiceView> services, Long myBookingId, String myStatus) {
    }

    record DayView(String date, String weekday, String label, List<SlotView> slots) {
    }

    record StationSlots(long stationId, String stationName, String address, List<DayView> days) {
    }

    record BookingView(long id, String status, String statusName, long stationId, String stationName, long slotId, String date,
                       String weekday, String start, String end, String kind, String kindName, long serviceId,
                       String serviceName, String note, Integer waitlistPosition, boolean cancellable, String cancelDeadline,
                       String cancelReason, String cancelledBy) {
    }

    static String kindName(String kind, String name) {
        return switch (kind) {
            case "EVENING_EXTRA" -> "晚间一小时";
            case "RED_WEEKEND" -> "红色周末";
            default -> name;
        };
    }

    static String weekday(LocalDate d) {
        return WEEKDAYS[d.getDayOfWeek().getValue() - 1];
    }

    static String statusName(String status) {
        return STATUS.getOrDefault(status, status);
    }

    static String fmt(LocalDateTime t) {
        return t.toLocalDate() + " " + t.toLocalTime().format(HM);
    }

    StationSlots stationSlots(StationRef station, int days, Long userId) {
        LocalDate today = LocalDate.now(clock);
        LocalDateTime now = LocalDateTime.now(clock);
        List<BookingStore.Slot> slots = store.slots(station.id(), today, today.plusDays(days - 1L));
        Map<Long, List<ServiceView>> services = new HashMap<>();
        Map<Long, BookingStore.Booking> mine = new HashMap<>();
        if (userId != null) {
            for (BookingStore.Slot s : slots) {
                store.activeOf(userId, s.id()).ifPresent(b -> mine.put(s.id(), b));
            }
        }
        Map<LocalDate, List<SlotView>> byDay = new LinkedHashMap<>();
        for (BookingStore.Slot s : slots) {
            if (!s.startsAt().isAfter(now)) {
                continue;
            }
            List<ServiceView> sv = services.computeIfAbsent(s.ruleId(),
                    r -> store.servicesOfRule(r).stream().map(x -> new ServiceView(x.id(), x.name())).toList());
            BookingStore.Booking b = mine.get(s.id());
            byDay.computeIfAbsent(s.date(), d -> new ArrayList<>()).add(new SlotView(s.id(), s.stationId(), s.date().toString(),
                    weekday(s.date()), s.start().format(HM), s.end().format(HM), s.kind(), kindName(s.kind(), s.name()),
                    s.capacity(), s.seatsLeft(), s.seatsLeft() == 0, s.open() && s.seatsLeft() == 0 && s.waitlistEnabled(),
                    fmt(s.cancelDeadline()), s.status(), sv, b == null ? null : b.id(), b == null ? null : b.status()));
        }
        List<DayView> out = new ArrayList<>();
        byDay.forEach((d, list) -> out.add(new DayView(d.toString(), weekday(d), label(d, today), list)));
        return new StationSlots(station.id(), station.name(), station.address(), out);
    }

    private static String label(LocalDate d, LocalDate today) {
        if (d.equals(today)) {
            return "今天";
        }
        if (d.equals(today.plusDays(1))) {
            return "明天";
        }
        return d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    BookingView view(BookingStore.Booking b) {
        BookingStore.Slot s = store.slot(b.slotId()).orElseThrow();
        LocalDateTime now = LocalDateTime.now(clock);
        boolean cancellable = "WAITING".equals(b.status())
                || "CONFIRMED".equals(b.status()) && !now.isAfter(s.cancelDeadline());
        return new BookingView(b.id(), b.status(), statusName(b.status()), b.stationId(),
                stations.find(b.stationId()).map(StationRef::name).orElse(""), s.id(), s.date().toString(), weekday(s.date()),
                s.start().format(HM), s.end().format(HM), s.kind(), kindName(s.kind(), s.name()), b.serviceId(),
                store.service(b.serviceId()).map(BookingStore.Service::name).orElse(""), b.note(),
                "WAITING".equals(b.status()) ? store.waitlistPosition(b) : null, cancellable, fmt(s.cancelDeadline()),
                b.cancelReason(), b.cancelledBy());
    }

    /** Upcoming (slot not yet ended and still active) and past bookings of a user. */
    Map<String, List<BookingView>> mine(long userId) {
        LocalDateTime now = LocalDateTime.now(clock);
        List<BookingView> upcoming = new ArrayList<>();
        List<BookingView> past = new ArrayList<>();
        for (BookingStore.Booking b : store.bookingsOf(userId, 100)) {
            BookingStore.Slot s = store.slot(b.slotId()).orElseThrow();
            BookingView v = view(b);
            if (b.active() && s.date().atTime(s.end()).isAfter(now)) {
                upcoming.add(0, v);
            } else {
                past.add(v);
            }
        }
        return Map.of("upcoming", upcoming, "past", past);
    }
}
