package org.redstation.duty;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.redstation.auth.CurrentStaff;
import org.redstation.common.BizException;
import org.redstation.common.Weekday;
import org.redstation.station.StationRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Weekly shift patterns. An active pattern keeps its shifts materialised from now to {@code pattern-horizon} ahead.
 * Saving a pattern (create, edit, disable, enable) reconciles its FUTURE shifts in one transaction:
 * <ul>
 *   <li>a claimed shift (taken &gt; 0) is kept exactly as it is, whatever the pattern now says;</li>
 *   <li>an unclaimed shift the pattern still wants (same start and role) is reshaped (end, seats, organisation);</li>
 *   <li>an unclaimed shift it no longer wants is deleted (cancelled when released claims refer to it);</li>
 *   <li>missing shifts are inserted, unless the station already has a shift at that start for that role (one
 *       published by hand, or one staff cancelled: a cancelled shift is not brought back).</li>
 * </ul>
 * Every change is a statement guarded by {@code taken = 0}: a claim racing an edit either lands first (the shift is
 * then kept) or finds the shift gone or reshaped (the claim's own guarded UPDATE decides).
 */
@Service
class PatternService {
    private static final Logger log = LoggerFactory.getLogger(PatternService.class);

    private final DutyPatternMapper patterns;
    private final DutyShiftMapper shifts;
    private final DutyAlertMapper alerts;
    private final ShiftService shiftService;
    private final TransactionTemplate tx;
    private final DutyProperties props;
    private final Clock clock;

    PatternService(DutyPatternMapper patterns, DutyShiftMapper shifts, DutyAlertMapper alerts, ShiftService shiftService,
                   TransactionTemplate tx, DutyProperties props, Clock clock) {
        this.patterns = patterns;
        this.shifts = shifts;
        this.alerts = alerts;
        this.shiftService = shiftService;
        this.tx = tx;
        this.props = props;
        this.clock = clock;
    }

    record PatternInput(Long stationId, Set<Integer> weekdays, LocalTime start, LocalTime end, int seats, String roleName,
                        Long orgId) {
    }

    record PatternView(long id, long stationId, String stationName, long communityId, List<Integer> weekdays,
                       String weekdayNames, String start, String end, String roleName, int seats, Long orgId,
                       String orgName, boolean active, Integer upcoming, Integer upcomingClaimed) {
    }

    /** What a save did to the pattern's future shifts; {@code kept}: claimed shifts left as they were. */
    record Applied(int created, int updated, int removed, int kept, int skipped) {
    }

    record Saved(PatternView pattern, Applied applied) {
    }

    int horizonDays() {
        return (int) props.patternHorizon().toDays();
    }

    List<PatternView> list(CurrentStaff staff, Long communityId, Long stationId) {
        List<DutyPattern> rows = StaffScope.list(staff, communityId,
                c -> patterns.listForStaff(c, stationId, LocalDateTime.now(clock)));
        Map<Long, String> names = shiftService.stationNames(rows.stream().map(DutyPattern::getStationId).toList());
        return rows.stream().map(p -> view(p, names.getOrDefault(p.getStationId(), ""))).toList();
    }

    @Transactional
    public Saved create(CurrentStaff staff, PatternInput in) {
        StationRef st = shiftService.station(in.stationId());
        staff.requireCommunity(st.communityId());
        validate(in, st.communityId());
        LocalDateTime now = LocalDateTime.now(clock);
        DutyPattern p = new DutyPattern();
        p.setStationId(st.id());
        p.setCommunityId(st.communityId());
        fill(p, in);
        p.setActive(true);
        p.setCreatedBy(staff.id());
        p.setCreatedAt(now);
        p.setUpdatedAt(now);
        patterns.insert(p);
        Applied a = apply(p, st, now);
        return new Saved(view(reload(p.getId()), st.name()), a);
    }

    /** The station stays (a pattern belongs to its station); everything else may change. */
    @Transactional
    public Saved edit(CurrentStaff staff, long id, PatternInput in) {
        DutyPattern p = locked(staff, id);
        if (in.stationId() != null && !in.stationId().equals(p.getStationId())) {
            throw BizException.invalid("stationId", "班次规律不能换驿站，请在新驿站另建一条");
        }
        validate(in, p.getCommunityId());
        fill(p, in);
        return save(p);
    }

    @Transactional
    public Saved setActive(CurrentStaff staff, long id, boolean active) {
        DutyPattern p = locked(staff, id);
        if (active) {
            shiftService.checkOrg(p.getOrgId(), p.getCommunityId()); // its organisation may have been deactivated since
        }
        p.setActive(active);
        return save(p);
    }

    private Saved save(DutyPattern p) {
        LocalDateTime now = LocalDateTime.now(clock);
        p.setUpdatedAt(now);
        patterns.edit(p);
        StationRef st = shiftService.station(p.getStationId());
        Applied a = apply(p, st, now);
        return new Saved(view(reload(p.getId()), st.name()), a);
    }

    /**
     * Every hour, on every instance: the horizon of each active pattern not yet applied today moves on by inserting its
     * missing shifts (insert only; the unique key (station, start, role) makes a second instance's insert a no-op).
     * A horizon moves only when the day changes and saves apply at once, so the runs within a day find none due
     * (V79) instead of rewriting every pattern's future shifts every hour.
     */
    @Scheduled(initialDelayString = "${redstation.duty.pattern-extend-delay:PT2M}",
            fixedDelayString = "${redstation.duty.pattern-extend-every:PT1H}")
    void extendAll() {
        for (Long id : patterns.dueIds(LocalDate.now(clock))) {
            try {
                tx.executeWithoutResult(s -> {
                    patterns.lock(id);
                    DutyPattern p = patterns.selectById(id);
                    if (p != null && p.isActive()) {
                        apply(p, shiftService.station(p.getStationId()), LocalDateTime.now(clock));
                    }
                });
            } catch (RuntimeException e) {
                log.warn("duty pattern {} not extended: {}", id, e.toString());
            }
        }
    }

    /** Reconciles the pattern's future shifts with what it now says (the rules are in the class comment). */
    Applied apply(DutyPattern p, StationRef st, LocalDateTime now) {
        LocalDate today = now.toLocalDate();
        Set<LocalDateTime> wanted = p.startsBetween(today, today.plusDays(horizonDays()), now);
        int created = 0;
        int updated = 0;
        int removed = 0;
        int kept = 0;
        int skipped = 0;
        for (DutyShift s : shifts.futureOfPattern(p.getId(), now)) {
            boolean stillWanted = s.getRoleName().equals(p.getRoleName()) && wanted.contains(s.getStartAt());
            if (s.getTaken() > 0) {
                kept++;
                if (stillWanted) {
                    wanted.remove(s.getStartAt()); // the claimed shift stands for that start
                }
                continue;
            }
            if (stillWanted) {
                LocalDateTime end = ShiftService.endOf(s.getStartAt().toLocalDate(), p.getStartTime(), p.getEndTime());
                if (shifts.reshapeUnclaimed(s.getId(), end, p.getSeats(), p.getOrgId()) == 1) {
                    updated++;
                } else {
                    kept++; // claimed meanwhile
                }
                wanted.remove(s.getStartAt());
            } else if (shifts.deleteUnclaimed(s.getId()) == 1) {
                alerts.delete(new LambdaQueryWrapper<DutyAlert>().eq(DutyAlert::getShiftId, s.getId()));
                removed++;
            } else if (shifts.cancelUnclaimed(s.getId()) == 1) {
                removed++;
            } else {
                kept++; // claimed meanwhile
            }
        }
        for (LocalDateTime start : wanted) {
            if (shifts.exists(new LambdaQueryWrapper<DutyShift>().eq(DutyShift::getStationId, st.id())
                    .eq(DutyShift::getStartAt, start).eq(DutyShift::getRoleName, p.getRoleName()))) {
                skipped++;
                continue;
            }
            try {
                shiftService.insert(st, start, ShiftService.endOf(start.toLocalDate(), p.getStartTime(), p.getEndTime()),
                        p.getSeats(), p.getRoleName(), p.getOrgId(), p.getId());
                created++;
            } catch (DuplicateKeyException e) { // another instance's extension inserted it first
                skipped++;
            }
        }
        patterns.applied(p.getId(), today);
        return new Applied(created, updated, removed, kept, skipped);
    }

    private void validate(PatternInput in, long communityId) {
        if (ShiftService.endOf(LocalDate.now(clock), in.start(), in.end()) == null) {
            throw new BizException(DutyError.SHIFT_TIME_INVALID, "值班时间不正确：一个班次最长12小时", "end");
        }
        shiftService.checkOrg(in.orgId(), communityId);
    }

    private static void fill(DutyPattern p, PatternInput in) {
        p.setWeekdays(DutyPattern.weekdaysOf(in.weekdays()));
        p.setStartTime(in.start());
        p.setEndTime(in.end());
        p.setSeats(in.seats());
        p.setRoleName(in.roleName());
        p.setOrgId(in.orgId());
    }

    private DutyPattern locked(CurrentStaff staff, long id) {
        DutyPattern p = patterns.selectById(id);
        if (p == null) {
            throw new BizException(DutyError.PATTERN_NOT_FOUND);
        }
        staff.requireCommunity(p.getCommunityId());
        patterns.lock(id);
        return patterns.selectById(id);
    }

    private DutyPattern reload(long id) {
        return patterns.findView(id, LocalDateTime.now(clock));
    }

    private static PatternView view(DutyPattern p, String stationName) {
        List<Integer> days = List.copyOf(p.weekdaySet());
        return new PatternView(p.getId(), p.getStationId(), stationName, p.getCommunityId(), days,
                String.join("、", days.stream().map(d -> Weekday.of(d).label()).toList()),
                p.getStartTime().format(ShiftService.HM), p.getEndTime().format(ShiftService.HM), p.getRoleName(),
                p.getSeats(), p.getOrgId(), p.getOrgName(), p.isActive(), p.getUpcoming(), p.getUpcomingClaimed());
    }
}
