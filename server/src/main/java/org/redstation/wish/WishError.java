package org.redstation.wish;

import org.redstation.common.ErrorCode;
import org.springframework.http.HttpStatus;

/** Errors of the wish module (needs, wishes, volunteer activities). */
public final class WishError {
    public static final ErrorCode WISH_NOT_FOUND = new ErrorCode("WISH_NOT_FOUND", HttpStatus.NOT_FOUND, "没有找到这条心愿");
    public static final ErrorCode WISH_NOT_YOURS = new ErrorCode("WISH_NOT_YOURS", HttpStatus.FORBIDDEN, "这不是您的心愿，不能进行此操作");
    public static final ErrorCode WISH_NOT_ASSIGNED_TO_YOU = new ErrorCode("WISH_NOT_ASSIGNED_TO_YOU", HttpStatus.FORBIDDEN, "这条心愿没有派给您");
    public static final ErrorCode WISH_ILLEGAL_TRANSITION = new ErrorCode("WISH_ILLEGAL_TRANSITION", HttpStatus.CONFLICT, "当前状态下不能进行这个操作");
    public static final ErrorCode WISH_ALREADY_RATED = new ErrorCode("WISH_ALREADY_RATED", HttpStatus.CONFLICT, "您已经评价过了，每条心愿只能评价一次");
    public static final ErrorCode WISH_CHANGED = new ErrorCode("WISH_CHANGED", HttpStatus.CONFLICT, "这条心愿刚被别人处理过，请刷新后再看");
    public static final ErrorCode WISH_PHOTO_LIMIT = new ErrorCode("WISH_PHOTO_LIMIT", HttpStatus.CONFLICT, "最多只能上传3张照片");
    public static final ErrorCode WISH_PHOTO_TOO_LARGE = new ErrorCode("WISH_PHOTO_TOO_LARGE", HttpStatus.PAYLOAD_TOO_LARGE, "照片太大了，请选择5MB以内的照片");
    public static final ErrorCode WISH_PHOTO_NOT_IMAGE = new ErrorCode("WISH_PHOTO_NOT_IMAGE", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "只能上传JPG或PNG格式的照片");
    public static final ErrorCode WISH_ASSIGNEE_NOT_FOUND = new ErrorCode("WISH_ASSIGNEE_NOT_FOUND", HttpStatus.UNPROCESSABLE_ENTITY, "没有找到这个接单对象，或它不属于本社区");
    public static final ErrorCode PROJECT_NOT_FOUND = new ErrorCode("PROJECT_NOT_FOUND", HttpStatus.NOT_FOUND, "没有找到这个服务项目");
    public static final ErrorCode TEAM_NOT_FOUND = new ErrorCode("TEAM_NOT_FOUND", HttpStatus.NOT_FOUND, "没有找到这支志愿服务队");
    public static final ErrorCode ACTIVITY_NOT_FOUND = new ErrorCode("ACTIVITY_NOT_FOUND", HttpStatus.NOT_FOUND, "没有找到这个活动");
    public static final ErrorCode ACTIVITY_FULL = new ErrorCode("ACTIVITY_FULL", HttpStatus.CONFLICT, "活动名额已满");
    public static final ErrorCode ACTIVITY_CLOSED = new ErrorCode("ACTIVITY_CLOSED", HttpStatus.CONFLICT, "活动已开始、已结束或已取消，不能报名");
    public static final ErrorCode ACTIVITY_ALREADY_JOINED = new ErrorCode("ACTIVITY_ALREADY_JOINED", HttpStatus.CONFLICT, "您已经报名了这个活动");
    public static final ErrorCode ACTIVITY_TEAM_ONLY = new ErrorCode("ACTIVITY_TEAM_ONLY", HttpStatus.FORBIDDEN, "这个活动只对本服务队队员开放");
    public static final ErrorCode ACTIVITY_NOT_JOINED = new ErrorCode("ACTIVITY_NOT_JOINED", HttpStatus.CONFLICT, "您没有报名这个活动");
    public static final ErrorCode CHECKIN_WRONG_STATION = new ErrorCode("CHECKIN_WRONG_STATION", HttpStatus.CONFLICT, "扫的不是活动所在驿站的二维码");
    public static final ErrorCode CHECKIN_NOT_NOW = new ErrorCode("CHECKIN_NOT_NOW", HttpStatus.CONFLICT, "不在活动时间内，不能签到");
    public static final ErrorCode CHECKIN_TWICE = new ErrorCode("CHECKIN_TWICE", HttpStatus.CONFLICT, "您已经签到过了");

    private WishError() {
    }
}
