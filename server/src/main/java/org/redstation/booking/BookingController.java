package org.redstation.booking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redstation.auth.AuthOptional;
import org.redstation.auth.CurrentUser;
import org.redstation.auth.ResidentReads;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.redstation.common.BizException;
import org.redstation.common.RefusalWriter;
import org.redstation.station.StationApi;
import org.redstation.station.StationRef;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "预约")
class BookingController {
    private final org.redstation.common.RateLimits limits;
    private final BookingService bookings;
    private final BookingViews views;
    private final StationApi stations;
    private final Environment env;

    private final ArrivalService arrivals;
    private final BookingPhones phones;
    private final BookingProperties props;
    private final ResidentReads residents;
    private final RefusalWriter refusals;

    BookingController(BookingService bookings, BookingViews views, StationApi stations, Environment env, org.redstation.common.RateLimits limits,
                      ArrivalService arrivals, BookingPhones phones, BookingProperties props, ResidentReads residents,
                      RefusalWriter refusals) {
        this.residents = residents;
        this.refusals = refusals;
        this.arrivals = arrivals;
        this.phones = phones;
        this.props = props;
        this.limits = limits;
        this.bookings = bookings;
        this.views = views;
        this.stations = stations;
        this.env = env;
    }

    @Operation(summary = "预约配置：订阅消息模板 id（预约前 wx.requestSubscribeMessage 用）")
    @GetMapping("/api/booking/config")
    Map<String, Object> config() {
        Map<String, String> tpl = new LinkedHashMap<>();
        for (String key : List.of(BookingNotices.CONFIRMED, BookingNotices.CANCELLED, BookingNotices.REMINDER,
                BookingNotices.PROMOTED)) {
            tpl.put(key, env.getProperty("redstation.notify.templates." + key, "tpl-" + key));
        }
        return Map.of("templates", tpl, "templateIds", List.copyOf(tpl.values()), "noShowRule", noShowRule(props));
    }

    /** The no-show rule in words, shown on the booking form before a resident books (empty = no rule). */
    static String noShowRule(BookingProperties p) {
        if (p.noShowLimit() <= 0) {
            return "";
        }
        return "预约后请按时到场，到达驿站后扫码签到。" + p.noShowWindowDays() + "天内累计" + p.noShowLimit()
                + "次未到场（未签到且未取消），将暂停预约，直到较早的未到场记录超过" + p.noShowWindowDays() + "天。";
    }

    @Operation(summary = "驿站可预约时段（按天分组，含剩余名额）")
    @GetMapping("/api/booking/stations/{stationId}/slots")
    BookingViews.StationSlots slots(@PathVariable long stationId, @RequestParam(defaultValue = "8") int days,
                                    @AuthOptional CurrentUser user) {
        StationRef station = stations.find(stationId).orElseThrow(() -> new BizException(BookingError.STATION_NOT_FOUND));
        return views.stationSlots(station, Math.max(1, Math.min(days, 31)), user == null ? null : user.id());
    }

    record BookRequest(
            Long stationId,
            @NotNull(message = "请选择时段") @Positive(message = "请选择时段") Long slotId,
            @NotNull(message = "请选择服务事项") @Positive(message = "请选择服务事项") Long serviceId,
            @Size(max = 100, message = "备注不能超过100字") String note,
            @Size(max = 64, message = "不能超过64个字符") @Pattern(regexp = "[A-Za-z0-9_.:\\-]*", message = "格式不正确")
            String idempotencyKey,
            Boolean waitlist,
            @Size(max = 20, message = "姓名不能超过20字") String contactName,
            @Pattern(regexp = "1[3-9]\\d{9}", message = "请填写11位手机号") String contactPhone,
            @Size(max = 128, message = "格式不正确") @Pattern(regexp = "[A-Za-z0-9_.\\-]*", message = "格式不正确") String phoneCode,
            @Size(max = 10, message = "关系不能超过10字") String relation) {
    }

    record ArrivalRequest(@jakarta.validation.constraints.NotBlank(message = "请扫描驿站二维码") @Size(max = 64, message = "格式不正确")
                          String scene) {
    }

    @Operation(summary = "预约（serviceId 为服务目录 id；满员时可加入候补；同一 idempotencyKey 重试返回同一预约）")
    @ApiResponse(responseCode = "201", description = "新预约（或候补）", content = @Content(schema = @Schema(implementation = BookingViews.BookingView.class)))
    @ApiResponse(responseCode = "200", description = "同一 idempotencyKey 的重试", content = @Content(schema = @Schema(implementation = BookingViews.BookingView.class)))
    @ApiResponse(responseCode = "409", description = "不能预约（满员、已预约等）", content = @Content(schema = @Schema(implementation = org.redstation.common.ApiError.class)))
    @PostMapping("/api/booking/bookings")
    ResponseEntity<?> book(@Valid @RequestBody BookRequest req, HttpServletRequest http, HttpServletResponse res) {
        try {
            // the resident's session and the slot's full hint in one Redis round trip: a rush on a full slot is
            // refused after that one read
            List<String> first = bookings.readFirst(req.slotId(), Boolean.TRUE.equals(req.waitlist()));
            ResidentReads.Read read = residents.resident(http, first);
            CurrentUser user = read.user();
            // per resident and day, before the booking transaction (429 RATE_LIMITED), but after the full-slot hint:
            // an elderly resident tapping a full slot again and again keeps the day's bookings
            Runnable allowance = () -> {
                limits.check("booking-resident", String.valueOf(user.id()));
                if (Boolean.TRUE.equals(req.waitlist())) {
                    limits.check("waitlist-resident", String.valueOf(user.id()));
                }
            };
            BookingService.BookOutcome out = bookings.book(user.id(), new BookingService.BookCommand(req.stationId(),
                    req.slotId(), req.serviceId(), req.note(), req.idempotencyKey(), Boolean.TRUE.equals(req.waitlist()),
                    contactOf(req)), first.isEmpty() ? null : read.values(), allowance);
            return ResponseEntity.status(out.created() ? HttpStatus.CREATED : HttpStatus.OK).body(views.view(out));
        } catch (BizException e) { // a rush on a full slot: answered here, not through Spring's exception resolver
            return refusals.answer(e, res);
        }
    }

    /**
     * Who comes: the phone from WeChat's phone-number button (phoneCode) or typed (contactPhone, checked by the pattern);
     * a family member (relation given) needs a name and a phone. Nothing given = an older client: no contact stored.
     */
    private BookingStore.Contact contactOf(BookRequest req) {
        String name = blankToNull(req.contactName());
        String relation = blankToNull(req.relation());
        String phone = blankToNull(req.contactPhone());
        if (phone == null && blankToNull(req.phoneCode()) != null) {
            phone = phones.phoneOf(req.phoneCode());
        }
        if (relation != null && (name == null || phone == null)) {
            throw new BizException(BookingError.CONTACT_INCOMPLETE, BookingError.CONTACT_INCOMPLETE.message(),
                    name == null ? "contactName" : "contactPhone");
        }
        if (name == null && phone == null) {
            return null;
        }
        if (name == null || phone == null) {
            throw new BizException(org.redstation.common.CommonError.VALIDATION_FAILED, name == null ? "请填写联系人姓名" : "请填写联系电话",
                    name == null ? "contactName" : "contactPhone");
        }
        return new BookingStore.Contact(name, phone, relation);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Operation(summary = "到场签到：预约时段内（开始前15分钟至结束）扫驿站二维码（scene 为 st=驿站编码），返回含排队号的预约")
    @PostMapping("/api/booking/arrivals")
    BookingViews.BookingView arrive(@Valid @RequestBody ArrivalRequest req, CurrentUser user) {
        return views.view(arrivals.arrive(user.id(), req.scene()));
    }

    @Operation(summary = "我的预约：upcoming 待参加，past 历史")
    @GetMapping("/api/booking/bookings/mine")
    Map<String, List<BookingViews.BookingView>> mine(CurrentUser user) {
        return views.mine(user.id());
    }

    @Operation(summary = "本人的一条预约（与“我的预约”列表项同形；别人的预约返回 404）")
    @GetMapping("/api/booking/bookings/{id}")
    BookingViews.BookingView one(@PathVariable long id, CurrentUser user) {
        return views.own(user.id(), id);
    }

    @Operation(summary = "一个时段（与时段列表项同形；登录时含本人的预约）")
    @GetMapping("/api/booking/slots/{id}")
    BookingViews.SlotView slot(@PathVariable long id, @AuthOptional CurrentUser user) {
        return views.slot(id, user == null ? null : user.id());
    }

    @Operation(summary = "取消本人预约（截止时间前；候补随时可退出）")
    @PostMapping("/api/booking/bookings/{id}/cancel")
    BookingViews.BookingView cancel(@PathVariable long id, CurrentUser user) {
        return views.view(bookings.cancelByResident(user.id(), id));
    }
}
