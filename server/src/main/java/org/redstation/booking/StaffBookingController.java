package org.redstation.booking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.redstation.auth.CurrentStaff;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff endpoints of booking; the services check the staff member's scope. Bookable services are the station's catalogue. */
@RestController
@Tag(name = "预约（工作人员）")
class StaffBookingController {
    private final BookingAdmin admin;
    private final BookingService bookings;
    private final StaffBookingQueries queries;
    private final BookingViews views;

    private final BookingContacts contacts;

    StaffBookingController(BookingAdmin admin, BookingService bookings, StaffBookingQueries queries, BookingViews views,
                           BookingContacts contacts) {
        this.contacts = contacts;
        this.admin = admin;
        this.bookings = bookings;
        this.queries = queries;
        this.views = views;
    }

    record RuleRequest(
            @NotBlank(message = "不能为空") String kind,
            @NotBlank(message = "不能为空") @Size(max = 32, message = "不能超过32个字") String name,
            @NotEmpty(message = "请选择星期") List<Integer> weekdays,
            @NotNull(message = "不能为空") LocalTime start,
            @NotNull(message = "不能为空") LocalTime end,
            @NotNull(message = "不能为空") @Min(value = 1, message = "至少1个名额") @Max(value = 100000, message = "名额过大") Integer capacity,
            @Min(value = 0, message = "不能为负数") @Max(value = 60, message = "最多提前60天开放") Integer openDaysAhead,
            @Min(value = 0, message = "不能为负数") @Max(value = 10080, message = "最多7天") Integer cancelCutoffMinutes,
            Boolean waitlistEnabled,
            Boolean active,
            @NotEmpty(message = "请至少选择一项服务事项") List<Long> serviceIds) {
        BookingAdmin.RuleSpec spec() {
            return new BookingAdmin.RuleSpec(kind, name, weekdays, start, end, capacity, openDaysAhead == null ? 7 : openDaysAhead,
                    cancelCutoffMinutes == null ? 60 : cancelCutoffMinutes, !Boolean.FALSE.equals(waitlistEnabled),
                    !Boolean.FALSE.equals(active), serviceIds);
        }
    }

    @Operation(summary = "驿站的每周预约规则")
    @GetMapping("/api/staff/booking/stations/{stationId}/rules")
    List<BookingAdmin.RuleView> rules(@PathVariable long stationId, CurrentStaff staff) {
        return admin.rules(staff, stationId);
    }

    @Operation(summary = "新建每周预约规则（serviceIds 为驿站提供的可预约服务；立即生成时段）")
    @PostMapping("/api/staff/booking/stations/{stationId}/rules")
    ResponseEntity<BookingAdmin.RuleView> createRule(@PathVariable long stationId, @Valid @RequestBody RuleRequest req,
                                                     CurrentStaff staff) {
        return ResponseEntity.status(201).body(admin.createRule(staff, stationId, req.spec()));
    }

    @PutMapping("/api/staff/booking/rules/{ruleId}")
    BookingAdmin.RuleView updateRule(@PathVariable long ruleId, @Valid @RequestBody RuleRequest req, CurrentStaff staff) {
        return admin.updateRule(staff, ruleId, req.spec());
    }

    @Operation(summary = "驿站某天起的时段（含已满、已闭站）")
    @GetMapping("/api/staff/booking/stations/{stationId}/slots")
    List<BookingViews.DayView> slots(@PathVariable long stationId, @RequestParam(defaultValue = "8") int days,
                                     CurrentStaff staff) {
        return queries.slots(staff, stationId, Math.max(1, Math.min(days, 31)));
    }

    @Operation(summary = "某时段的预约名单")
    @GetMapping("/api/staff/booking/slots/{slotId}/bookings")
    Map<String, Object> slotBookings(@PathVariable long slotId, CurrentStaff staff) {
        return queries.slotBookings(staff, slotId);
    }

    record CancelRequest(@NotBlank(message = "请填写取消原因") @Size(max = 30, message = "原因不能超过30个字") String reason) {
    }

    @Operation(summary = "工作人员取消预约（须填写原因，居民会收到通知）")
    @PostMapping("/api/staff/booking/bookings/{id}/cancel")
    BookingViews.BookingView cancel(@PathVariable long id, @Valid @RequestBody CancelRequest req, CurrentStaff staff) {
        return views.view(bookings.cancelByStaff(staff, id, req.reason().strip()));
    }

    record AttendanceRequest(@NotNull(message = "请选择是否到场") Boolean attended) {
    }

    @Operation(summary = "登记到场 / 未到场")
    @PostMapping("/api/staff/booking/bookings/{id}/attendance")
    BookingViews.BookingView attendance(@PathVariable long id, @Valid @RequestBody AttendanceRequest req, CurrentStaff staff) {
        return views.view(bookings.markAttendance(staff, id, req.attended()));
    }

    record ClosureRequest(Long stationId, @NotNull(message = "请选择日期") LocalDate date,
                          @NotBlank(message = "请填写原因") @Size(max = 20, message = "原因不能超过20个字") String reason) {
    }

    @Operation(summary = "设置闭站日（stationId 为空 = 全区节假日，仅区级管理员）；当天预约自动取消并通知")
    @PostMapping("/api/staff/booking/closures")
    ResponseEntity<BookingAdmin.ClosureView> close(@Valid @RequestBody ClosureRequest req, CurrentStaff staff) {
        long stationId = req.stationId() == null ? Closure.ALL_STATIONS : req.stationId();
        return ResponseEntity.status(201).body(admin.close(staff, stationId, req.date(), req.reason().strip()));
    }

    @GetMapping("/api/staff/booking/stations/{stationId}/closures")
    List<BookingAdmin.ClosureItem> closures(@PathVariable long stationId, CurrentStaff staff) {
        return admin.closures(staff, stationId);
    }

    @DeleteMapping("/api/staff/booking/closures/{id}")
    ResponseEntity<Void> reopen(@PathVariable long id, CurrentStaff staff) {
        admin.reopen(staff, id);
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "立即生成时段与发送到期提醒（区级管理员，运维用）")
    @PostMapping("/api/staff/booking/jobs/run")
    Map<String, Integer> runJobs(CurrentStaff staff) {
        return queries.runJobs(staff);
    }


    record ContactRequest(@jakarta.validation.constraints.NotBlank(message = "请填写查看联系方式的原因")
                          @jakarta.validation.constraints.Size(max = 200, message = "最多200字") String reason) {
    }

    /** The full name and phone of who booked: scope checked, every reveal recorded with its reason. */
    @PostMapping("/api/staff/booking/bookings/{id}/contact")
    org.redstation.auth.UserDirectory.Contact contact(CurrentStaff staff, @PathVariable long id,
                                                      @jakarta.validation.Valid @RequestBody ContactRequest r) {
        return contacts.reveal(staff, id, r.reason());
    }
}
