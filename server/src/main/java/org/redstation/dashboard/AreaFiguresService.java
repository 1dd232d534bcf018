package org.redstation.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redstation.auth.CurrentStaff;
import org.redstation.booking.BookingFigures;
import org.redstation.common.BizException;
import org.redstation.duty.DutyFigures;
import org.redstation.station.CommunityRef;
import org.redstation.station.StaffCommunities;
import org.redstation.station.StationApi;
import org.redstation.station.StationRef;
import org.redstation.wish.WishAreaFigures;
import org.redstation.wish.WishFigures;
import org.springframework.stereotype.Service;

/**
 * The district's figures (GET /api/staff/figures): needs, projects, volunteers (wish) beside resource items, members
 * reported (duty), bookings and attendance (booking) and service hours (duty + volunteers), per community, street and
 * district and month by month, within the staff scope. Lives here because the dashboard is the one module that may read
 * wish, duty and booking (duty already depends on wish, so wish cannot read duty). A fixed number of statements:
 * communities 1, wish 6, duty 5, booking 1 + stations 1.
 */
@Service
class AreaFiguresService {
    static final int MAX_MONTHS = 36;
    /** An open end of the period, for the modules whose statements need both ends. */
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);
    private final StaffCommunities communities;
    private final StationApi stations;
    private final WishFigures wish;
    private final DutyFigures duty;
    private final BookingFigures booking;
    private final Clock clock;

    AreaFiguresService(StaffCommunities communities, StationApi stations, WishFigures wish, DutyFigures duty,
                       BookingFigures booking, Clock clock) {
        this.communities = communities;
        this.stations = stations;
        this.wish = wish;
        this.duty = duty;
        this.booking = booking;
        this.clock = clock;
    }

    /** Communities the caller sees, narrowed to {@code communityId} (403 outside the scope). */
    private List<CommunityRef> visible(CurrentStaff staff, Long communityId) {
        if (communityId != null) {
            staff.requireCommunity(communityId);
        }
        return communities.inScope(staff).stream().filter(c -> communityId == null || c.id() == communityId).toList();
    }

    /** null = every community (the statements then filter nothing); else the visible ones. */
    private static Collection<Long> filter(CurrentStaff staff, Long communityId, Set<Long> ids) {
        return staff.isDistrictAdmin() && communityId == null ? null : List.copyOf(ids);
    }

    AreaFigures.District figures(CurrentStaff staff, LocalDate from, LocalDate to, Long communityId) {
        if (from != null && to != null && from.isAfter(to)) {
            throw BizException.invalid("from", "开始日期不能晚于结束日期");
        }
        List<CommunityRef> visible = visible(staff, communityId);
        if (visible.isEmpty()) {
            return new AreaFigures.District(from, to, AreaFigures.of(WishAreaFigures.ZERO, AreaFigures.Extra.ZERO), List.of());
        }
        Set<Long> ids = new HashSet<>();
        visible.forEach(c -> ids.add(c.id()));
        Collection<Long> filter = filter(staff, communityId, ids);
        LocalDate start = from == null ? EARLIEST : from;
        LocalDate end = to == null ? LATEST : to;

        WishFigures.DistrictFigures needs = wish.figures(filter, ids, from, to);
        Map<Long, DutyFigures.CommunityDuty> dutyBy = duty.byCommunity(filter, start, end, LocalDateTime.now(clock));
        Map<Long, long[]> bookingsBy = new HashMap<>();
        for (LocatedDay d : inScope(booking.perStationDay(start, end), ids)) {
            add(bookingsBy.computeIfAbsent(d.communityId(), k -> new long[3]), d.day());
        }
        Map<Long, AreaFigures.Extra> extra = new HashMap<>();
        for (long id : ids) {
            DutyFigures.CommunityDuty d = dutyBy.getOrDefault(id, new DutyFigures.CommunityDuty());
            long[] b = bookingsBy.getOrDefault(id, new long[3]);
            extra.put(id, new AreaFigures.Extra(d.resourceItems, d.membersReported, d.applicationsWaiting, b[0], b[1], b[2],
                    d.serviceMinutes));
        }
        AreaFigures.Extra districtExtra = AreaFigures.Extra.ZERO;
        List<AreaFigures.StreetArea> streets = new ArrayList<>();
        for (WishFigures.StreetFigures s : needs.streets()) {
            AreaFigures.Extra streetExtra = AreaFigures.Extra.ZERO;
            List<AreaFigures.CommunityArea> rows = new ArrayList<>();
            for (WishFigures.CommunityFigures c : s.communities()) {
                if (!ids.contains(c.communityId())) {
                    continue; // only rows of the visible communities
                }
                AreaFigures.Extra x = extra.getOrDefault(c.communityId(), AreaFigures.Extra.ZERO);
                streetExtra = streetExtra.plus(x);
                rows.add(new AreaFigures.CommunityArea(c.communityId(), c.communityName(), AreaFigures.of(c.figures(), x)));
            }
            districtExtra = districtExtra.plus(streetExtra);
            streets.add(new AreaFigures.StreetArea(s.streetId(), s.streetName(), AreaFigures.of(s.figures(), streetExtra), rows));
        }
        return new AreaFigures.District(from, to, AreaFigures.of(needs.district(), districtExtra), streets);
    }

    /** Month by month, {@code from} to {@code to} inclusive, at most 36 months. */
    List<AreaFigures.Month> monthly(CurrentStaff staff, YearMonth from, YearMonth to, Long communityId) {
        if (to.isBefore(from) || from.plusMonths(MAX_MONTHS).isBefore(to)) {
            throw BizException.invalid("from", "月份范围应在" + MAX_MONTHS + "个月以内，且开始不晚于结束");
        }
        List<CommunityRef> visible = visible(staff, communityId);
        Set<Long> ids = new HashSet<>();
        visible.forEach(c -> ids.add(c.id()));
        // a street without communities sees zeros: no statement may run with an empty IN ()
        Collection<Long> filter = ids.isEmpty() ? List.of(0L) : filter(staff, communityId, ids);
        LocalDate start = from.atDay(1);
        LocalDate end = to.atEndOfMonth();
        List<WishFigures.MonthFigures> needs = wish.monthly(filter, from, to);
        Map<String, Long> dutyMinutes = duty.minutesByMonth(filter, start, end);
        Map<String, long[]> bookingsBy = new HashMap<>();
        for (LocatedDay d : inScope(booking.perStationDay(start, end), ids)) {
            add(bookingsBy.computeIfAbsent(YearMonth.from(d.day().day()).toString(), k -> new long[3]), d.day());
        }
        return needs.stream().map(m -> AreaFigures.month(m, bookingsBy.getOrDefault(m.month(), new long[3]),
                dutyMinutes.getOrDefault(m.month(), 0L))).toList();
    }

    /** Booking knows stations, not communities: each day's station mapped to its community, outside the scope dropped. */
    private List<LocatedDay> inScope(List<BookingFigures.StationDay> days, Set<Long> ids) {
        Set<Long> stationIds = new HashSet<>();
        days.forEach(d -> stationIds.add(d.stationId()));
        Map<Long, StationRef> byId = stationIds.isEmpty() ? Map.of() : stations.findAll(stationIds);
        List<LocatedDay> out = new ArrayList<>();
        for (BookingFigures.StationDay d : days) {
            StationRef s = byId.get(d.stationId());
            if (s != null && ids.contains(s.communityId())) {
                out.add(new LocatedDay(s.communityId(), d));
            }
        }
        return out;
    }

    private record LocatedDay(long communityId, BookingFigures.StationDay day) {
    }

    private static void add(long[] a, BookingFigures.StationDay d) {
        a[0] += d.bookings();
        a[1] += d.attended();
        a[2] += d.noShow();
    }
}
