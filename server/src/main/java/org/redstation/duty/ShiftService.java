package org.redstation.duty;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.redstation.auth.CurrentStaff;
import org.redstation.common.BizException;
import org.redstation.notify.Notification;
import org.redstation.notify.Notifier;
import org.redstation.station.StationApi;
import org.redstation.station.StationRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The rota: publish (single or weekly pattern), assign an organisation, cancel; staff and member lists. */
@Service
class ShiftService {
    private static final Logger log = LoggerFactory.getLogger(ShiftService.class);
    static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private final DutyShiftMapper shifts;
    private final DutyClaimMapper claims;
    private final MemberService members;
    private final StationApi stations;
    private final Notifier notifier;
    private final DutyPresence presence;
    private final FullShiftHints hints;
    private final Clock clock;

    ShiftService(DutyShiftMapper shifts, DutyClaimMapper claims, MemberService members, StationApi stations,
                 Notifier notifier, DutyPresence presence, FullShiftHints hints, Clock clock) {
        this.hints = hints;
        this.shifts = shifts;
        this.claims = claims;
        this.members = members;
        this.stations = stations;
        this.notifier = notifier;
        this.presence = presence;
        this.clock = clock;
    }

    record ShiftView(long id, long stationId, String stationName, long communityId, String date, String start,
                     String end, String roleName, int seats, int taken, int seatsLeft, Long orgId, String orgName,
                     String status, String statusName, Boolean claimedByMe, Long patternId) {
        static ShiftView of(DutyShift s, String stationName, Boolean mine) {
            return new ShiftView(s.getId(), s.getStationId(), stationName, s.getCommunityId(),
                    s.getStartAt().toLocalDate().toString(), s.getStartAt().format(HM), s.getEndAt().format(HM),
                    s.getRoleName(), s.getSeats(), s.getTaken(), s.seatsLeft(), s.getOrgId(), s.getOrgName(),
                    s.getStatus().name(), s.getStatus().label(), mine, s.getPatternId());
        }
    }

    record NewShift(long stationId, LocalDate date, LocalTime start, LocalTime end, int seats, String roleName, Long orgId) {
    }

    record WeeklyPattern(long stationId, LocalDate from, LocalDate to, Set<Integer> weekdays, LocalTime start,
                         LocalTime end, int seats, String roleName, Long orgId) {
    }

    record WeeklyResult(int created, int skipped, List<ShiftView> shifts) {
    }

    StationRef station(long stationId) {
        return stations.find(stationId).orElseThrow(() -> new BizException(DutyError.STATION_NOT_FOUND));
    }

    String stationName(long stationId) {
        return stations.find(stationId).map(StationRef::name).orElse("");
    }

    /** Station names by id in one lookup, for lists. */
    Map<Long, String> stationNames(Collection<Long> stationIds) {
        if (stationIds.isEmpty()) {
            return Map.of();
        }
        return stations.findAll(Set.copyOf(stationIds)).values().stream()
                .collect(Collectors.toMap(StationRef::id, StationRef::name));
    }

    DutyShift shift(long shiftId) {
        DutyShift s = shifts.findById(shiftId);
        if (s == null) {
            throw new BizException(DutyError.SHIFT_NOT_FOUND);
        }
        return s;
    }

    @Transactional
    public ShiftView publish(CurrentStaff staff, NewShift n) {
        StationRef st = station(n.stationId());
        staff.requireCommunity(st.communityId());
        checkOrg(n.orgId(), st.communityId());
        LocalDateTime start = n.date().atTime(n.start());
        LocalDateTime end = endOf(n.date(), n.start(), n.end());
        if (end == null || !start.isAfter(LocalDateTime.now(clock))) {
            throw new BizException(DutyError.SHIFT_TIME_INVALID);
        }
        try {
            long id = insert(st, start, end, n.seats(), n.roleName(), n.orgId(), null);
            return ShiftView.of(shift(id), st.name(), null);
        } catch (DuplicateKeyException e) { // uk_duty_shift_slot (station_id, start_at, role_name)
            throw new BizException(DutyError.SHIFT_EXISTS);
        }
    }

    @Transactional
    public WeeklyResult publishWeekly(CurrentStaff staff, WeeklyPattern p) {
        StationRef st = station(p.stationId());
        staff.requireCommunity(st.communityId());
        checkOrg(p.orgId(), st.communityId());
        if (endOf(p.from(), p.start(), p.end()) == null) {
            throw new BizException(DutyError.SHIFT_TIME_INVALID);
        }
        if (p.to().isBefore(p.from()) || p.to().isAfter(p.from().plusDays(92))) {
            throw BizException.invalid("to", "结束日期要在开始日期之后，且最多排三个月");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        int created = 0;
        int skipped = 0;
        List<ShiftView> out = new ArrayList<>();
        for (LocalDate d = p.from(); !d.isAfter(p.to()); d = d.plusDays(1)) {
            if (!p.weekdays().contains(d.getDayOfWeek().getValue())) {
                continue;
            }
            LocalDateTime start = d.atTime(p.start());
            if (!start.isAfter(now) || shifts.exists(new LambdaQueryWrapper<DutyShift>()
                    .eq(DutyShift::getStationId, st.id()).eq(DutyShift::getStartAt, start)
                    .eq(DutyShift::getRoleName, p.roleName()))) {
                skipped++;
                continue;
            }
            long id = insert(st, start, endOf(d, p.start(), p.end()), p.seats(), p.roleName(), p.orgId(), null);
            out.add(ShiftView.of(shift(id), st.name(), null));
            created++;
        }
        return new WeeklyResult(created, skipped, out);
    }

    /** The end of a shift: an end at or before the start is on the next day (night shift); null beyond 12 hours. */
    static LocalDateTime endOf(LocalDate date, LocalTime start, LocalTime end) {
        LocalDateTime s = date.atTime(start);
        LocalDateTime e = end.isAfter(start) ? date.atTime(end) : date.plusDays(1).atTime(end);
        return Duration.between(s, e).compareTo(Duration.ofHours(12)) > 0 ? null : e;
    }

    /** Inserts an open shift; {@code patternId} names the weekly pattern that makes it (null = by hand). */
    long insert(StationRef st, LocalDateTime start, LocalDateTime end, int seats, String role, Long orgId, Long patternId) {
        DutyShift s = new DutyShift();
        s.setStationId(st.id());
        s.setCommunityId(st.communityId());
        s.setStartAt(start);
        s.setEndAt(end);
        s.setRoleName(role);
        s.setSeats(seats);
        s.setTaken(0);
        s.setOrgId(orgId);
        s.setPatternId(patternId);
        s.setStatus(ShiftStatus.OPEN);
        s.setCreatedAt(LocalDateTime.now(clock));
        shifts.insert(s);
        return s.getId();
    }

    void checkOrg(Long orgId, long communityId) {
        if (orgId != null && !members.orgInCommunity(orgId, communityId)) {
            throw new BizException(DutyError.ORG_NOT_FOUND, DutyError.ORG_NOT_FOUND.message(), "orgId");
        }
    }

    @Transactional
    public ShiftView assignOrg(CurrentStaff staff, long shiftId, Long orgId) {
        DutyShift s = shift(shiftId);
        staff.requireCommunity(s.getCommunityId());
        checkOrg(orgId, s.getCommunityId());
        shifts.assignOrg(shiftId, orgId);
        return ShiftView.of(shift(shiftId), stationName(s.getStationId()), null);
    }

    /**
     * Cancels the shift and every claim on it; claimants get a "shift-cancelled" subscribe message. Lock order: the
     * shift row (FOR UPDATE), then its claims. No Redis lock: a claim racing in either sees the cancelled status in
     * takeSeat or has its new claim cancelled here.
     */
    @Transactional
    public ShiftView cancel(CurrentStaff staff, long shiftId) {
        DutyShift s = shift(shiftId);
        staff.requireCommunity(s.getCommunityId());
        shifts.lock(shiftId);
        if (shifts.cancel(shiftId) == 0) {
            throw new BizException(DutyError.SHIFT_CANCELLED);
        }
        hints.releasedAfterCommit(shiftId); // a "full" hint must not answer for a cancelled shift
        String station = stationName(s.getStationId());
        List<DutyClaim> active = claims.selectList(new LambdaQueryWrapper<DutyClaim>()
                .eq(DutyClaim::getShiftId, shiftId).eq(DutyClaim::getStatus, ClaimStatus.ACTIVE));
        claims.cancelAllOfShift(shiftId, LocalDateTime.now(clock));
        for (DutyClaim c : active) {
            notifier.enqueue(new Notification(c.getUserId(), "shift-cancelled", org.redstation.common.MiniProgramPages.DUTY_MINE,
                    Map.of("thing1", MemberService.cut(station, 20), "time2", s.getStartAt().format(MemberService.MINUTE)
                            + "~" + s.getEndAt().format(HM), "thing3", "社区已取消该班次"),
                    "shift-cancelled:" + c.getId()));
            try {
                presence.remove(s.getStationId(), c.getId());
            } catch (RuntimeException e) {
                log.warn("presence not cleared for claim {}: {}", c.getId(), e.toString());
            }
        }
        return ShiftView.of(shift(shiftId), station, null);
    }

    /**
     * The staff rota over [from, to] (default: today and the next 14 days): two statements (shifts, station names)
     * whatever the count.
     */
    List<ShiftView> listForStaff(CurrentStaff staff, Long communityId, Long stationId, LocalDate from, LocalDate to) {
        LocalDate f = from == null ? LocalDate.now(clock) : from;
        LocalDate t = to == null ? f.plusDays(14) : to;
        List<DutyShift> rows = StaffScope.list(staff, communityId, c -> shifts.listForStaff(c, stationId,
                f.atStartOfDay(), t.plusDays(1).atStartOfDay()));
        return views(rows, null);
    }

    /** Open shifts of the member's community in the next 14 days, each marked whether the member holds it. */
    List<ShiftView> openFor(long userId, Long stationId) {
        PartyMember m = members.memberOf(userId, null);
        LocalDateTime now = LocalDateTime.now(clock);
        Set<Long> mine = claims.selectList(new LambdaQueryWrapper<DutyClaim>().select(DutyClaim::getShiftId)
                        .eq(DutyClaim::getMemberId, m.getId()).eq(DutyClaim::getStatus, ClaimStatus.ACTIVE))
                .stream().map(DutyClaim::getShiftId).collect(Collectors.toSet());
        return views(shifts.openOfCommunity(m.getCommunityId(), stationId, now, now.plusDays(14)), mine);
    }

    private List<ShiftView> views(List<DutyShift> rows, Set<Long> mine) {
        Map<Long, String> names = stationNames(rows.stream().map(DutyShift::getStationId).toList());
        return rows.stream().map(s -> ShiftView.of(s, names.getOrDefault(s.getStationId(), ""),
                mine == null ? null : mine.contains(s.getId()))).toList();
    }
}
