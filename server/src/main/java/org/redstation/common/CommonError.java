package org.redstation.common;

import org.springframework.http.HttpStatus;

/** Errors shared by every module. */
public final class CommonError {
    public static final ErrorCode VALIDATION_FAILED = new ErrorCode("VALIDATION_FAILED", HttpStatus.BAD_REQUEST, "请求参数有误");
    public static final ErrorCode BAD_REQUEST_BODY = new ErrorCode("BAD_REQUEST_BODY", HttpStatus.BAD_REQUEST, "请求内容格式不正确");
    public static final ErrorCode NOT_FOUND = new ErrorCode("NOT_FOUND", HttpStatus.NOT_FOUND, "您要找的内容不存在");
    public static final ErrorCode METHOD_NOT_ALLOWED = new ErrorCode("METHOD_NOT_ALLOWED", HttpStatus.METHOD_NOT_ALLOWED, "不支持这种请求方式");
    public static final ErrorCode UNSUPPORTED_MEDIA_TYPE = new ErrorCode("UNSUPPORTED_MEDIA_TYPE", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请求内容类型不正确");
    public static final ErrorCode FORBIDDEN = new ErrorCode("FORBIDDEN", HttpStatus.FORBIDDEN, "您没有权限进行此操作");
    public static final ErrorCode CONFLICT = new ErrorCode("CONFLICT", HttpStatus.CONFLICT, "数据已被修改，请刷新后重试");
    public static final ErrorCode TOO_MANY_REQUESTS = new ErrorCode("TOO_MANY_REQUESTS", HttpStatus.TOO_MANY_REQUESTS, "操作太频繁，请稍后再试");
    /** A rate limit ({@link RateLimits}) is used up; the answer carries Retry-After. */
    public static final ErrorCode RATE_LIMITED = new ErrorCode("RATE_LIMITED", HttpStatus.TOO_MANY_REQUESTS, "操作太频繁，请稍后再试");
    public static final ErrorCode SERVICE_BUSY = new ErrorCode("SERVICE_BUSY", HttpStatus.SERVICE_UNAVAILABLE, "系统繁忙，请稍后再试");
    public static final ErrorCode WECHAT_UNAVAILABLE = new ErrorCode("WECHAT_UNAVAILABLE", HttpStatus.BAD_GATEWAY, "微信服务暂时不可用，请稍后再试");
    public static final ErrorCode INTERNAL_ERROR = new ErrorCode("INTERNAL_ERROR", HttpStatus.INTERNAL_SERVER_ERROR, "服务器开小差了，请稍后再试");

    private CommonError() {
    }
}
