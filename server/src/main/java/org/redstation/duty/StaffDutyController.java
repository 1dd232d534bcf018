package org.redstation.duty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.redstation.auth.CurrentStaff;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "社区工作人员：党员与值班")
class StaffDutyController {
    private final MemberService members;
    private final ShiftService shifts;
    private final DutyReports reports;
    private final DutyContacts contacts;
    private final org.redstation.auth.ContactAudit contactAudit;

    StaffDutyController(MemberService members, ShiftService shifts, DutyReports reports, DutyContacts contacts,
                        org.redstation.auth.ContactAudit contactAudit) {
        this.contacts = contacts;
        this.contactAudit = contactAudit;
        this.members = members;
        this.shifts = shifts;
        this.reports = reports;
    }

    // ---- organisations ----

    record OrgRequest(
            @NotNull(message = "请选择社区") Long communityId,
            @NotBlank(message = "请填写党组织名称") @Size(max = 64, message = "名称太长") String name,
            @NotBlank(message = "请选择类型") String kind,
            @Size(max = 64, message = "单位名称太长") String unitName,
            @Size(max = 32, message = "书记姓名太长") String secretary,
            @Size(max = 20, message = "电话太长") @Pattern(regexp = "[0-9+\\- ]*", message = "电话格式不正确") String contactPhone) {
    }

    @Operation(summary = "登记驻区单位党组织（单位党支部、党总支）")
    @PostMapping("/api/staff/duty/orgs")
    @ResponseStatus(HttpStatus.CREATED)
    MemberService.OrgView createOrg(CurrentStaff staff, @Valid @RequestBody OrgRequest r) {
        return members.createOrg(staff, new MemberService.NewOrg(r.communityId(), r.name().strip(), r.kind(), r.unitName(),
                r.secretary(), r.contactPhone()));
    }

    // ---- members ----

    @Operation(summary = "报到登记列表（status=PENDING 待审核）")
    @GetMapping("/api/staff/members")
    List<MemberService.MemberView> members(CurrentStaff staff, @RequestParam(required = false) Long communityId,
                                           @RequestParam(required = false) String status) {
        return members.list(staff, communityId, status);
    }

    @Operation(summary = "审核通过（授予党员角色）")
    @PostMapping("/api/staff/members/{id}/approve")
    MemberService.MemberView approve(CurrentStaff staff, @PathVariable long id) {
        return members.approve(staff, id);
    }

    record RejectRequest(@NotBlank(message = "请填写不通过的原因") @Size(max = 200, message = "最多200字") String reason) {
    }

    @Operation(summary = "审核不通过（须填写原因）")
    @PostMapping("/api/staff/members/{id}/reject")
    MemberService.MemberView reject(CurrentStaff staff, @PathVariable long id, @Valid @RequestBody RejectRequest r) {
        return members.reject(staff, id, r.reason().strip());
    }

    record ContactRequest(@NotBlank(message = "请填写查看联系方式的原因") @Size(max = 200, message = "最多200字") String reason) {
    }

    @Operation(summary = "查看党员完整联系方式（须填写原因，留痕）")
    @PostMapping("/api/staff/members/{id}/contact")
    DutyContacts.Contact memberContact(CurrentStaff staff, @PathVariable long id, @Valid @RequestBody ContactRequest r) {
        return contacts.member(staff, id, r.reason());
    }

    @Operation(summary = "查看党员联系方式的留痕记录（管理员）")
    @GetMapping("/api/staff/members/{id}/contact-audit")
    List<org.redstation.auth.ContactAudit.Reveal> memberContactAudit(CurrentStaff staff, @PathVariable long id) {
        return contactAudit.revealsOf(staff, DutyContacts.MEMBER, id);
    }

    @Operation(summary = "查看党组织联系人完整电话（须填写原因，留痕）")
    @PostMapping("/api/staff/duty/orgs/{id}/contact")
    DutyContacts.Contact orgContact(CurrentStaff staff, @PathVariable long id, @Valid @RequestBody ContactRequest r) {
        return contacts.org(staff, id, r.reason());
    }

    record ContactUserRequest(Long memberId) {
    }

    @Operation(summary = "指定党组织的接单联系人（本组织已通过审核的党员；memberId 为空则取消）")
    @PutMapping("/api/staff/duty/orgs/{id}/contact-user")
    MemberService.OrgView orgContactUser(CurrentStaff staff, @PathVariable long id, @RequestBody ContactUserRequest r) {
        return members.setContactUser(staff, id, r.memberId());
    }

    // ---- shifts ----

    record ShiftRequest(
            @NotNull(message = "请选择驿站") Long stationId,
            @NotNull(message = "请选择日期") LocalDate date,
            @NotNull(message = "请填写开始时间") LocalTime start,
            @NotNull(message = "请填写结束时间") LocalTime end,
            @NotNull(message = "请填写名额") @Min(value = 1, message = "名额至少1人") @Max(value = 50, message = "名额最多50人") Integer seats,
            @NotBlank(message = "请填写班次类型") @Size(max = 32, message = "班次类型太长") String roleName,
            Long orgId) {
    }

    @Operation(summary = "发布一个班次")
    @PostMapping("/api/staff/duty/shifts")
    @ResponseStatus(HttpStatus.CREATED)
    ShiftService.ShiftView publish(CurrentStaff staff, @Valid @RequestBody ShiftRequest r) {
        return shifts.publish(staff, new ShiftService.NewShift(r.stationId(), r.date(), r.start(), r.end(), r.seats(),
                r.roleName().strip(), r.orgId()));
    }

    record WeeklyRequest(
            @NotNull(message = "请选择驿站") Long stationId,
            @NotNull(message = "请选择开始日期") LocalDate from,
            @NotNull(message = "请选择结束日期") LocalDate to,
            @NotEmpty(message = "请选择星期") Set<@Min(value = 1, message = "星期为1-7") @Max(value = 7, message = "星期为1-7") Integer> weekdays,
            @NotNull(message = "请填写开始时间") LocalTime start,
            @NotNull(message = "请填写结束时间") LocalTime end,
            @NotNull(message = "请填写名额") @Min(value = 1, message = "名额至少1人") @Max(value = 50, message = "名额最多50人") Integer seats,
            @NotBlank(message = "请填写班次类型") @Size(max = 32, message = "班次类型太长") String roleName,
            Long orgId) {
    }

    @Operation(summary = "按每周规律批量发布班次（已存在的跳过）")
    @PostMapping("/api/staff/duty/shifts/weekly")
    @ResponseStatus(HttpStatus.CREATED)
    ShiftService.WeeklyResult publishWeekly(CurrentStaff staff, @Valid @RequestBody WeeklyRequest r) {
        return shifts.publishWeekly(staff, new ShiftService.WeeklyPattern(r.stationId(), r.from(), r.to(), r.weekdays(),
                r.start(), r.end(), r.seats(), r.roleName().strip(), r.orgId()));
    }

    @Operation(summary = "班次列表")
    @GetMapping("/api/staff/duty/shifts")
    List<ShiftService.ShiftView> list(CurrentStaff staff, @RequestParam(required = false) Long communityId,
                                      @RequestParam(required = false) Long stationId,
                                      @RequestParam(required = false) LocalDate from,
                                      @RequestParam(required = false) LocalDate to) {
        return shifts.listForStaff(staff, communityId, stationId, from, to);
    }

    record OrgAssignRequest(Long orgId) {
    }

    @Operation(summary = "指定轮值单位（orgId 为空则取消指定）")
    @PutMapping("/api/staff/duty/shifts/{id}/org")
    ShiftService.ShiftView assignOrg(CurrentStaff staff, @PathVariable long id, @RequestBody OrgAssignRequest r) {
        return shifts.assignOrg(staff, id, r.orgId());
    }

    @Operation(summary = "取消班次（通知已认领的党员）")
    @PostMapping("/api/staff/duty/shifts/{id}/cancel")
    ShiftService.ShiftView cancel(CurrentStaff staff, @PathVariable long id) {
        return shifts.cancel(staff, id);
    }

    @Operation(summary = "班次的认领与签到情况")
    @GetMapping("/api/staff/duty/shifts/{id}/claims")
    List<DutyReports.ShiftClaimView> claims(CurrentStaff staff, @PathVariable long id) {
        return reports.claimsOfShift(staff, id);
    }

    // ---- alerts and hours ----

    @Operation(summary = "值班提醒：24小时内仍缺人的班次")
    @GetMapping("/api/staff/duty/alerts")
    List<DutyReports.AlertView> alerts(CurrentStaff staff, @RequestParam(required = false) Long communityId) {
        return reports.alerts(staff, communityId);
    }

    @Operation(summary = "服务时长：按党员、按党组织汇总")
    @GetMapping("/api/staff/duty/hours")
    DutyReports.Hours hours(CurrentStaff staff, @RequestParam(required = false) Long communityId) {
        return reports.hours(staff, communityId);
    }
}
