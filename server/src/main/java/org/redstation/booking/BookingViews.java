package org.redstation.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.redstation.booking.BookingStore.Booking;
import org.redstation.booking.BookingStore.Slot;
import org.redstation.common.BizException;
import org.redstation.common.Masks;
import org.redstation.common.Weekday;
import org.redstation.station.CatalogueService;
import org.redstation.station.StationApi;
import org.redstation.station.StationRef;
import org.springframework.stereotype.Component;

/**
 * JSON shapes of slots and bookings. Every list is built from a fixed number of statements (IN lists and the
 * station module's batch lookups), whatever the number of rows.
 */
@Component
class BookingViews {
    static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private final BookingStore store;
    private final SlotMapper slots;
    private final BookingMapper bookings;
    private final RuleServiceMapper ruleServices;
    private final StationApi stations;
    private final Clock clock;

    BookingViews(BookingStore store, SlotMapper slots, BookingMapper bookings, RuleServiceMapper ruleServices,
                 StationApi stations, Clock clock) {
        this.store = store;
        this.slots = slots;
        this.bookings = bookings;
        this.ruleServices = ruleServices;
        this.stations = stations;
        this.clock = clock;
    }

    /** A service the slot takes, with what to bring (shown on the form before booking). */
    record ServiceView(long id, String name, String whatToBring) {
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
                       String cancelReason, String cancelledBy, String stationPhone, Contact contact, String whatToBring,
                       Integer queueNo) {
    }

    /** Who comes, masked (the full phone only through the audited staff reveal); relation null = the booker. */
    record Contact(String name, String phone, String relation) {
        static Contact of(Booking b) {
            return b.contactName() == null && b.contactPhone() == null ? null
                    : new Contact(Masks.name(b.contactName()), Masks.phone(b.contactPhone()), b.contactRelation());
        }
    }

    record StaffBookingRow(long id, String status, String statusName, long userId, String serviceName, String note,
                           String createdAt, Contact contact, Integer queueNo) {
    }

    static String weekday(LocalDate d) {
        return Weekday.labelOf(d);
    }

    static String fmt(LocalDateTime t) {
        return t.toLocalDate() + " " + t.toLocalTime().format(HM);
    }

    /** The future slots of a station, by day; with the user's own active booking of each slot when a user is given. */
    StationSlots stationSlots(StationRef station, int days, Long userId) {
        LocalDate today = LocalDate.now(clock);
        LocalDateTime now = LocalDateTime.now(clock);
        List<Slot> future = slots.ofStation(station.id(), today, today.plusDays(days - 1L)).stream()
                .filter(s -> s.startsAt().isAfter(now)).toList();
        List<SlotView> views = slotViews(station.id(), future, userId);
        Map<String, List<SlotView>> byDay = new LinkedHashMap<>();
        views.forEach(v -> byDay.computeIfAbsent(v.date(), d -> new ArrayList<>()).add(v));
        List<DayView> out = new ArrayList<>();
        byDay.forEach((d, list) -> {
            LocalDate day = LocalDate.parse(d);
            out.add(new DayView(d, weekday(day), label(day, today), list));
        });
        return new StationSlots(station.id(), station.name(), station.address(), out);
    }

    /** One slot in the shape of a slot-list item (past or closed slots too: the status says so). */
    SlotView slot(long slotId, Long userId) {
        Slot s = store.slot(slotId).orElseThrow(() -> new BizException(BookingError.SLOT_NOT_FOUND));
        return slotViews(s.stationId(), List.of(s), userId).get(0);
    }

    /** Slots of one station: 1 statement for the rules' services, 1 for the station's offer, 1 for the user's bookings. */
    private List<SlotView> slotViews(long stationId, List<Slot> list, Long userId) {
        if (list.isEmpty()) {
            return List.of();
        }
        Set<Long> ruleIds = list.stream().map(Slot::ruleId).collect(Collectors.toCollection(LinkedHashSet::new));
        Map<Long, Set<Long>> listed = new HashMap<>();
        ruleServices.ofRules(ruleIds).forEach(rs -> listed.computeIfAbsent(rs.ruleId(), r -> new LinkedHashSet<>()).add(rs.serviceId()));
        // in the station's display order; only what it still offers and the catalogue calls bookable
        List<CatalogueService> offered = stations.offeredServices(stationId).stream().filter(CatalogueService::bookable).toList();
        Map<Long, Booking> mine = new HashMap<>();
        if (userId != null) {
            bookings.activeOfSlots(userId, list.stream().map(Slot::id).toList()).forEach(b -> mine.put(b.slotId(), b));
        }
        List<SlotView> out = new ArrayList<>();
        for (Slot s : list) {
            Set<Long> ofRule = listed.getOrDefault(s.ruleId(), Set.of());
            List<ServiceView> services = offered.stream().filter(c -> ofRule.contains(c.id()))
                    .map(c -> new ServiceView(c.id(), c.name(), c.whatToBring())).toList();
            Booking b = mine.get(s.id());
            out.add(new SlotView(s.id(), s.stationId(), s.date().toString(), weekday(s.date()), s.start().format(HM),
                    s.end().format(HM), s.kind().name(), s.kindName(), s.capacity(), s.seatsLeft(), s.seatsLeft() == 0,
                    s.waitlistOpen(), fmt(s.cancelDeadline()), s.status().name(), services, b == null ? null : b.id(),
                    b == null ? null : b.status().name()));
        }
        return out;
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

    BookingView view(Booking b) {
        return views(List.of(b)).get(0).view();
    }

    /** The answer to a booking: a new one from the slot and names it was checked against (no statement), else as stored. */
    BookingView view(BookingService.BookOutcome out) {
        Booking b = out.booking();
        if (out.slot() == null || out.names() == null || b.status() != BookingStatus.CONFIRMED) {
            return view(b);
        }
        Slot s = out.slot();
        return new BookingView(b.id(), b.status().name(), b.status().label(), b.stationId(), out.names().station(), s.id(),
                s.date().toString(), weekday(s.date()), s.start().format(HM), s.end().format(HM), s.kind().name(), s.kindName(),
                b.serviceId(), out.names().service(), b.note(), null, b.cancellableBy(LocalDateTime.now(clock), s),
                fmt(s.cancelDeadline()), null, null, out.names().stationPhone(), Contact.of(b), out.names().whatToBring(),
                b.queueNo());
    }

    /** The resident's own booking; someone else's is "not found", not "forbidden" (ids are not to be probed). */
    BookingView own(long userId, long bookingId) {
        Booking b = store.booking(bookingId).filter(x -> x.userId() == userId)
                .orElseThrow(() -> new BizException(BookingError.BOOKING_NOT_FOUND));
        return view(b);
    }

    /** Upcoming (slot not yet ended and still active, soonest first) and past bookings of a user. */
    Map<String, List<BookingView>> mine(long userId) {
        LocalDateTime now = LocalDateTime.now(clock);
        List<BookingView> upcoming = new ArrayList<>();
        List<BookingView> past = new ArrayList<>();
        for (Viewed v : views(store.bookingsOf(userId, 100))) {
            if (v.booking().active() && v.slot().endsAt().isAfter(now)) {
                upcoming.add(0, v.view());
            } else {
                past.add(v.view());
            }
        }
        return Map.of("upcoming", upcoming, "past", past);
    }

    private record Viewed(Booking booking, Slot slot, BookingView view) {
    }

    /** Bookings in the given order, in 4 or 5 statements whatever their number. */
    private List<Viewed> views(List<Booking> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        LocalDateTime now = LocalDateTime.now(clock);
        Map<Long, Slot> slotById = store.slots(list.stream().map(Booking::slotId).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(Slot::id, Function.identity()));
        Map<Long, StationRef> stationById = stations.findAll(list.stream().map(Booking::stationId).collect(Collectors.toSet()));
        Map<Long, CatalogueService> serviceById = stations.services(list.stream().map(Booking::serviceId).collect(Collectors.toSet()));
        Map<Long, Integer> positions = waitlistPositions(list);
        List<Viewed> out = new ArrayList<>();
        for (Booking b : list) {
            Slot s = slotById.get(b.slotId());
            StationRef station = stationById.get(b.stationId());
            CatalogueService service = serviceById.get(b.serviceId());
            out.add(new Viewed(b, s, new BookingView(b.id(), b.status().name(), b.status().label(), b.stationId(),
                    station == null ? "" : station.name(), s.id(), s.date().toString(), weekday(s.date()), s.start().format(HM),
                    s.end().format(HM), s.kind().name(), s.kindName(), b.serviceId(), service == null ? "" : service.name(),
                    b.note(), positions.get(b.id()), b.cancellableBy(now, s), fmt(s.cancelDeadline()), b.cancelReason(),
                    b.cancelledBy() == null ? null : b.cancelledBy().name(), station == null ? null : station.phone(),
                    Contact.of(b), service == null ? null : service.whatToBring(), b.queueNo())));
        }
        return out;
    }

    /** 候补 position (1 = next in line) of each waiting booking; one statement when there are any. */
    private Map<Long, Integer> waitlistPositions(List<Booking> list) {
        Set<Long> waitingSlots = list.stream().filter(b -> b.status() == BookingStatus.WAITING).map(Booking::slotId)
                .collect(Collectors.toSet());
        Map<Long, Integer> out = new HashMap<>();
        if (waitingSlots.isEmpty()) {
            return out;
        }
        Map<Long, Integer> rank = new HashMap<>();
        for (Booking w : bookings.waitersOf(waitingSlots)) {
            out.put(w.id(), rank.merge(w.slotId(), 1, Integer::sum));
        }
        return out;
    }

    /** The bookings of a slot for staff, with service names from one batch lookup. */
    List<StaffBookingRow> staffRows(long slotId) {
        List<Booking> list = store.bookingsOfSlot(slotId);
        Map<Long, CatalogueService> serviceById = list.isEmpty() ? Map.of()
                : stations.services(list.stream().map(Booking::serviceId).collect(Collectors.toSet()));
        return list.stream().map(b -> new StaffBookingRow(b.id(), b.status().name(), b.status().label(), b.userId(),
                serviceById.containsKey(b.serviceId()) ? serviceById.get(b.serviceId()).name() : "", b.note(),
                fmt(b.createdAt()), Contact.of(b), b.queueNo())).toList();
    }
}
