package org.redstation.duty;

import org.redstation.common.ErrorCode;
import org.springframework.http.HttpStatus;

/** Refusals of the member and duty features. */
final class DutyError {
    static final ErrorCode MEMBER_ALREADY_REGISTERED = new ErrorCode("MEMBER_ALREADY_REGISTERED", HttpStatus.CONFLICT, "您已提交过报到登记，请勿重复提交");
    static final ErrorCode MEMBER_PHONE_CODE_INVALID = new ErrorCode("MEMBER_PHONE_CODE_INVALID", HttpStatus.BAD_REQUEST, "手机号授权已失效，请重新点击获取手机号");
    static final ErrorCode MEMBER_NOT_FOUND = new ErrorCode("MEMBER_NOT_FOUND", HttpStatus.NOT_FOUND, "没有找到这条报到登记");
    static final ErrorCode MEMBER_NOT_PENDING = new ErrorCode("MEMBER_NOT_PENDING", HttpStatus.CONFLICT, "这条报到登记已经审核过了");
    static final ErrorCode ORG_NOT_FOUND = new ErrorCode("ORG_NOT_FOUND", HttpStatus.BAD_REQUEST, "所选党组织不属于该社区，请重新选择");
    static final ErrorCode ORG_EXISTS = new ErrorCode("ORG_EXISTS", HttpStatus.CONFLICT, "该社区已登记同名党组织");
    static final ErrorCode RESOURCE_LIMIT = new ErrorCode("RESOURCE_LIMIT", HttpStatus.CONFLICT, "资源清单最多登记20项");
    static final ErrorCode RESOURCE_NOT_FOUND = new ErrorCode("RESOURCE_NOT_FOUND", HttpStatus.NOT_FOUND, "没有找到这项资源");
    static final ErrorCode DUTY_NOT_MEMBER = new ErrorCode("DUTY_NOT_MEMBER", HttpStatus.FORBIDDEN, "请先完成党员双报到登记，审核通过后才能认领值班");
    static final ErrorCode DUTY_MEMBER_NOT_APPROVED = new ErrorCode("DUTY_MEMBER_NOT_APPROVED", HttpStatus.FORBIDDEN, "您的报到登记还没有审核通过，暂时不能值班");
    static final ErrorCode STATION_NOT_FOUND = new ErrorCode("STATION_NOT_FOUND", HttpStatus.NOT_FOUND, "没有找到这个驿站");
    static final ErrorCode SHIFT_NOT_FOUND = new ErrorCode("SHIFT_NOT_FOUND", HttpStatus.NOT_FOUND, "没有找到这个值班班次");
    static final ErrorCode SHIFT_TIME_INVALID = new ErrorCode("SHIFT_TIME_INVALID", HttpStatus.BAD_REQUEST, "值班时间不正确：开始时间要晚于现在，一个班次最长12小时");
    static final ErrorCode PATTERN_NOT_FOUND = new ErrorCode("PATTERN_NOT_FOUND", HttpStatus.NOT_FOUND, "没有找到这条班次规律");
    static final ErrorCode SHIFT_EXISTS = new ErrorCode("SHIFT_EXISTS", HttpStatus.CONFLICT, "该驿站这个时间已经有同类班次了");
    static final ErrorCode SHIFT_FULL = new ErrorCode("SHIFT_FULL", HttpStatus.CONFLICT, "这个班次已经满员了，请选择其他班次");
    static final ErrorCode SHIFT_PAST = new ErrorCode("SHIFT_PAST", HttpStatus.CONFLICT, "这个班次已经开始或结束，不能再认领");
    static final ErrorCode SHIFT_CANCELLED = new ErrorCode("SHIFT_CANCELLED", HttpStatus.CONFLICT, "这个班次已被社区取消");
    static final ErrorCode SHIFT_ALREADY_CLAIMED = new ErrorCode("SHIFT_ALREADY_CLAIMED", HttpStatus.CONFLICT, "您已经认领了这个班次");
    static final ErrorCode SHIFT_OVERLAP = new ErrorCode("SHIFT_OVERLAP", HttpStatus.CONFLICT, "您在这个时间已经有其他值班了，同一时间只能值一个班");
    static final ErrorCode SHIFT_OTHER_COMMUNITY = new ErrorCode("SHIFT_OTHER_COMMUNITY", HttpStatus.FORBIDDEN, "只能认领您报到社区的驿站班次");
    static final ErrorCode CLAIM_NOT_FOUND = new ErrorCode("CLAIM_NOT_FOUND", HttpStatus.NOT_FOUND, "您没有认领这个班次");
    static final ErrorCode RELEASE_TOO_LATE = new ErrorCode("RELEASE_TOO_LATE", HttpStatus.CONFLICT, "离开始时间太近，不能再取消认领，如有急事请联系社区");
    static final ErrorCode CHECKIN_NO_SHIFT = new ErrorCode("CHECKIN_NO_SHIFT", HttpStatus.CONFLICT, "您现在没有可签到的值班班次，请先认领班次");
    static final ErrorCode CHECKIN_OUTSIDE_WINDOW = new ErrorCode("CHECKIN_OUTSIDE_WINDOW", HttpStatus.CONFLICT, "现在不在签到时间内");
    static final ErrorCode CHECKIN_TOO_FAR = new ErrorCode("CHECKIN_TOO_FAR", HttpStatus.BAD_REQUEST, "您离驿站太远了，请到驿站后再签到");
    static final ErrorCode CHECKIN_PROOF_REQUIRED = new ErrorCode("CHECKIN_PROOF_REQUIRED", HttpStatus.BAD_REQUEST, "请扫描驿站的二维码或允许获取位置后再签到");
    static final ErrorCode CHECKIN_ALREADY = new ErrorCode("CHECKIN_ALREADY", HttpStatus.CONFLICT, "您已经签到过了");
    static final ErrorCode CHECKOUT_NOT_CHECKED_IN = new ErrorCode("CHECKOUT_NOT_CHECKED_IN", HttpStatus.CONFLICT, "您还没有签到，不能签退");
    static final ErrorCode DUTY_BUSY = new ErrorCode("DUTY_BUSY", HttpStatus.TOO_MANY_REQUESTS, "认领的人太多了，请稍后再试");
    static final ErrorCode DUTY_UNAVAILABLE = new ErrorCode("DUTY_UNAVAILABLE", HttpStatus.SERVICE_UNAVAILABLE, "值班服务暂时不可用，请稍后再试");

    private DutyError() {
    }
}
