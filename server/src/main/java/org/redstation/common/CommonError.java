package org.redstation.common;

import org.springframework.http.HttpStatus;

/** Errors shared by every module. */
public enum CommonError implements ErrorCode {
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST, "请求参数有误"),
    BAD_REQUEST_BODY(HttpStatus.BAD_REQUEST, "请求内容格式不正确"),
    NOT_FOUND(HttpStatus.NOT_FOUND, "您要找的内容不存在"),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED, "不支持这种请求方式"),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请求内容类型不正确"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "您没有权限进行此操作"),
    CONFLICT(HttpStatus.CONFLICT, "数据已被修改，请刷新后重试"),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS, "操作太频繁，请稍后再试"),
    SERVICE_BUSY(HttpStatus.SERVICE_UNAVAILABLE, "系统繁忙，请稍后再试"),
    WECHAT_UNAVAILABLE(HttpStatus.BAD_GATEWAY, "微信服务暂时不可用，请稍后再试"),
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "服务器开小差了，请稍后再试");

    private final HttpStatus status;
    private final String message;

    CommonError(HttpStatus status, String message) {
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
