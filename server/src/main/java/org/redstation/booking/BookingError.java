package org.redstation.booking;

import org.redstation.common.ErrorCode;
import org.springframework.http.HttpStatus;

/** Refusals of the booking module. */
enum BookingError implements ErrorCode {
    SLOT_NOT_FOUND(HttpStatus.NOT_FOUND, "该时段不存在或已下线"),
    STATION_NOT_FOUND(HttpStatus.NOT_FOUND, "驿站不存在"),
    SLOT_OTHER_STATION(HttpStatus.BAD_REQUEST, "该时段不属于所选驿站，请重新选择"),
    SLOT_PAST(HttpStatus.BAD_REQUEST, "该时段已经开始或已过去，请选择其他时段"),
    SLOT_CLOSED(HttpStatus.CONFLICT, "该时段因节假日或临时安排暂停服务，请选择其他时段"),
    SERVICE_NOT_OFFERED(HttpStatus.BAD_REQUEST, "该时段不提供所选服务事项，请重新选择"),
    SLOT_FULL(HttpStatus.CONFLICT, "该时段名额已满，可以加入候补或选择其他时段"),
    WAITLIST_CLOSED(HttpStatus.CONFLICT, "该时段名额已满，且不设候补，请选择其他时段"),
    ALREADY_BOOKED(HttpStatus.CONFLICT, "您已预约过这个时段，无需重复预约"),
    BOOKING_RESTRICTED(HttpStatus.FORBIDDEN, "您近期多次预约未到，暂时不能预约，如有疑问请联系社区"),
    BOOKING_NOT_FOUND(HttpStatus.NOT_FOUND, "预约记录不存在"),
    BOOKING_NOT_YOURS(HttpStatus.FORBIDDEN, "只能取消自己的预约"),
    BOOKING_NOT_ACTIVE(HttpStatus.CONFLICT, "该预约已取消或已结束"),
    CANCEL_TOO_LATE(HttpStatus.CONFLICT, "已过取消截止时间，如不能前来请电话联系驿站"),
    ATTENDANCE_TOO_EARLY(HttpStatus.CONFLICT, "时段开始后才能登记到场情况"),
    SERVICE_NOT_FOUND(HttpStatus.BAD_REQUEST, "服务事项不存在"),
    RULE_NOT_FOUND(HttpStatus.NOT_FOUND, "预约规则不存在"),
    CLOSURE_EXISTS(HttpStatus.CONFLICT, "这一天已设置过闭站"),
    CLOSURE_NOT_FOUND(HttpStatus.NOT_FOUND, "闭站记录不存在");

    private final HttpStatus status;
    private final String message;

    BookingError(HttpStatus status, String message) {
        this.status = status;
        this.message = message;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String message() {
        return message;
    }
}
