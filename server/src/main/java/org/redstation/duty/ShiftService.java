package org.redstation.duty;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

/** Staff side of the rota: publish (single or weekly pattern), assign an organisation, cancel, list. */
@Service
class ShiftService {
    private static final Logger log = LoggerFactory.getLogger(ShiftService.class);
    static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private final DutyRepo repo;
    private final StationApi stations;
    private final Notifier notifier;
    private final DutyPresence presence;
    private final Clock clock;

    ShiftService(DutyRepo repo, StationApi stations, Notifier notifier, DutyPresence presence, Clock clock) {
        this.repo = repo;
        this.stations = stations;
        this.notifier = notifier;
        this.presence = presence;
        this.clock = clock;
    }

    record ShiftView(long id, long stationId, String stationName, long communityId, String date, String start,
                     String end, String roleName, int seats, int taken, int seatsLeft, Long orgId, String orgName,
                     String status, Boolean claimedByMe) {
        static ShiftView of(DutyRepo.Shift s, String stationName, Boolean mine) {
            return new ShiftView(s.id(), s.stationId(), stationName, s.communityId(), s.startAt().toLocalDate().toString(),
                    s.startAt().format(HM), s.endAt().format(HM), s.roleName(), s.seats(), s.taken(),
                    Math.max(0, s.seats() - s.taken()), s.orgId(), s.orgName(), s.status(), mine);
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
            long id = insert(st, start, end, n.seats(), n.roleName(), n.orgId());
            return ShiftView.of(repo.shift(id).orElseThrow(), st.name(), null);
        } catch (DuplicateKeyException e) {
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
            if (!start.isAfter(now)) {
                skipped++;
                continue;
            }
            Integer exists = repo.jdbc.queryForObject("SELECT COUNT(*) FROM duty_shift WHERE station_id = ? AND start_at = ? "
                    + "AND role_name = ?", Integer.class, st.id(), start, p.roleName());
            if (exists != null && exists > 0) {
                skipped++;
                continue;
            }
            long id = insert(st, start, endOf(d, p.start(), p.end()), p.seats(), p.roleName(), p.orgId());
            out.add(ShiftView.of(repo.shift(id).orElseThrow(), st.name(), null));
            created++;
        }
        return new WeeklyResult(created, skipped, out);
    }

    /** The end of a shift: an end at or before the start is on the next day (night shift); null beyond 12 hours. */
    static LocalDateTime endOf(LocalDate date, LocalTime start, LocalTime end) {
        LocalDateTime s = date.atTime(start);
        LocalDateTime e = end.isAfter(start) ? date.atTime(end) : date.plusDays(1).atTime(end);
        return java.time.Duration.between(s, e).compareTo(java.time.Duration.ofHours(12)) > 0 ? null : e;
    }

    private long insert(StationRef st, LocalDateTime start, LocalDateTime end, int seats, String role, Long orgId) {
        org.springframework.jdbc.support.GeneratedKeyHolder kh = new org.springframework.jdbc.support.GeneratedKeyHolder();
        repo.jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO duty_shift (station_id, community_id, start_at, end_at, role_name, seats, "
                    + "taken, org_id, status, created_at) VALUES (?, ?, ?, ?, ?, ?, 0, ?, 'OPEN', ?)", new String[] {"id"});
            ps.setLong(1, st.id());
            ps.setLong(2, st.communityId());
            ps.setObject(3, start);
            ps.setObject(4, end);
            ps.setString(5, role);
            ps.setInt(6, seats);
            ps.setObject(7, orgId);
            ps.setObject(8, LocalDateTime.now(clock));
            return ps;
        }, kh);
        return kh.getKey().longValue();
    }

    private void checkOrg(Long orgId, long communityId) {
        if (orgId != null && !repo.orgInCommunity(orgId, communityId)) {
            throw new BizException(DutyError.ORG_NOT_FOUND, DutyError.ORG_NOT_FOUND.message(), "orgId");
        }
    }

    @Transactional
    public ShiftView assignOrg(CurrentStaff staff, long shiftId, Long orgId) {
        DutyRepo.Shift s = repo.shift(shiftId).orElseThrow(() -> new BizException(DutyError.SHIFT_NOT_FOUND));
        staff.requireCommunity(s.communityId());
        checkOrg(orgId, s.communityId());
        repo.jdbc.update("UPDATE duty_shift SET org_id = ? WHERE id = ?", orgId, shiftId);
        return ShiftView.of(repo.shift(shiftId).orElseThrow(), stationName(s.stationId()), null);
    }

    /** Cancels the shift and every claim on it; claimants get a "shift-cancelled" subscribe message. */
    @Transactional
    public ShiftView cancel(CurrentStaff staff, long shiftId) {
        DutyRepo.Shift s = repo.shift(shiftId).orElseThrow(() -> new BizException(DutyError.SHIFT_NOT_FOUND));
        staff.requireCommunity(s.communityId());
        repo.jdbc.queryForObject("SELECT id FROM duty_shift WHERE id = ? FOR UPDATE", Long.class, shiftId);
        if (repo.jdbc.update("UPDATE duty_shift SET status = 'CANCELLED', taken = 0 WHERE id = ? AND status = 'OPEN'", shiftId) == 0) {
            throw new BizException(DutyError.SHIFT_CANCELLED);
        }
        String station = stationName(s.stationId());
        List<DutyRepo.Claim> claims = repo.claims("WHERE c.shift_id = ? AND c.status = 'ACTIVE'", shiftId);
        LocalDateTime now = LocalDateTime.now(clock);
        for (DutyRepo.Claim c : claims) {
            repo.jdbc.update("UPDATE duty_claim SET status = 'CANCELLED', active_shift = NULL, updated_at = ? WHERE id = ?", now, c.id());
            notifier.enqueue(new Notification(c.userId(), "shift-cancelled", "pages/duty/mine",
                    Map.of("thing1", MemberService.cut(station, 20), "time2", s.startAt().format(MemberService.MINUTE)
                            + "~" + s.endAt().format(HM), "thing3", "社区已取消该班次"),
                    "shift-cancelled:" + c.id()));
            try {
                presence.remove(s.stationId(), c.id());
            } catch (RuntimeException e) {
                log.warn("presence not cleared for claim {}: {}", c.id(), e.toString());
            }
        }
        return ShiftView.of(repo.shift(shiftId).orElseThrow(), station, null);
    }

    List<ShiftView> listForStaff(Long communityId, Long stationId, LocalDate from, LocalDate to) {
        StringBuilder sql = new StringBuilder(DutyRepo.SHIFT_SELECT + "WHERE s.start_at >= ? AND s.start_at < ?");
        List<Object> args = new ArrayList<>(List.of(from.atStartOfDay(), to.plusDays(1).atStartOfDay()));
        if (communityId != null) {
            sql.append(" AND s.community_id = ?");
            args.add(communityId);
        }
        if (stationId != null) {
            sql.append(" AND s.station_id = ?");
            args.add(stationId);
        }
        sql.append(" ORDER BY s.start_at, s.id LIMIT 1000");
        return repo.jdbc.query(sql.toString(), DutyRepo.SHIFT, args.toArray()).stream()
                .map(s -> ShiftView.of(s, stationName(s.stationId()), null)).toList();
    }
}
