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
 * scanned station if one was scanned, and within the allowed distance when a location is given. It needs proof: the
 * station's code or a location in range ({@link CheckInVerify}); without either it is refused unless the station
 * allows it, and then flagged (NONE, a staff alert, hours counted as unverified). The database update, the alert and
 * the Redis presence are written in one transaction: if Redis is down the check-in is refused (503) and rolled back.
 */
@Service
class CheckInService implements OnDutyProvider {
    private static final Logger log = LoggerFactory.getLogger(CheckInService.class);
    private final DutyClaimMapper claimMapper;
    private final DutyAlertMapper alerts;
    private final ClaimService claims;
    private final DutyPresence presence;
    private final StationApi stations;
    private final TransactionTemplate tx;
    private final DutyProperties props;
    private final Clock clock;

    CheckInService(DutyClaimMapper claimMapper, DutyAlertMapper alerts, ClaimService claims, DutyPresence presence,
                   StationApi stations, TransactionTemplate tx, DutyProperties props, Clock clock) {
        this.claimMapper = claimMapper;
        this.alerts = alerts;
        this.claims = claims;
        this.presence = presence;
        this.stations = stations;
        this.tx = tx;
        this.props = props;
        this.clock = clock;
    }

    /** {@code verify} / {@code verifyName}: how the check-in was verified; {@code distanceMeters} when a location was given. */
    record CheckResult(long claimId, long stationId, String stationName, String start, String end, String roleName,
                       String checkinAt, String checkoutAt, int minutes, String message, String verify, String verifyName,
                       Integer distanceMeters) {
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
        PartyMember m = claims.approvedMember(userId);
        LocalDateTime now = LocalDateTime.now(clock);
        StationRef scanned = null;
        if (stationCodeOrScene != null && !stationCodeOrScene.isBlank()) {
            String code = stationCode(stationCodeOrScene);
            scanned = code == null ? null : stations.findByCode(code).orElse(null);
            if (scanned == null) {
                throw new BizException(DutyError.STATION_NOT_FOUND);
            }
        }
        List<DutyClaim> open = claimMapper.openOfMember(m.getId(), scanned == null ? null : scanned.id(), now);
        if (open.stream().anyMatch(c -> c.getCheckinAt() != null)) {
            throw new BizException(DutyError.CHECKIN_ALREADY, "您已经签到了，正在值班中");
        }
        Optional<DutyClaim> inWindow = open.stream()
                .filter(c -> c.inCheckInWindow(now, props.checkinBefore(), props.checkinAfter()))
                .findFirst();
        if (inWindow.isEmpty()) {
            if (open.isEmpty()) {
                throw new BizException(DutyError.CHECKIN_NO_SHIFT, scanned == null ? DutyError.CHECKIN_NO_SHIFT.message()
                        : "您在" + scanned.name() + "没有可签到的值班班次");
            }
            DutyClaim next = open.get(0);
            throw new BizException(DutyError.CHECKIN_OUTSIDE_WINDOW, "现在不在签到时间内：您的值班 "
                    + next.getStartAt().format(MemberService.MINUTE) + " 开始，请在开始前" + minutes(props.checkinBefore())
                    + "分钟到开始后" + minutes(props.checkinAfter()) + "分钟之间签到");
        }
        DutyClaim c = inWindow.get();
        StationRef st = scanned != null ? scanned : stations.find(c.getStationId()).orElseThrow(
                () -> new BizException(DutyError.STATION_NOT_FOUND));
        Integer distance = null;
        if (lat != null && lng != null) {
            distance = Geo.distanceMeters(lat, lng, st.latitude(), st.longitude());
            if (distance > props.maxDistanceMeters()) {
                throw new BizException(DutyError.CHECKIN_TOO_FAR, "您离" + st.name() + "还有约" + distance + "米，请到驿站"
                        + props.maxDistanceMeters() + "米范围内再签到", "latitude");
            }
        }
        CheckInVerify verify = CheckInVerify.of(scanned != null, distance != null);
        if (!verify.verified() && !st.allowUnverifiedCheckin()) {
            throw new BizException(DutyError.CHECKIN_PROOF_REQUIRED);
        }
        Integer metres = distance;
        try {
            tx.executeWithoutResult(s -> {
                if (claimMapper.checkIn(c.getId(), now, verify, metres) == 0) {
                    throw new BizException(DutyError.CHECKIN_ALREADY);
                }
                if (!verify.verified()) {
                    raiseUnverifiedAlert(c, st, m, now);
                }
                presence.put(st.id(), c.getId(), Masks.name(m.getName()), m.getOrgName(), c.getEndAt());
            });
        } catch (RedisException e) {
            log.warn("check-in refused, Redis unavailable: {}", e.toString());
            throw new BizException(DutyError.DUTY_UNAVAILABLE);
        }
        return new CheckResult(c.getId(), st.id(), st.name(), c.getStartAt().format(ShiftService.HM),
                c.getEndAt().format(ShiftService.HM), c.getRoleName(), now.format(MemberService.MINUTE), null, 0,
                "签到成功！" + st.name() + " " + c.getRoleName() + " " + c.getStartAt().format(ShiftService.HM) + "-"
                        + c.getEndAt().format(ShiftService.HM) + "，辛苦了" + verifiedText(verify, metres),
                verify.name(), verify.label(), metres);
    }

    /** What the member reads after 签到成功: how it was verified (unverified: hours counted apart). */
    static String verifiedText(CheckInVerify verify, Integer metres) {
        return switch (verify) {
            case STATION_CODE -> "（已扫驿站码核验）";
            case LOCATION -> "（已定位核验，距驿站约" + metres + "米）";
            case NONE -> "（未核验：本次服务时长将单独标注，社区工作人员会收到提醒）";
        };
    }

    /** One alert per claim (uk_duty_alert kind + shift + claim), in the check-in's transaction. */
    private void raiseUnverifiedAlert(DutyClaim c, StationRef st, PartyMember m, LocalDateTime now) {
        DutyAlert a = new DutyAlert();
        a.setCommunityId(st.communityId());
        a.setStationId(st.id());
        a.setShiftId(c.getShiftId());
        a.setClaimId(c.getId());
        a.setKind(AlertKind.UNVERIFIED_CHECKIN);
        a.setMessage(MemberService.cut(Masks.name(m.getName()) + " 未扫码、未定位签到：" + st.name() + " "
                + c.getStartAt().format(MemberService.MINUTE) + " " + c.getRoleName() + "（服务时长记为未核验）", 200));
        a.setCreatedAt(now);
        alerts.insert(a);
    }

    CheckResult checkOut(long userId) {
        PartyMember m = claims.approvedMember(userId);
        LocalDateTime now = LocalDateTime.now(clock);
        DutyClaim c = claimMapper.checkedInOfMember(m.getId());
        if (c == null) {
            throw new BizException(DutyError.CHECKOUT_NOT_CHECKED_IN);
        }
        LocalDateTime until = now.isBefore(c.getEndAt()) ? now : c.getEndAt();
        int minutes = c.minutesServedUntil(until);
        try {
            tx.executeWithoutResult(s -> {
                if (claimMapper.checkOut(c.getId(), until, minutes, now) == 0) {
                    throw new BizException(DutyError.CHECKOUT_NOT_CHECKED_IN);
                }
                presence.remove(c.getStationId(), c.getId());
            });
        } catch (RedisException e) {
            log.warn("check-out refused, Redis unavailable: {}", e.toString());
            throw new BizException(DutyError.DUTY_UNAVAILABLE);
        }
        String name = stations.find(c.getStationId()).map(StationRef::name).orElse("");
        return new CheckResult(c.getId(), c.getStationId(), name, c.getStartAt().format(ShiftService.HM),
                c.getEndAt().format(ShiftService.HM), c.getRoleName(), c.getCheckinAt().format(MemberService.MINUTE),
                until.format(MemberService.MINUTE), minutes,
                "签退成功！本次服务" + minutes + "分钟" + (c.getCheckinVerify() == CheckInVerify.NONE ? "（未核验）" : "")
                        + "，累计服务" + claimMapper.minutesOf(m.getId()) + "分钟，感谢您的奉献",
                c.getCheckinVerify() == null ? null : c.getCheckinVerify().name(), CheckInVerify.labelOf(c.getCheckinVerify()),
                c.getCheckinDistanceM());
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
            return claimMapper.onDutyAt(stationId, now).stream().map(r -> new OnDutyPerson(Masks.name(r.getName()),
                    r.getOrgName(), r.getEndAt().format(ShiftService.HM))).toList();
        }
    }
}
