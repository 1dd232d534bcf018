package org.redstation.duty;

import java.time.LocalDateTime;
import java.util.List;
import org.redstation.auth.CurrentStaff;
import org.redstation.common.Masks;
import org.springframework.stereotype.Service;

/** Staff read-outs of the rota: who claimed a shift, understaffed alerts, service hours. One statement each. */
@Service
class DutyReports {
    private final DutyClaimMapper claims;
    private final DutyAlertMapper alerts;
    private final ShiftService shifts;

    DutyReports(DutyClaimMapper claims, DutyAlertMapper alerts, ShiftService shifts) {
        this.claims = claims;
        this.alerts = alerts;
        this.shifts = shifts;
    }

    /**
     * {@code verify}: STATION_CODE, LOCATION, NONE or null (not checked in, or before it was recorded); {@code verifyName}
     * its label (扫驿站码, 定位, 未核验, 未记录; null when not checked in); {@code distanceMeters} when a location was given.
     */
    record ShiftClaimView(long claimId, long memberId, String status, String statusName, String name, String phone,
                          String orgName, String checkinAt, String checkoutAt, int minutes, boolean autoClosed,
                          String verify, String verifyName, Integer distanceMeters) {
    }

    /**
     * Claims of one shift with the member's name, masked phone and organisation (the staff member's community only);
     * the full number through POST /api/staff/members/{memberId}/contact (audited).
     */
    List<ShiftClaimView> claimsOfShift(CurrentStaff staff, long shiftId) {
        DutyShift s = shifts.shift(shiftId);
        staff.requireCommunity(s.getCommunityId());
        return claims.ofShiftForStaff(shiftId).stream().map(r -> new ShiftClaimView(r.getClaimId(), r.getMemberId(),
                r.getStatus().name(),
                r.getStatus().holdsSeat() ? CheckInState.of(r.getCheckinAt(), r.getCheckoutAt(), r.isAutoClosed()).label()
                        : r.getStatus().label(), r.getName(), Masks.phone(r.getPhone()), r.getOrgName(), fmt(r.getCheckinAt()),
                fmt(r.getCheckoutAt()), r.getMinutes(), r.isAutoClosed(),
                r.getCheckinVerify() == null ? null : r.getCheckinVerify().name(),
                r.getCheckinAt() == null ? null : CheckInVerify.labelOf(r.getCheckinVerify()), r.getCheckinDistanceM())).toList();
    }

    record AlertView(long id, long communityId, long stationId, long shiftId, String kind, String kindName, String message,
                     String createdAt) {
    }

    /** The latest 200 alerts of the communities asked for or in the staff member's scope. */
    List<AlertView> alerts(CurrentStaff staff, Long communityId) {
        return StaffScope.list(staff, communityId, alerts::latest).stream().map(a -> new AlertView(a.getId(),
                a.getCommunityId(), a.getStationId(), a.getShiftId(), a.getKind().name(), a.getKind().label(),
                a.getMessage(), fmt(a.getCreatedAt()))).toList();
    }

    record Hours(List<DutyClaimMapper.HoursRow> members, List<DutyClaimMapper.HoursRow> orgs) {
    }

    /** Checked-out service time summed by member and by organisation, with the unverified part apart. */
    Hours hours(CurrentStaff staff, Long communityId) {
        return new Hours(StaffScope.list(staff, communityId, claims::hoursByMember),
                StaffScope.list(staff, communityId, claims::hoursByOrg));
    }

    private static String fmt(LocalDateTime t) {
        return t == null ? null : t.format(MemberService.MINUTE);
    }
}
