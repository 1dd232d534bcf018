package org.redstation.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The rules that live on the duty statuses and rows, without a database. */
class DutyRulesTest {
    static final LocalDateTime START = LocalDateTime.of(2030, 5, 6, 18, 0);
    static final Duration CUTOFF = Duration.ofHours(2);

    static DutyShift shift(ShiftStatus status, int seats, int taken) {
        DutyShift s = new DutyShift();
        s.setStatus(status);
        s.setStartAt(START);
        s.setEndAt(START.plusHours(1));
        s.setSeats(seats);
        s.setTaken(taken);
        return s;
    }

    static DutyClaim claim(ClaimStatus status, LocalDateTime checkin, LocalDateTime checkout, boolean autoClosed) {
        DutyClaim c = new DutyClaim();
        c.setStatus(status);
        c.setStartAt(START);
        c.setEndAt(START.plusHours(1));
        c.setCheckinAt(checkin);
        c.setCheckoutAt(checkout);
        c.setAutoClosed(autoClosed);
        return c;
    }

    @Test
    void onlyApprovedMembersServeAndOnlyRejectedOnesReapply() {
        assertThat(MemberStatus.APPROVED.mayServe()).isTrue();
        assertThat(MemberStatus.PENDING.mayServe()).isFalse();
        assertThat(MemberStatus.REJECTED.mayServe()).isFalse();
        assertThat(MemberStatus.REJECTED.mayReapply()).isTrue();
        assertThat(MemberStatus.PENDING.mayReapply()).isFalse();
        assertThat(MemberStatus.APPROVED.mayReapply()).isFalse();
        assertThat(MemberStatus.PENDING.awaitsReview()).isTrue();
        PartyMember m = new PartyMember();
        assertThat(m.mayServe()).isFalse();
        m.setStatus(MemberStatus.APPROVED);
        assertThat(m.mayServe()).isTrue();
    }

    @Test
    void labelsAreTheChineseWordsTheResidentSees() {
        assertThat(MemberStatus.PENDING.label()).isEqualTo("待审核");
        assertThat(MemberStatus.APPROVED.label()).isEqualTo("已通过");
        assertThat(MemberStatus.REJECTED.label()).isEqualTo("未通过");
        assertThat(OrgKind.UNIT_BRANCH.label()).isEqualTo("单位党支部");
        assertThat(ClaimStatus.CANCELLED.label()).isEqualTo("社区已取消");
        assertThat(ClaimStatus.RELEASED.label()).isEqualTo("已取消认领");
        assertThat(ResourceCategory.LEGAL.label()).isEqualTo("法律咨询");
    }

    @Test
    void unknownKindsAndCategoriesAreNotParsed() {
        assertThat(OrgKind.parse("GENERAL_BRANCH")).contains(OrgKind.GENERAL_BRANCH);
        assertThat(OrgKind.parse("general_branch")).isEmpty();
        assertThat(OrgKind.parse(null)).isEmpty();
        assertThat(ResourceCategory.parse("TUTORING")).contains(ResourceCategory.TUTORING);
        assertThat(ResourceCategory.parse("NOPE")).isEmpty();
    }

    @Test
    void communityOrganisationsAreListedBeforeUnitBranches() {
        assertThat(OrgKind.COMMUNITY_BRANCH).isLessThan(OrgKind.GENERAL_BRANCH);
        assertThat(OrgKind.GENERAL_BRANCH).isLessThan(OrgKind.UNIT_BRANCH);
    }

    @Test
    void aShiftRefusesClaimsWhenCancelledStartedOrFull() {
        LocalDateTime before = START.minusMinutes(1);
        assertThat(shift(ShiftStatus.OPEN, 3, 2).claimRefusal(before)).isNull();
        assertThat(shift(ShiftStatus.OPEN, 3, 3).claimRefusal(before)).isEqualTo(DutyError.SHIFT_FULL);
        assertThat(shift(ShiftStatus.OPEN, 3, 0).claimRefusal(START)).isEqualTo(DutyError.SHIFT_PAST);
        assertThat(shift(ShiftStatus.CANCELLED, 3, 0).claimRefusal(before)).isEqualTo(DutyError.SHIFT_CANCELLED);
        assertThat(shift(ShiftStatus.OPEN, 3, 5).seatsLeft()).isZero();
        assertThat(shift(ShiftStatus.OPEN, 3, 1).seatsLeft()).isEqualTo(2);
    }

    @Test
    void aClaimMayBeReleasedOnlyBeforeTheCutOffAndBeforeCheckIn() {
        DutyClaim active = claim(ClaimStatus.ACTIVE, null, null, false);
        assertThat(active.releasableAt(START.minus(CUTOFF).minusSeconds(1), CUTOFF)).isTrue();
        assertThat(active.releasableAt(START.minus(CUTOFF), CUTOFF)).isFalse();
        assertThat(active.releaseRefusal(START.minusMinutes(30), CUTOFF)).isEqualTo(DutyError.RELEASE_TOO_LATE);
        DutyClaim released = claim(ClaimStatus.RELEASED, null, null, false);
        assertThat(released.releaseRefusal(START.minusDays(1), CUTOFF)).isEqualTo(DutyError.CLAIM_NOT_FOUND);
        DutyClaim checkedIn = claim(ClaimStatus.ACTIVE, START.minusDays(1), null, false);
        assertThat(checkedIn.releasableAt(START.minusDays(1), CUTOFF)).isFalse();
    }

    @Test
    void checkInIsOpenFromBeforeTheStartUntilAfterIt() {
        DutyClaim c = claim(ClaimStatus.ACTIVE, null, null, false);
        Duration before = Duration.ofMinutes(15);
        Duration after = Duration.ofMinutes(30);
        assertThat(c.inCheckInWindow(START.minusMinutes(15), before, after)).isTrue();
        assertThat(c.inCheckInWindow(START.minusMinutes(16), before, after)).isFalse();
        assertThat(c.inCheckInWindow(START.plusMinutes(30), before, after)).isTrue();
        assertThat(c.inCheckInWindow(START.plusMinutes(31), before, after)).isFalse();
    }

    @Test
    void theStatusNameFollowsTheDayWhileTheClaimHoldsASeat() {
        assertThat(claim(ClaimStatus.ACTIVE, null, null, false).statusName()).isEqualTo("待值班");
        assertThat(claim(ClaimStatus.ACTIVE, START, null, false).statusName()).isEqualTo("值班中");
        assertThat(claim(ClaimStatus.ACTIVE, START, START.plusHours(1), false).statusName()).isEqualTo("已完成");
        assertThat(claim(ClaimStatus.ACTIVE, START, START.plusHours(1), true).statusName()).isEqualTo("未签退（已自动结束）");
        assertThat(claim(ClaimStatus.CANCELLED, null, null, false).statusName()).isEqualTo("社区已取消");
        assertThat(claim(ClaimStatus.RELEASED, null, null, false).statusName()).isEqualTo("已取消认领");
    }

    @Test
    void servedMinutesNeverGoNegative() {
        DutyClaim c = claim(ClaimStatus.ACTIVE, START.plusMinutes(5), null, false);
        assertThat(c.minutesServedUntil(START.plusHours(1))).isEqualTo(55);
        assertThat(c.minutesServedUntil(START)).isZero();
    }

    @Test
    void aShiftEndingAtOrBeforeItsStartEndsNextDayAndLastsAtMostTwelveHours() {
        var d = START.toLocalDate();
        assertThat(ShiftService.endOf(d, START.toLocalTime(), START.toLocalTime().plusHours(1))).isEqualTo(START.plusHours(1));
        assertThat(ShiftService.endOf(d, java.time.LocalTime.of(22, 0), java.time.LocalTime.of(6, 0)))
                .isEqualTo(d.plusDays(1).atTime(6, 0));
        assertThat(ShiftService.endOf(d, java.time.LocalTime.of(6, 0), java.time.LocalTime.of(19, 0))).isNull();
    }

    @Test
    void checkInVerificationIsTheCodeFirstThenTheLocationElseNone() {
        assertThat(CheckInVerify.of(true, true)).isEqualTo(CheckInVerify.STATION_CODE);
        assertThat(CheckInVerify.of(true, false)).isEqualTo(CheckInVerify.STATION_CODE);
        assertThat(CheckInVerify.of(false, true)).isEqualTo(CheckInVerify.LOCATION);
        assertThat(CheckInVerify.of(false, false)).isEqualTo(CheckInVerify.NONE);
        assertThat(CheckInVerify.NONE.verified()).isFalse();
        assertThat(CheckInVerify.LOCATION.verified()).isTrue();
        assertThat(CheckInVerify.labelOf(null)).isEqualTo("未记录");
        assertThat(CheckInVerify.labelOf(CheckInVerify.STATION_CODE)).isEqualTo("扫驿站码");
        assertThat(CheckInService.verifiedText(CheckInVerify.LOCATION, 120)).contains("120米");
        assertThat(CheckInService.verifiedText(CheckInVerify.NONE, null)).contains("未核验");
    }
}
