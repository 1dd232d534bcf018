package org.redstation.duty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.redstation.auth.CurrentUser;
import org.redstation.auth.ResidentReads;
import org.redstation.common.BizException;
import org.redstation.common.RefusalWriter;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "党员值班")
class DutyController {
    private final ClaimService claims;
    private final CheckInService checkIns;
    private final ShiftService shifts;
    private final ResidentReads residents;
    private final RefusalWriter refusals;

    DutyController(ClaimService claims, CheckInService checkIns, ShiftService shifts, ResidentReads residents,
                   RefusalWriter refusals) {
        this.residents = residents;
        this.refusals = refusals;
        this.claims = claims;
        this.checkIns = checkIns;
        this.shifts = shifts;
    }

    @Operation(summary = "可认领的班次（默认本人报到社区，未来14天）")
    @GetMapping("/api/duty/shifts")
    List<ShiftService.ShiftView> openShifts(CurrentUser user, @RequestParam(required = false) Long stationId) {
        return shifts.openFor(user.id(), stationId);
    }

    @Operation(summary = "认领班次")
    @ApiResponse(responseCode = "200", description = "已认领", content = @Content(schema = @Schema(implementation = ClaimService.ClaimView.class)))
    @ApiResponse(responseCode = "409", description = "不能认领（已满、时间冲突等）", content = @Content(schema = @Schema(implementation = org.redstation.common.ApiError.class)))
    @PostMapping("/api/duty/shifts/{id}/claim")
    ResponseEntity<?> claim(HttpServletRequest http, HttpServletResponse res, @PathVariable long id) {
        try {
            // the member's session and the shift's full hint in one Redis round trip: a rush on a full shift is
            // refused after that one read
            ResidentReads.Read read = residents.resident(http, claims.readFirst(id));
            return ResponseEntity.ok(claims.claim(read.user().id(), id, read.values()));
        } catch (BizException e) { // a rush on a full shift: answered here, not through Spring's exception resolver
            return refusals.answer(e, res);
        }
    }

    @Operation(summary = "取消认领（开始前截止时间之前）")
    @PostMapping("/api/duty/shifts/{id}/release")
    Map<String, Object> release(CurrentUser user, @PathVariable long id) {
        claims.release(user.id(), id);
        return Map.of("released", true, "shiftId", id);
    }

    @Operation(summary = "我的值班")
    @GetMapping("/api/duty/my-shifts")
    List<ClaimService.ClaimView> myShifts(CurrentUser user) {
        return claims.myShifts(user.id());
    }

    record CheckInRequest(
            @Size(max = 64, message = "格式不正确") String scene,
            @DecimalMin(value = "-90", message = "纬度不正确") @DecimalMax(value = "90", message = "纬度不正确") Double latitude,
            @DecimalMin(value = "-180", message = "经度不正确") @DecimalMax(value = "180", message = "经度不正确") Double longitude) {
    }

    @Operation(summary = "签到：扫驿站二维码（scene 为 st=驿站编码）或带位置（驿站附近）；都没有时仅在驿站允许时可签到，并标注未核验")
    @PostMapping("/api/duty/check-in")
    CheckInService.CheckResult checkIn(CurrentUser user, @Valid @RequestBody(required = false) CheckInRequest req) {
        CheckInRequest r = req == null ? new CheckInRequest(null, null, null) : req;
        return checkIns.checkIn(user.id(), r.scene(), r.latitude(), r.longitude());
    }

    @Operation(summary = "签退：记录本次服务时长")
    @PostMapping("/api/duty/check-out")
    CheckInService.CheckResult checkOut(CurrentUser user) {
        return checkIns.checkOut(user.id());
    }

    @Operation(summary = "驿站现在的值班人员（姓名已打码）")
    @GetMapping("/api/duty/stations/{stationId}/on-duty")
    List<org.redstation.station.OnDutyProvider.OnDutyPerson> onDuty(@PathVariable long stationId) {
        return checkIns.onDutyNow(stationId);
    }
}
