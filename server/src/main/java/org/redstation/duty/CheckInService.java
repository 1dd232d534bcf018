package org.redstation.duty;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.redisson.client.RedisException;
import org.redstation.common.BizException;
import org.redstation.common.Masks;
import org.redstation.station.Geo;
import org.redstation.station.OnDutyProvider;
import org.redstation.station.StationApi;
import org.redstation.station.StationRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Check-in / check-out. Check-in: an ACTIVE claim whose window (start - before .. start + after) contains now, at the
 * scanned station if one was scanned, and within the allowed distance when a location is given. The database update
 * and the Redis presence are written in one transaction: if Redis is down the check-in is refused (503) and rolled back.
 */
@Service
class CheckInService implements OnDutyProvider {
    private static final Logger log = LoggerFactory.getLogger(CheckInService.class);
    private final DutyRepo repo;
    private final ClaimService claims;
    private final DutyPresence presence;
    private final StationApi stations;
    private final TransactionTemplate tx;
    private final DutyProperties props;
    private final Clock clock;

    CheckInService(DutyRepo repo, ClaimService claims, DutyPresence presence, StationApi stations, TransactionTemplate tx,
                   DutyProperties props, Clock clock) {
        this.repo = repo;
        this.claims = claims;
        this.presence = presence;
        this.stations = stations;
        this.tx = tx;
        this.props = props;
        this.clock = clock;
    }

    record CheckResult(long claimId, long stationId, String stationName, String start, String end, String roleName,
                       String checkinAt, String checkoutAt, int minutes, String message) {
    }

    /** Station code from a scanned scene "st=CY01" or the code itself; null when none. */
    static String stationCode(String codeOrScene) {
        if (codeOrScene == null || codeOrScene.isBlank()) {
            return null;
        }
        String s = java.net.URLDecoder.decode(codeOrScene.trim(), java.nio.charset.StandardCharsets.UTF_8);
        for (String part : s.split("&")) {
            if (part.startsWith("st=")) {
                return part.substring(3);
            }
        }
        return s.contains("=") ? null : s;
    }

    CheckResult checkIn(long userId, String stationCodeOrScene, Double lat, Double lng) {
        DutyRepo.Member m = claims.approvedMember(userId);
        LocalDateTime now = LocalDateTime.now(clock);
        StationRef scanned = null;
        if (stationCodeOrScene != null && !stationCodeOrScene.isBlank()) {
            String code = stationCode(stationCodeOrScene);
            scanned = code == null ? null : stations.findByCode(code).orElse(null);
            if (scanned == null) {
                throw new BizException(DutyError.STATION_NOT_FOUND);
            }
        }
        String stationFilter = scanned == null ? "" : " AND c.station_id = " + scanned.id();
        List<DutyRepo.Claim> open = repo.claims("WHERE c.member_id = ? AND c.status = 'ACTIVE' AND c.checkout_at IS NULL "
                + "AND c.end_at > ?" + stationFilter + " ORDER BY c.start_at", m.id(), now);
        if (open.stream().anyMatch(c -> c.checkinAt() != null)) {
            throw new BizException(DutyError.CHECKIN_ALREADY, "您已经签到了，正在值班中");
        }
        Optional<DutyRepo.Claim> inWindow = open.stream()
                .filter(c -> !now.isBefore(c.startAt().minus(props.checkinBefore()))
                        && !now.isAfter(c.startAt().plus(props.checkinAfter())))
                .findFirst();
        if (inWindow.isEmpty()) {
            if (open.isEmpty()) {
                throw new BizException(DutyError.CHECKIN_NO_SHIFT, scanned == null ? DutyError.CHECKIN_NO_SHIFT.message()
                        : "您在" + scanned.name() + "没有可签到的值班班次");
            }
            DutyRepo.Claim next = open.get(0);
            throw new BizException(DutyError.CHECKIN_OUTSIDE_WINDOW, "现在不在签到时间内：您的值班 "
                    + next.startAt().format(MemberService.MINUTE) + " 开始，请在开始前" + minutes(props.checkinBefore())
                    + "分钟到开始后" + minutes(props.checkinAfter()) + "分钟之间签到");
        }
        DutyRepo.Claim c = inWindow.get();
        StationRef st = scanned != null ? scanned : stations.find(c.stationId()).orElseThrow(
                () -> new BizException(DutyError.STATION_NOT_FOUND));
        if (lat != null && lng != null) {
            int d = Geo.distanceMeters(lat, lng, st.latitude(), st.longitude());
            if (d > props.maxDistanceMeters()) {
                throw new BizException(DutyError.CHECKIN_TOO_FAR, "您离" + st.name() + "还有约" + d + "米，请到驿站"
                        + props.maxDistanceMeters() + "米范围内再签到", "latitude");
            }
        }
        try {
            tx.executeWithoutResult(s -> {
                int n = repo.jdbc.update("UPDATE duty_claim SET checkin_at = ?, updated_at = ? WHERE id = ? "
                        + "AND status = 'ACTIVE' AND checkin_at IS NULL", now, now, c.id());
                if (n == 0) {
                    throw new BizException(DutyError.CHECKIN_ALREADY);
                }
                presence.put(st.id(), c.id(), Masks.name(m.name()), m.orgName(), c.endAt());
            });
        } catch (RedisException e) {
            log.warn("check-in refused, Redis unavailable: {}", e.toString());
            throw new BizException(DutyError.DUTY_UNAVAILABLE);
        }
        return new CheckResult(c.id(), st.id(), st.name(), c.startAt().format(ShiftService.HM), c.endAt().format(ShiftService.HM),
                c.roleName(), now.format(MemberService.MINUTE), null, 0,
                "签到成功！" + st.name() + " " + c.roleName() + " " + c.startAt().format(ShiftService.HM) + "-"
                        + c.endAt().format(ShiftService.HM) + "，辛苦了");
    }

    CheckResult checkOut(long userId) {
        DutyRepo.Member m = claims.approvedMember(userId);
        LocalDateTime now = LocalDateTime.now(clock);
        DutyRepo.Claim c = repo.claims("WHERE c.member_id = ? AND c.status = 'ACTIVE' AND c.checkin_at IS NOT NULL "
                        + "AND c.checkout_at IS NULL ORDER BY c.start_at DESC", m.id()).stream().findFirst()
                .orElseThrow(() -> new BizException(DutyError.CHECKOUT_NOT_CHECKED_IN));
        LocalDateTime until = now.isBefore(c.endAt()) ? now : c.endAt();
        int minutes = serviceMinutes(c.checkinAt(), until);
        try {
            tx.executeWithoutResult(s -> {
                int n = repo.jdbc.update("UPDATE duty_claim SET checkout_at = ?, minutes = ?, updated_at = ? WHERE id = ? "
                        + "AND checkout_at IS NULL", until, minutes, now, c.id());
                if (n == 0) {
                    throw new BizException(DutyError.CHECKOUT_NOT_CHECKED_IN);
                }
                presence.remove(c.stationId(), c.id());
            });
        } catch (RedisException e) {
            log.warn("check-out refused, Redis unavailable: {}", e.toString());
            throw new BizException(DutyError.DUTY_UNAVAILABLE);
        }
        String name = stations.find(c.stationId()).map(StationRef::name).orElse("");
        return new CheckResult(c.id(), c.stationId(), name, c.startAt().format(ShiftService.HM), c.endAt().format(ShiftService.HM),
                c.roleName(), c.checkinAt().format(MemberService.MINUTE), until.format(MemberService.MINUTE), minutes,
                "签退成功！本次服务" + minutes + "分钟，累计服务" + repo.memberMinutes(m.id()) + "分钟，感谢您的奉献");
    }

    static int serviceMinutes(LocalDateTime from, LocalDateTime to) {
        return (int) Math.max(0, Duration.between(from, to).toMinutes());
    }

    private static long minutes(Duration d) {
        return d.toMinutes();
    }

    /** Read by the station view: the Redis presence; from the database when Redis is down. */
    @Override
    public List<OnDutyPerson> onDutyNow(long stationId) {
        try {
            return presence.list(stationId).stream()
                    .map(e -> new OnDutyPerson(e.maskedName(), e.organisation(), e.until()))
                    .sorted(Comparator.comparing(OnDutyPerson::until)).toList();
        } catch (RedisException e) {
            LocalDateTime now = LocalDateTime.now(clock);
            return repo.jdbc.query("SELECT m.name, o.name AS org_name, c.end_at FROM duty_claim c JOIN party_member m ON m.id = c.member_id "
                            + "JOIN duty_org o ON o.id = m.org_id WHERE c.station_id = ? AND c.status = 'ACTIVE' "
                            + "AND c.checkin_at IS NOT NULL AND c.checkout_at IS NULL AND c.end_at > ? ORDER BY c.end_at",
                    (rs, i) -> new OnDutyPerson(Masks.name(rs.getString("name")), rs.getString("org_name"),
                            rs.getObject("end_at", LocalDateTime.class).format(ShiftService.HM)), stationId, now);
        }
    }
}
