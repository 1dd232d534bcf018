package org.redstation.dashboard;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.redstation.auth.CurrentStaff;
import org.redstation.booking.BookingFigures;
import org.redstation.chat.ChatFigures;
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
 * Puts the modules' figures together per community, street and district, within the staff member's scope. A constant
 * number of statements (communities 1, booking 1 + stations 1, duty 5, chat 2, wish 5 + 1) whatever the number of
 * communities or days.
 */
@Service
class DashboardService {
    static final int MAX_DAYS = 92;
    private final StaffCommunities communities;
    private final StationApi stations;
    private final BookingFigures booking;
    private final DutyFigures duty;
    private final ChatFigures chat;
    private final WishFigures wish;
    private final Clock clock;

    DashboardService(StaffCommunities communities, StationApi stations, BookingFigures booking, DutyFigures duty,
                     ChatFigures chat, WishFigures wish, Clock clock) {
        this.wish = wish;
        this.communities = communities;
        this.stations = stations;
        this.booking = booking;
        this.duty = duty;
        this.chat = chat;
        this.clock = clock;
    }

    Figures.Dashboard figures(CurrentStaff staff, LocalDate from, LocalDate to, Long communityId) {
        LocalDate today = LocalDate.now(clock);
        LocalDate end = to == null ? today : to;
        LocalDate start = from == null ? end.minusDays(29) : from;
        if (start.isAfter(end) || start.plusDays(MAX_DAYS).isBefore(end)) {
            throw BizException.invalid("from", "统计时间段应在" + MAX_DAYS + "天以内，且开始日期不晚于结束日期");
        }
        if (communityId != null) {
            staff.requireCommunity(communityId);
        }
        List<CommunityRef> visible = communities.inScope(staff).stream()
                .filter(c -> communityId == null || c.id() == communityId).toList();
        if (visible.isEmpty()) {
            return new Figures.Dashboard(start.toString(), end.toString(), Figures.sum(0, "合计", List.of()), List.of(), List.of(),
                    List.of(), district(List.of(), List.of(), WishAreaFigures.ZERO, staff.isDistrictAdmin() && communityId == null));
        }
        Set<Long> ids = new HashSet<>();
        visible.forEach(c -> ids.add(c.id()));
        // the statements filter by community when the view is narrower than the district (null = every community)
        List<Long> filter = staff.isDistrictAdmin() && communityId == null ? null : List.copyOf(ids);

        List<BookingFigures.StationDay> days = booking.perStationDay(start, end);
        Set<Long> stationIds = new HashSet<>();
        days.forEach(d -> stationIds.add(d.stationId()));
        Map<Long, StationRef> stationById = stationIds.isEmpty() ? Map.of() : stations.findAll(stationIds);
        Map<Long, long[]> bookingByCommunity = new LinkedHashMap<>();
        Map<LocalDate, long[]> byDay = new TreeMap<>();
        for (LocalDate d = start; !d.isAfter(end); d = d.plusDays(1)) {
            byDay.put(d, new long[3]);
        }
        for (BookingFigures.StationDay d : days) {
            StationRef s = stationById.get(d.stationId());
            if (s == null || !ids.contains(s.communityId())) {
                continue; // outside the scope: never counted
            }
            long[] c = bookingByCommunity.computeIfAbsent(s.communityId(), k -> new long[3]);
            long[] day = byDay.get(d.day());
            for (long[] a : new long[][] {c, day}) {
                a[0] += d.bookings();
                a[1] += d.attended();
                a[2] += d.noShow();
            }
        }
        Map<Long, DutyFigures.CommunityDuty> dutyBy = duty.byCommunity(filter, start, end, LocalDateTime.now(clock));
        Map<Long, ChatFigures.CommunityChat> chatBy = chat.byCommunity(filter, start, end);
        // needs, projects and volunteers as the district counts them: everything recorded so far, not just the period
        WishAreaFigures needs = wish.figures(filter, List.of(), null, null).district();

        List<Figures.Row> rows = new ArrayList<>();
        for (CommunityRef c : visible) {
            long[] b = bookingByCommunity.getOrDefault(c.id(), new long[3]);
            DutyFigures.CommunityDuty d = dutyBy.getOrDefault(c.id(), new DutyFigures.CommunityDuty());
            ChatFigures.CommunityChat m = chatBy.getOrDefault(c.id(), new ChatFigures.CommunityChat(0, 0, null, 0));
            rows.add(new Figures.Row(c.id(), c.name(), c.streetId(), c.streetName(), b[0], b[1], b[2],
                    Figures.attendanceRate(b[1], b[2]), d.membersReported, d.applicationsWaiting, d.shiftsServed,
                    Figures.hours(d.serviceMinutes), d.onDutyNow, m.conversations(), m.replied(), m.avgReplyMinutes(), m.openNow()));
        }
        Map<Long, List<Figures.Row>> byStreet = new LinkedHashMap<>();
        rows.forEach(r -> byStreet.computeIfAbsent(r.streetId(), k -> new ArrayList<>()).add(r));
        List<Figures.Row> streets = byStreet.values().stream()
                .map(list -> Figures.sum(list.get(0).streetId(), list.get(0).streetName(), list)).toList();
        List<Figures.Day> perDay = byDay.entrySet().stream()
                .map(e -> new Figures.Day(e.getKey().toString(), e.getValue()[0], e.getValue()[1], e.getValue()[2])).toList();
        List<DutyFigures.CommunityDuty> dutyRows = visible.stream().map(c -> dutyBy.get(c.id())).filter(x -> x != null).toList();
        return new Figures.Dashboard(start.toString(), end.toString(), Figures.sum(0, "合计", rows), streets, rows, perDay,
                district(visible, dutyRows, needs, staff.isDistrictAdmin() && communityId == null));
    }

    /** The district's reported figures; the live value is the system's count within the scope (null: not recorded). */
    private static List<Figures.District> district(List<CommunityRef> visible, List<DutyFigures.CommunityDuty> duty,
                                                   WishAreaFigures needs, boolean whole) {
        long general = 0, branches = 0, members = 0, resources = 0;
        for (DutyFigures.CommunityDuty d : duty) {
            general += d.generalBranches;
            branches += d.branches;
            members += d.membersReported;
            resources += d.resourceItems;
        }
        List<Figures.District> out = new ArrayList<>();
        for (DistrictFigure f : DistrictFigure.values()) {
            Long live = !f.live() ? null : switch (f) {
                case COMMUNITIES -> (long) visible.size();
                case GENERAL_BRANCHES -> general;
                case BRANCHES -> branches;
                case MEMBERS_REPORTED -> members;
                case RESOURCE_ITEMS -> resources;
                case NEEDS -> needs.needsCollected();
                case PROJECTS -> needs.projects();
                case PROJECTS_COMPLETED -> needs.projectsCompleted();
                case VOLUNTEER_TEAMS -> needs.teams();
                case VOLUNTEERS -> needs.volunteers();
            };
            // the article's numbers are the whole district's: shown only on the district view
            out.add(new Figures.District(f.name(), f.label(), whole ? Long.valueOf(f.reported()) : null, live));
        }
        return out;
    }
}
