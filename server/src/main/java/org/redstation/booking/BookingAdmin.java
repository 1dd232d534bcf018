package org.redstation.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.redstation.auth.CurrentStaff;
import org.redstation.booking.BookingStore.Booking;
import org.redstation.booking.BookingStore.Slot;
import org.redstation.common.BizException;
import org.redstation.common.SlotKind;
import org.redstation.common.Weekday;
import org.redstation.station.CatalogueService;
import org.redstation.station.StationApi;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Staff side: weekly rules (naming catalogue services the station offers), holidays and closures. */
@Service
class BookingAdmin {
    private final RuleMapper rules;
    private final RuleServiceMapper ruleServices;
    private final ClosureMapper closures;
    private final SlotMapper slots;
    private final BookingStore store;
    private final BookingService bookings;
    private final SlotMaterialiser materialiser;
    private final StationApi stations;
    private final StaffScope scope;
    private final Clock clock;
    private final FullSlotHints hints;
    /** Explicit transactions: a rule and its services commit together, then its slots are made. */
    private final TransactionTemplate tx;

    BookingAdmin(RuleMapper rules, RuleServiceMapper ruleServices, ClosureMapper closures, SlotMapper slots, BookingStore store,
                 BookingService bookings, SlotMaterialiser materialiser, StationApi stations, StaffScope scope, Clock clock,
                 PlatformTransactionManager txm, FullSlotHints hints) {
        this.hints = hints;
        this.rules = rules;
        this.ruleServices = ruleServices;
        this.closures = closures;
        this.slots = slots;
        this.store = store;
        this.bookings = bookings;
        this.materialiser = materialiser;
        this.stations = stations;
        this.scope = scope;
        this.clock = clock;
        this.tx = new TransactionTemplate(txm);
    }

    record RuleSpec(String kind, String name, List<Integer> weekdays, LocalTime start, LocalTime end, int capacity,
                    int openDaysAhead, int cancelCutoffMinutes, boolean waitlistEnabled, boolean active, List<Long> serviceIds) {
    }

    record RuleView(long id, long stationId, String kind, String name, List<Integer> weekdays, String start, String end,
                    int capacity, int openDaysAhead, int cancelCutoffMinutes, boolean waitlistEnabled, boolean active,
                    List<BookingViews.ServiceView> services) {
    }

    List<RuleView> rules(CurrentStaff staff, long stationId) {
        scope.station(staff, stationId);
        return views(rules.ofStation(stationId));
    }

    private RuleView rule(long ruleId) {
        Rule r = rules.selectById(ruleId);
        if (r == null) {
            throw new BizException(BookingError.RULE_NOT_FOUND);
        }
        return views(List.of(r)).get(0);
    }

    /** Rules with their services' names: one statement for the links, one for the names. */
    private List<RuleView> views(List<Rule> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, List<Long>> links = new HashMap<>();
        ruleServices.ofRules(list.stream().map(Rule::id).toList())
                .forEach(rs -> links.computeIfAbsent(rs.ruleId(), k -> new java.util.ArrayList<>()).add(rs.serviceId()));
        Set<Long> serviceIds = links.values().stream().flatMap(List::stream).collect(Collectors.toSet());
        Map<Long, CatalogueService> names = serviceIds.isEmpty() ? Map.of() : stations.services(serviceIds);
        return list.stream().map(r -> new RuleView(r.id(), r.stationId(), r.kind().name(), r.name(), r.weekdayList(),
                r.startTime().format(BookingViews.HM), r.endTime().format(BookingViews.HM), r.capacity(), r.openDaysAhead(),
                r.cancelCutoffMinutes(), r.waitlistEnabled(), r.active(),
                links.getOrDefault(r.id(), List.of()).stream().filter(names::containsKey)
                        .map(id -> new BookingViews.ServiceView(id, names.get(id).name(), names.get(id).whatToBring())).toList())).toList();
    }

    /** Creates a rule with its services in one transaction, then materialises its slots. */
    RuleView createRule(CurrentStaff staff, long stationId, RuleSpec spec) {
        scope.station(staff, stationId);
        long id = tx.execute(s -> saveRule(null, stationId, spec));
        materialiser.materialise(id);
        return rule(id);
    }

    /** Changes a rule; future slots not yet booked beyond the new capacity take the new capacity. */
    RuleView updateRule(CurrentStaff staff, long ruleId, RuleSpec spec) {
        Rule existing = rules.selectById(ruleId);
        if (existing == null) {
            throw new BizException(BookingError.RULE_NOT_FOUND);
        }
        scope.station(staff, existing.stationId());
        tx.executeWithoutResult(s -> saveRule(ruleId, existing.stationId(), spec));
        materialiser.materialise(ruleId);
        return rule(ruleId);
    }

    /**
     * Writes the rule, then its services one by one, each checked against the catalogue: a service that fails the
     * check rolls back the rule and the services written before it (runs inside the caller's transaction).
     */
    private long saveRule(Long ruleId, long stationId, RuleSpec spec) {
        SlotKind kind = validate(spec);
        LocalDateTime now = LocalDateTime.now(clock);
        Rule r;
        if (ruleId == null) {
            r = new Rule().stationId(stationId).createdAt(now);
        } else {
            r = rules.lockById(ruleId);
        }
        r.kind(kind).name(spec.name()).weekdays(Rule.joinWeekdays(spec.weekdays())).startTime(spec.start()).endTime(spec.end())
                .capacity(spec.capacity()).openDaysAhead(spec.openDaysAhead()).cancelCutoffMinutes(spec.cancelCutoffMinutes())
                .waitlistEnabled(spec.waitlistEnabled()).active(spec.active()).updatedAt(now);
        if (ruleId == null) {
            rules.insert(r);
        } else {
            rules.updateById(r);
            slots.applyRule(r, LocalDate.now(clock));
            hints.everythingAfterCommit(); // a capacity may have grown: no "full" hint survives
            ruleServices.deleteOfRule(r.id());
        }
        Map<Long, CatalogueService> offered = stations.offeredServices(stationId).stream()
                .collect(Collectors.toMap(CatalogueService::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        List<Long> ids = spec.serviceIds().stream().distinct().toList();
        for (int i = 0; i < ids.size(); i++) {
            requireBookableAt(offered, ids.get(i), "serviceIds[" + i + "]");
            ruleServices.insert(new RuleService().ruleId(r.id()).serviceId(ids.get(i)));
        }
        return r.id();
    }

    /** A rule may only name catalogue services that the station offers and that take bookings. */
    private void requireBookableAt(Map<Long, CatalogueService> offered, Long serviceId, String field) {
        CatalogueService c = serviceId == null ? null : offered.get(serviceId);
        if (c == null) {
            if (serviceId == null || stations.service(serviceId).isEmpty()) {
                throw new BizException(BookingError.SERVICE_NOT_FOUND, BookingError.SERVICE_NOT_FOUND.message(), field);
            }
            throw new BizException(BookingError.SERVICE_NOT_AT_STATION, BookingError.SERVICE_NOT_AT_STATION.message(), field);
        }
        if (!c.bookable()) {
            throw new BizException(BookingError.SERVICE_NOT_BOOKABLE, BookingError.SERVICE_NOT_BOOKABLE.message(), field);
        }
    }

    private static SlotKind validate(RuleSpec spec) {
        SlotKind kind = SlotKind.parse(spec.kind());
        if (kind == null || !kind.allowedForBooking()) {
            throw BizException.invalid("kind", "时段类型只能是 EVENING_EXTRA（晚间一小时）、RED_WEEKEND（红色周末）或 OTHER（其他）");
        }
        if (spec.weekdays().isEmpty() || spec.weekdays().stream().anyMatch(d -> d == null || !Weekday.isValid(d))) {
            throw BizException.invalid("weekdays", "星期只能是1（周一）到7（周日）");
        }
        if (!spec.end().isAfter(spec.start())) {
            throw BizException.invalid("end", "结束时间必须晚于开始时间");
        }
        if (spec.serviceIds().isEmpty()) {
            throw BizException.invalid("serviceIds", "请至少选择一项服务事项");
        }
        return kind;
    }

    record ClosureView(long id, long stationId, String date, String reason, int cancelledBookings) {
    }

    /**
     * Closes a station (or, stationId 0, every station: a public holiday) on a day: its slots close and every
     * active booking is cancelled with the reason, the residents are told. Lock order: slots, then their bookings.
     */
    ClosureView close(CurrentStaff staff, long stationId, LocalDate day, String reason) {
        scope.requireStationOrDistrict(staff, stationId);
        return tx.execute(s -> {
            LocalDateTime now = LocalDateTime.now(clock);
            Closure c = new Closure().stationId(stationId).closedOn(day).reason(reason).createdBy(staff.id()).createdAt(now);
            try {
                closures.insert(c);
            } catch (DuplicateKeyException e) {
                throw new BizException(BookingError.CLOSURE_EXISTS);
            }
            int cancelled = 0;
            for (Slot slot : slots.lockOpenOfDay(stationId, day)) {
                slots.close(slot.id());
                slot.status(SlotStatus.CLOSED);
                for (Booking b : store.bookingsOfSlot(slot.id())) {
                    if (b.active()) {
                        Booking locked = store.lockBooking(b.id()).orElseThrow();
                        if (locked.active()) {
                            bookings.cancelLocked(locked, slot, "驿站闭站：" + reason, CancelledBy.CLOSURE, now);
                            cancelled++;
                        }
                    }
                }
            }
            return new ClosureView(c.id(), stationId, day.toString(), reason, cancelled);
        });
    }

    record ClosureItem(long id, long stationId, String date, String reason) {
    }

    List<ClosureItem> closures(CurrentStaff staff, long stationId) {
        scope.station(staff, stationId);
        return closures.upcoming(stationId, LocalDate.now(clock)).stream()
                .map(c -> new ClosureItem(c.id(), c.stationId(), c.closedOn().toString(), c.reason())).toList();
    }

    /**
     * Removes a closure: the day's slots open again (cancelled bookings stay cancelled), and the slots its rules did
     * not make while the day was closed are made at once (while another instance runs the materialiser: by its next run).
     */
    void reopen(CurrentStaff staff, long closureId) {
        Closure c = closures.selectById(closureId);
        if (c == null) {
            throw new BizException(BookingError.CLOSURE_NOT_FOUND);
        }
        scope.requireStationOrDistrict(staff, c.stationId());
        tx.executeWithoutResult(s -> {
            closures.deleteById(closureId);
            slots.reopenDay(c.stationId(), c.closedOn());
            rules.markStationDue(c.stationId()); // the slots not made while the day was closed are made now
            hints.everythingAfterCommit();
        });
        materialiser.materialiseAllLocked();
    }
}
