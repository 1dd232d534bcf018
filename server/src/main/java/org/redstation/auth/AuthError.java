package org.redstation.auth;

import org.redstation.common.ErrorCode;
import org.springframework.http.HttpStatus;

public enum AuthError implements ErrorCode {
    AUTH_TOKEN_MISSING(HttpStatus.UNAUTHORIZED, "请先登录"),
    AUTH_TOKEN_INVALID(HttpStatus.UNAUTHORIZED, "登录状态无效，请重新登录"),
    AUTH_TOKEN_EXPIRED(HttpStatus.UNAUTHORIZED, "登录已过期，请重新登录"),
    STAFF_LOGIN_REQUIRED(HttpStatus.FORBIDDEN, "请使用社区工作人员账号登录"),
    USER_LOGIN_REQUIRED(HttpStatus.FORBIDDEN, "请在小程序中登录后使用"),
    ROLE_REQUIRED(HttpStatus.FORBIDDEN, "您没有权限使用该功能"),
    WX_CODE_INVALID(HttpStatus.BAD_REQUEST, "微信登录凭证无效，请重新进入小程序"),
    WX_RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS, "登录太频繁，请稍后再试"),
    STAFF_LOGIN_FAILED(HttpStatus.UNAUTHORIZED, "用户名或密码错误"),
    STAFF_LOGIN_LOCKED(HttpStatus.TOO_MANY_REQUESTS, "密码错误次数太多，请15分钟后再试"),
    STAFF_USERNAME_TAKEN(HttpStatus.CONFLICT, "该用户名已被使用");

    private final HttpStatus status;
    private final String message;

    AuthError(HttpStatus status, String message) {
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
