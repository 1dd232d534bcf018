package org.redstation.duty;

import org.redstation.common.ErrorCode;
import org.springframework.http.HttpStatus;

/** Refusals of the member and duty features. */
enum DutyError implements ErrorCode {
    MEMBER_ALREADY_REGISTERED(HttpStatus.CONFLICT, "您已提交过报到登记，请勿重复提交"),
    MEMBER_PHONE_CODE_INVALID(HttpStatus.BAD_REQUEST, "手机号授权已失效，请重新点击获取手机号"),
    MEMBER_NOT_FOUND(HttpStatus.NOT_FOUND, "没有找到这条报到登记"),
    MEMBER_NOT_PENDING(HttpStatus.CONFLICT, "这条报到登记已经审核过了"),
    ORG_NOT_FOUND(HttpStatus.BAD_REQUEST, "所选党组织不属于该社区，请重新选择"),
    ORG_EXISTS(HttpStatus.CONFLICT, "该社区已登记同名党组织"),
    RESOURCE_LIMIT(HttpStatus.CONFLICT, "资源清单最多登记20项"),
    RESOURCE_NOT_FOUND(HttpStatus.NOT_FOUND, "没有找到这项资源"),
    DUTY_NOT_MEMBER(HttpStatus.FORBIDDEN, "请先完成党员双报到登记，审核通过后才能认领值班"),
    DUTY_MEMBER_NOT_APPROVED(HttpStatus.FORBIDDEN, "您的报到登记还没有审核通过，暂时不能值班"),
    STATION_NOT_FOUND(HttpStatus.NOT_FOUND, "没有找到这个驿站"),
    SHIFT_NOT_FOUND(HttpStatus.NOT_FOUND, "没有找到这个值班班次"),
    SHIFT_TIME_INVALID(HttpStatus.BAD_REQUEST, "值班时间不正确：开始时间要晚于现在，一个班次最长12小时"),
    SHIFT_EXISTS(HttpStatus.CONFLICT, "该驿站这个时间已经有同类班次了"),
    SHIFT_FULL(HttpStatus.CONFLICT, "这个班次已经满员了，请选择其他班次"),
    SHIFT_PAST(HttpStatus.CONFLICT, "这个班次已经开始或结束，不能再认领"),
    SHIFT_CANCELLED(HttpStatus.CONFLICT, "这个班次已被社区取消"),
    SHIFT_ALREADY_CLAIMED(HttpStatus.CONFLICT, "您已经认领了这个班次"),
    SHIFT_OVERLAP(HttpStatus.CONFLICT, "您在这个时间已经有其他值班了，同一时间只能值一个班"),
    SHIFT_OTHER_COMMUNITY(HttpStatus.FORBIDDEN, "只能认领您报到社区的驿站班次"),
    CLAIM_NOT_FOUND(HttpStatus.NOT_FOUND, "您没有认领这个班次"),
    RELEASE_TOO_LATE(HttpStatus.CONFLICT, "离开始时间太近，不能再取消认领，如有急事请联系社区"),
    CHECKIN_NO_SHIFT(HttpStatus.CONFLICT, "您现在没有可签到的值班班次，请先认领班次"),
    CHECKIN_OUTSIDE_WINDOW(HttpStatus.CONFLICT, "现在不在签到时间内"),
    CHECKIN_TOO_FAR(HttpStatus.BAD_REQUEST, "您离驿站太远了，请到驿站后再签到"),
    CHECKIN_ALREADY(HttpStatus.CONFLICT, "您已经签到过了"),
    CHECKOUT_NOT_CHECKED_IN(HttpStatus.CONFLICT, "您还没有签到，不能签退"),
    DUTY_BUSY(HttpStatus.TOO_MANY_REQUESTS, "认领的人太多了，请稍后再试"),
    DUTY_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "值班服务暂时不可用，请稍后再试");

    private final HttpStatus status;
    private final String message;

    DutyError(HttpStatus status, String message) {
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
