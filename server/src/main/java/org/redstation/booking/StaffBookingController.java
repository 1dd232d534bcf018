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
import org.redstation.common.BizException;
import org.redstation.common.CommonError;
import org.redstation.station.StationApi;
import org.redstation.station.StationRef;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "预约（工作人员）")
class StaffBookingController {
    private final BookingAdmin admin;
    private final BookingService bookings;
    private final BookingStore store;
    private final BookingViews views;
    private final StationApi stations;
    private final SlotMaterialiser materialiser;
    private final ReminderJob reminders;

    StaffBookingController(BookingAdmin admin, BookingService bookings, BookingStore store, BookingViews views,
                           StationApi stations, SlotMaterialiser materialiser, ReminderJob reminders) {
        this.admin = admin;
        this.bookings = bookings;
        this.store = store;
        this.views = views;
        this.stations = stations;
        this.materialiser = materialiser;
        this.reminders = reminders;
    }

    private StationRef station(long stationId, CurrentStaff staff) {
        StationRef s = stations.find(stationId).orElseThrow(() -> new BizException(BookingError.STATION_NOT_FOUND));
        staff.requireCommunity(s.communityId());
        return s;
    }

    private java.util.function.LongConsumer stationCheck(CurrentStaff staff) {
        return stationId -> {
            if (stationId == 0) {
                if (staff.communityId() != null) {
                    throw new BizException(CommonError.FORBIDDEN, "全区节假日只能由区级管理员设置");
                }
                return;
            }
            station(stationId, staff);
        };
    }

    record ServiceRequest(@NotBlank(message = "不能为空") @Size(max = 32, message = "不能超过32个字") String name) {
    }

    @Operation(summary = "驿站的可预约服务事项")
    @GetMapping("/api/staff/booking/stations/{stationId}/services")
    List<BookingStore.Service> services(@PathVariable long stationId, CurrentStaff staff) {
        station(stationId, staff);
        return store.servicesOfStation(stationId);
    }

    @PostMapping("/api/staff/booking/stations/{stationId}/services")
    ResponseEntity<BookingStore.Service> addService(@PathVariable long stationId, @Valid @RequestBody ServiceRequest req,
                                                    CurrentStaff staff) {
        station(stationId, staff);
        return ResponseEntity.status(201).body(admin.addService(stationId, req.name()));
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
        station(stationId, staff);
        return admin.rules(stationId);
    }

    @Operation(summary = "新建每周预约规则（立即生成时段）")
    @PostMapping("/api/staff/booking/stations/{stationId}/rules")
    ResponseEntity<BookingAdmin.RuleView> createRule(@PathVariable long stationId, @Valid @RequestBody RuleRequest req,
                                                     CurrentStaff staff) {
        station(stationId, staff);
        return ResponseEntity.status(201).body(admin.createRule(stationId, req.spec()));
    }

    @PutMapping("/api/staff/booking/rules/{ruleId}")
    BookingAdmin.RuleView updateRule(@PathVariable long ruleId, @Valid @RequestBody RuleRequest req, CurrentStaff staff) {
        return admin.updateRule(ruleId, req.spec(), stationCheck(staff));
    }

    @Operation(summary = "驿站某天起的时段（含已满、已闭站）")
    @GetMapping("/api/staff/booking/stations/{stationId}/slots")
    List<BookingViews.DayView> slots(@PathVariable long stationId, @RequestParam(defaultValue = "8") int days,
                                     CurrentStaff staff) {
        StationRef s = station(stationId, staff);
        return views.stationSlots(s, Math.max(1, Math.min(days, 31)), null).days();
    }

    record StaffBookingRow(long id, String status, String statusName, long userId, String serviceName, String note,
                           String createdAt) {
    }

    @Operation(summary = "某时段的预约名单")
    @GetMapping("/api/staff/booking/slots/{slotId}/bookings")
    Map<String, Object> slotBookings(@PathVariable long slotId, CurrentStaff staff) {
        BookingStore.Slot slot = store.slot(slotId).orElseThrow(() -> new BizException(BookingError.SLOT_NOT_FOUND));
        station(slot.stationId(), staff);
        List<StaffBookingRow> rows = store.bookingsOfSlot(slotId).stream().map(b -> new StaffBookingRow(b.id(), b.status(),
                BookingViews.statusName(b.status()), b.userId(),
                store.service(b.serviceId()).map(BookingStore.Service::name).orElse(""), b.note(),
                BookingViews.fmt(b.createdAt()))).toList();
        return Map.of("slotId", slotId, "capacity", slot.capacity(), "booked", slot.booked(), "seatsLeft", slot.seatsLeft(),
                "bookings", rows);
    }

    record CancelRequest(@NotBlank(message = "请填写取消原因") @Size(max = 30, message = "原因不能超过30个字") String reason) {
    }

    @Operation(summary = "工作人员取消预约（须填写原因，居民会收到通知）")
    @PostMapping("/api/staff/booking/bookings/{id}/cancel")
    BookingViews.BookingView cancel(@PathVariable long id, @Valid @RequestBody CancelRequest req, CurrentStaff staff) {
        return views.view(bookings.cancelByStaff(id, req.reason().strip(), stationCheck(staff)));
    }

    record AttendanceRequest(@NotNull(message = "请选择是否到场") Boolean attended) {
    }

    @Operation(summary = "登记到场 / 未到场")
    @PostMapping("/api/staff/booking/bookings/{id}/attendance")
    BookingViews.BookingView attendance(@PathVariable long id, @Valid @RequestBody AttendanceRequest req, CurrentStaff staff) {
        return views.view(bookings.markAttendance(id, req.attended(), stationCheck(staff)));
    }

    record ClosureRequest(Long stationId, @NotNull(message = "请选择日期") LocalDate date,
                          @NotBlank(message = "请填写原因") @Size(max = 20, message = "原因不能超过20个字") String reason) {
    }

    @Operation(summary = "设置闭站日（stationId 为空 = 全区节假日，仅区级管理员）；当天预约自动取消并通知")
    @PostMapping("/api/staff/booking/closures")
    ResponseEntity<BookingAdmin.ClosureView> close(@Valid @RequestBody ClosureRequest req, CurrentStaff staff) {
        long stationId = req.stationId() == null ? 0 : req.stationId();
        stationCheck(staff).accept(stationId);
        return ResponseEntity.status(201).body(admin.close(stationId, req.date(), req.reason().strip(), staff.id()));
    }

    @GetMapping("/api/staff/booking/stations/{stationId}/closures")
    List<Map<String, Object>> closures(@PathVariable long stationId, CurrentStaff staff) {
        station(stationId, staff);
        return admin.closures(stationId);
    }

    @DeleteMapping("/api/staff/booking/closures/{id}")
    ResponseEntity<Void> reopen(@PathVariable long id, CurrentStaff staff) {
        admin.reopen(id, stationCheck(staff));
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "立即生成时段与发送到期提醒（区级管理员，运维用）")
    @PostMapping("/api/staff/booking/jobs/run")
    Map<String, Integer> runJobs(CurrentStaff staff) {
        if (staff.communityId() != null) {
            throw new BizException(CommonError.FORBIDDEN, "需要区级管理员权限");
        }
        return Map.of("slotsCreated", materialiser.materialiseAllLocked(), "remindersQueued", reminders.sendDue());
    }

}
