package org.redstation.booking;

import org.redstation.common.ErrorCode;
import org.springframework.http.HttpStatus;

/** Refusals of the booking module. */
final class BookingError {
    static final ErrorCode SLOT_NOT_FOUND = new ErrorCode("SLOT_NOT_FOUND", HttpStatus.NOT_FOUND, "该时段不存在或已下线");
    static final ErrorCode STATION_NOT_FOUND = new ErrorCode("STATION_NOT_FOUND", HttpStatus.NOT_FOUND, "驿站不存在");
    static final ErrorCode SLOT_OTHER_STATION = new ErrorCode("SLOT_OTHER_STATION", HttpStatus.BAD_REQUEST, "该时段不属于所选驿站，请重新选择");
    static final ErrorCode SLOT_PAST = new ErrorCode("SLOT_PAST", HttpStatus.BAD_REQUEST, "该时段已经开始或已过去，请选择其他时段");
    static final ErrorCode SLOT_CLOSED = new ErrorCode("SLOT_CLOSED", HttpStatus.CONFLICT, "该时段因节假日或临时安排暂停服务，请选择其他时段");
    static final ErrorCode SERVICE_NOT_OFFERED = new ErrorCode("SERVICE_NOT_OFFERED", HttpStatus.BAD_REQUEST, "该时段不提供所选服务事项，请重新选择");
    static final ErrorCode SLOT_FULL = new ErrorCode("SLOT_FULL", HttpStatus.CONFLICT, "该时段名额已满，可以加入候补或选择其他时段");
    static final ErrorCode WAITLIST_CLOSED = new ErrorCode("WAITLIST_CLOSED", HttpStatus.CONFLICT, "该时段名额已满，且不设候补，请选择其他时段");
    static final ErrorCode ALREADY_BOOKED = new ErrorCode("ALREADY_BOOKED", HttpStatus.CONFLICT, "您已预约过这个时段，无需重复预约");
    static final ErrorCode BOOKING_RESTRICTED = new ErrorCode("BOOKING_RESTRICTED", HttpStatus.FORBIDDEN, "您近期多次预约未到，暂时不能预约，如有疑问请联系社区");
    static final ErrorCode BOOKING_NOT_FOUND = new ErrorCode("BOOKING_NOT_FOUND", HttpStatus.NOT_FOUND, "预约记录不存在");
    static final ErrorCode BOOKING_NOT_YOURS = new ErrorCode("BOOKING_NOT_YOURS", HttpStatus.FORBIDDEN, "只能取消自己的预约");
    static final ErrorCode BOOKING_NOT_ACTIVE = new ErrorCode("BOOKING_NOT_ACTIVE", HttpStatus.CONFLICT, "该预约已取消或已结束");
    static final ErrorCode CANCEL_TOO_LATE = new ErrorCode("CANCEL_TOO_LATE", HttpStatus.CONFLICT, "已过取消截止时间，如不能前来请电话联系驿站");
    static final ErrorCode ATTENDANCE_TOO_EARLY = new ErrorCode("ATTENDANCE_TOO_EARLY", HttpStatus.CONFLICT, "时段开始后才能登记到场情况");
    static final ErrorCode ARRIVED_ALREADY = new ErrorCode("ARRIVED_ALREADY", HttpStatus.CONFLICT, "该居民已扫码签到，不能登记为未到场");
    static final ErrorCode ARRIVAL_NO_BOOKING = new ErrorCode("ARRIVAL_NO_BOOKING", HttpStatus.CONFLICT, "您在本驿站当前时段没有预约，请在预约时段开始前15分钟至结束前扫码签到");
    static final ErrorCode ARRIVAL_STATION_NOT_FOUND = new ErrorCode("ARRIVAL_STATION_NOT_FOUND", HttpStatus.NOT_FOUND, "未识别的驿站二维码，请扫描驿站张贴的二维码");
    static final ErrorCode CONTACT_INCOMPLETE = new ErrorCode("CONTACT_INCOMPLETE", HttpStatus.BAD_REQUEST, "为家人预约时请填写家人的姓名和手机号");
    static final ErrorCode PHONE_CODE_INVALID = new ErrorCode("PHONE_CODE_INVALID", HttpStatus.BAD_REQUEST, "获取手机号失败，请重试或手动填写");
    static final ErrorCode SERVICE_NOT_FOUND = new ErrorCode("SERVICE_NOT_FOUND", HttpStatus.BAD_REQUEST, "服务事项不存在");
    static final ErrorCode SERVICE_NOT_AT_STATION = new ErrorCode("SERVICE_NOT_AT_STATION", HttpStatus.BAD_REQUEST, "该驿站不提供这项服务，请先在驿站的服务清单中添加");
    static final ErrorCode SERVICE_NOT_BOOKABLE = new ErrorCode("SERVICE_NOT_BOOKABLE", HttpStatus.BAD_REQUEST, "这项服务目前不接受预约，请选择其他服务事项");
    static final ErrorCode RULE_NOT_FOUND = new ErrorCode("RULE_NOT_FOUND", HttpStatus.NOT_FOUND, "预约规则不存在");
    static final ErrorCode CLOSURE_EXISTS = new ErrorCode("CLOSURE_EXISTS", HttpStatus.CONFLICT, "这一天已设置过闭站");
    static final ErrorCode CLOSURE_NOT_FOUND = new ErrorCode("CLOSURE_NOT_FOUND", HttpStatus.NOT_FOUND, "闭站记录不存在");

    private BookingError() {
    }
}
