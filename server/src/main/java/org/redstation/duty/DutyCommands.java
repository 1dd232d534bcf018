package org.redstation.duty;

import java.time.LocalDate;
import java.util.List;
import org.redstation.common.BizException;
import org.redstation.common.MiniProgramPages;
import org.springframework.stereotype.Service;

/**
 * Duty actions and queries for other modules (the official-account commands "签到" / "签退" / "我的值班").
 * Returns data; callers write their own text. A business refusal is returned in the outcome, not thrown.
 */
@Service
public class DutyCommands {
    private final CheckInService checkIns;
    private final ClaimService claims;
    private final DutyClaimMapper claimMapper;

    DutyCommands(CheckInService checkIns, ClaimService claims, DutyClaimMapper claimMapper) {
        this.checkIns = checkIns;
        this.claims = claims;
        this.claimMapper = claimMapper;
    }

    /**
     * Check-in: {@code done} with the shift, or {@code refusal} (a Chinese message saying why not).
     * {@code verified}: false when done without proof (allowed by the station, flagged to staff). {@code proofPage}: the
     * mini-program page where the member can check in with proof (scan or location), when that is what is missing.
     */
    public record CheckInOutcome(boolean done, String stationName, String roleName, String start, String end,
                                 String refusal, boolean verified, String proofPage) {
        public CheckInOutcome(boolean done, String stationName, String roleName, String start, String end, String refusal) {
            this(done, stationName, roleName, start, end, refusal, done, null);
        }

        static CheckInOutcome refused(String why) {
            return new CheckInOutcome(false, null, null, null, null, why);
        }
    }

    /** The official account cannot see the station's code or the phone's location. */
    static final String PROOF_IN_MINI_PROGRAM = "公众号签到无法确认您在驿站。请打开小程序“我的值班”页面，"
            + "点“扫码签到”扫描驿站的二维码，或点“定位签到”并允许获取位置后再签到";

    /** Check-out: {@code done} with this shift's minutes and the member's total, or {@code refusal}. */
    public record CheckOutOutcome(boolean done, String stationName, int minutes, int totalMinutes, String refusal) {
        static CheckOutOutcome refused(String why) {
            return new CheckOutOutcome(false, null, 0, 0, why);
        }
    }

    /** A claimed shift still to serve or being served; {@code statusLabel} e.g. "待值班", "值班中". */
    public record ShiftSummary(long claimId, LocalDate date, String start, String end, String stationName, String roleName,
                               String statusLabel, boolean checkedIn) {
    }

    /**
     * Checks in to the member's shift that is open for check-in now, without a station code or a location: only where
     * the station allows unverified check-in (flagged); elsewhere the refusal points to the mini-program's duty page.
     */
    public CheckInOutcome checkIn(long userId) {
        try {
            CheckInService.CheckResult r = checkIns.checkIn(userId, null, null, null);
            return new CheckInOutcome(true, r.stationName(), r.roleName(), r.start(), r.end(), null,
                    !CheckInVerify.NONE.name().equals(r.verify()), null);
        } catch (BizException e) {
            if (e.error() == DutyError.CHECKIN_PROOF_REQUIRED) {
                return new CheckInOutcome(false, null, null, null, null, PROOF_IN_MINI_PROGRAM, false,
                        MiniProgramPages.DUTY_MINE);
            }
            return CheckInOutcome.refused(e.userMessage());
        }
    }

    public CheckOutOutcome checkOut(long userId) {
        try {
            CheckInService.CheckResult r = checkIns.checkOut(userId);
            int total = claimMapper.minutesOf(claims.approvedMember(userId).getId());
            return new CheckOutOutcome(true, r.stationName(), r.minutes(), total, null);
        } catch (BizException e) {
            return CheckOutOutcome.refused(e.userMessage());
        }
    }

    /**
     * The member's claimed shifts from today on that are not finished, soonest first. Throws {@link BizException}
     * (DUTY_NOT_MEMBER) for a user who is not a registered party member.
     */
    public List<ShiftSummary> myShifts(long userId) {
        return claims.myShifts(userId).stream().filter(c -> "ACTIVE".equals(c.status()) && !c.checkedOut())
                .map(c -> new ShiftSummary(c.claimId(), LocalDate.parse(c.date()), c.start(), c.end(),
                        c.stationName().isEmpty() ? "驿站" : c.stationName(), c.roleName(), c.statusName(), c.checkedIn()))
                .toList();
    }
}
