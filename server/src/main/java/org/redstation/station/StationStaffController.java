package org.redstation.station;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.redstation.auth.CurrentStaff;
import org.redstation.station.CatalogueAdminService.ServiceFields;
import org.redstation.station.StationAdminService.HoursWindow;
import org.redstation.station.StationAdminService.Offer;
import org.redstation.station.StationAdminService.StationFields;
import org.redstation.station.StationAuditLog.AuditEntry;
import org.redstation.station.StationModel.CatalogueEntry;
import org.redstation.station.StationModel.StationInfo;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Staff management of stations and the service catalogue (the services check who may see and change what). */
@RestController
@Tag(name = "驿站管理（工作人员）")
class StationStaffController {
    private final StationAdminService admin;
    private final CatalogueAdminService catalogue;
    private final StationQrService qr;

    StationStaffController(StationAdminService admin, CatalogueAdminService catalogue, StationQrService qr) {
        this.admin = admin;
        this.catalogue = catalogue;
        this.qr = qr;
    }

    record StationBody(
            @NotBlank(message = "不能为空") @Size(max = 64, message = "长度不能超过64") String name,
            @NotBlank(message = "不能为空") @Size(max = 128, message = "长度不能超过128") String address,
            @NotNull(message = "不能为空") @DecimalMin(value = "-90", message = "纬度超出范围") @DecimalMax(value = "90", message = "纬度超出范围") Double latitude,
            @NotNull(message = "不能为空") @DecimalMin(value = "-180", message = "经度超出范围") @DecimalMax(value = "180", message = "经度超出范围") Double longitude,
            @Size(max = 20, message = "长度不能超过20") String phone,
            @NotBlank(message = "不能为空") @Pattern(regexp = "REBUILT|CO_BUILT|NEW", message = "应为REBUILT、CO_BUILT或NEW") String buildType,
            @Size(max = 64, message = "长度不能超过64") String coBuildingUnit,
            @Size(max = 255, message = "长度不能超过255") @Pattern(regexp = "https?://\\S+", message = "应为http(s)网址") String photoUrl,
            @Size(max = 500, message = "长度不能超过500") String notice,
            Boolean allowUnverifiedCheckin) {
        StationFields fields() {
            return new StationFields(name, address, latitude, longitude, phone, BuildType.valueOf(buildType), coBuildingUnit,
                    photoUrl, notice, allowUnverifiedCheckin);
        }
    }

    record NewStationBody(
            @NotBlank(message = "不能为空") @Pattern(regexp = "[A-Z0-9]{2,16}", message = "只能是2到16位大写字母或数字") String code,
            @NotNull(message = "不能为空") Long communityId,
            @Valid @NotNull(message = "不能为空") StationBody station) {
    }

    record StatusBody(@NotBlank(message = "不能为空") @Pattern(regexp = "OPEN|PAUSED|CLOSED", message = "应为OPEN、PAUSED或CLOSED") String status,
                      @Size(max = 500, message = "长度不能超过500") String notice) {
    }

    record WindowBody(@Min(value = 1, message = "应为1到7") @Max(value = 7, message = "应为1到7") int dayOfWeek,
                      @NotBlank(message = "不能为空") @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "时间格式应为HH:mm") String start,
                      @NotBlank(message = "不能为空") @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "时间格式应为HH:mm") String end,
                      @NotBlank(message = "不能为空") String kind) {
    }

    record HoursBody(@NotNull(message = "不能为空") @Size(max = 50, message = "最多50个时段") List<@Valid @NotNull(message = "不能为空") WindowBody> windows) {
    }

    record OfferBody(@NotNull(message = "不能为空") Long serviceId,
                     @Size(max = 255, message = "长度不能超过255") String note,
                     @Size(max = 64, message = "长度不能超过64") String hours) {
    }

    record ServicesBody(@NotNull(message = "不能为空") @Size(max = 100, message = "最多100项服务") List<@Valid @NotNull(message = "不能为空") OfferBody> services) {
    }

    record ServiceBody(@NotBlank(message = "不能为空") @Size(max = 32, message = "长度不能超过32") String name,
                       @NotBlank(message = "不能为空") @Size(max = 16, message = "长度不能超过16") String category,
                       @Size(max = 255, message = "长度不能超过255") String description,
                       @NotBlank(message = "不能为空") @Pattern(regexp = "SELF_SERVICE|STAFFED|BOOKABLE", message = "应为SELF_SERVICE、STAFFED或BOOKABLE") String usageMode,
                       Boolean enabled,
                       @Size(max = 100, message = "长度不能超过100") String whatToBring) {
        ServiceFields fields() {
            return new ServiceFields(name, category, description, UsageMode.valueOf(usageMode), enabled, whatToBring);
        }
    }

    @Operation(summary = "驿站列表（本社区；区管理员可按社区筛选）")
    @GetMapping("/api/staff/stations")
    List<StationInfo> list(CurrentStaff staff, @RequestParam(required = false) Long communityId) {
        return admin.list(staff, communityId);
    }

    @Operation(summary = "驿站详情（含已关闭的）")
    @GetMapping("/api/staff/stations/{id}")
    StationModel.StaticView get(CurrentStaff staff, @PathVariable long id) {
        return admin.detail(staff, id);
    }

    @Operation(summary = "新建驿站")
    @PostMapping("/api/staff/stations")
    @ResponseStatus(HttpStatus.CREATED)
    StationInfo create(CurrentStaff staff, @Valid @RequestBody NewStationBody body) {
        return admin.create(staff, body.code(), body.communityId(), body.station().fields());
    }

    @Operation(summary = "修改驿站信息（编号不可改，二维码不变）")
    @PutMapping("/api/staff/stations/{id}")
    StationInfo update(CurrentStaff staff, @PathVariable long id, @Valid @RequestBody StationBody body) {
        return admin.update(staff, id, body.fields());
    }

    @Operation(summary = "开放、暂停或关闭驿站，并设置公告")
    @PutMapping("/api/staff/stations/{id}/status")
    StationInfo status(CurrentStaff staff, @PathVariable long id, @Valid @RequestBody StatusBody body) {
        return admin.status(staff, id, StationStatus.valueOf(body.status()), body.notice());
    }

    @Operation(summary = "设置每周开放时间（含晚间一小时、红色周末）")
    @PutMapping("/api/staff/stations/{id}/hours")
    List<StationModel.Day> hours(CurrentStaff staff, @PathVariable long id, @Valid @RequestBody HoursBody body) {
        return admin.hours(staff, id, body.windows().stream()
                .map(w -> new HoursWindow(w.dayOfWeek(), w.start(), w.end(), w.kind())).toList());
    }

    @Operation(summary = "驿站提供的服务（按驿站的顺序，含已停用的服务，供编辑）")
    @GetMapping("/api/staff/stations/{id}/services")
    List<StationModel.OfferEntry> offers(CurrentStaff staff, @PathVariable long id) {
        return admin.offers(staff, id);
    }

    @Operation(summary = "设置驿站提供的服务（按列表顺序排序，含备注和时间）")
    @PutMapping("/api/staff/stations/{id}/services")
    List<StationModel.ServiceEntry> services(CurrentStaff staff, @PathVariable long id, @Valid @RequestBody ServicesBody body) {
        return admin.services(staff, id, body.services().stream().map(o -> new Offer(o.serviceId(), o.note(), o.hours())).toList());
    }

    @Operation(summary = "驿站的修改记录")
    @GetMapping("/api/staff/stations/{id}/audit")
    List<AuditEntry> audit(CurrentStaff staff, @PathVariable long id) {
        return admin.auditOf(staff, id);
    }

    @Operation(summary = "驿站小程序码（PNG）")
    @GetMapping("/api/staff/stations/{id}/qrcode")
    ResponseEntity<byte[]> qrcode(CurrentStaff staff, @PathVariable long id) {
        return png(qr.qrcode(staff, id));
    }

    @Operation(summary = "可打印的驿站海报（PNG）")
    @GetMapping("/api/staff/stations/{id}/poster")
    ResponseEntity<byte[]> poster(CurrentStaff staff, @PathVariable long id) {
        return png(qr.poster(staff, id));
    }

    private static ResponseEntity<byte[]> png(StationQrService.Png png) {
        return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + png.filename() + "\"").body(png.body());
    }

    @Operation(summary = "服务目录")
    @GetMapping("/api/staff/services")
    List<CatalogueEntry> catalogue(CurrentStaff staff) {
        return catalogue.catalogue(staff);
    }

    @Operation(summary = "新增服务（区管理员）")
    @PostMapping("/api/staff/services")
    @ResponseStatus(HttpStatus.CREATED)
    CatalogueEntry createService(CurrentStaff staff, @Valid @RequestBody ServiceBody body) {
        return catalogue.create(staff, body.fields());
    }

    @Operation(summary = "修改服务（区管理员）")
    @PutMapping("/api/staff/services/{id}")
    CatalogueEntry updateService(CurrentStaff staff, @PathVariable long id, @Valid @RequestBody ServiceBody body) {
        return catalogue.update(staff, id, body.fields());
    }
}
