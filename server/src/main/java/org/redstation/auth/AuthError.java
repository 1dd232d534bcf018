package org.redstation.auth;

import org.redstation.common.ErrorCode;
import org.springframework.http.HttpStatus;

public final class AuthError {
    public static final ErrorCode AUTH_TOKEN_MISSING = new ErrorCode("AUTH_TOKEN_MISSING", HttpStatus.UNAUTHORIZED, "请先登录");
    public static final ErrorCode AUTH_TOKEN_INVALID = new ErrorCode("AUTH_TOKEN_INVALID", HttpStatus.UNAUTHORIZED, "登录状态无效，请重新登录");
    public static final ErrorCode AUTH_TOKEN_EXPIRED = new ErrorCode("AUTH_TOKEN_EXPIRED", HttpStatus.UNAUTHORIZED, "登录已过期，请重新登录");
    public static final ErrorCode STAFF_LOGIN_REQUIRED = new ErrorCode("STAFF_LOGIN_REQUIRED", HttpStatus.FORBIDDEN, "请使用社区工作人员账号登录");
    public static final ErrorCode USER_LOGIN_REQUIRED = new ErrorCode("USER_LOGIN_REQUIRED", HttpStatus.FORBIDDEN, "请在小程序中登录后使用");
    public static final ErrorCode ROLE_REQUIRED = new ErrorCode("ROLE_REQUIRED", HttpStatus.FORBIDDEN, "您没有权限使用该功能");
    public static final ErrorCode WX_CODE_INVALID = new ErrorCode("WX_CODE_INVALID", HttpStatus.BAD_REQUEST, "微信登录凭证无效，请重新进入小程序");
    public static final ErrorCode WX_RATE_LIMITED = new ErrorCode("WX_RATE_LIMITED", HttpStatus.TOO_MANY_REQUESTS, "登录太频繁，请稍后再试");
    public static final ErrorCode STAFF_LOGIN_FAILED = new ErrorCode("STAFF_LOGIN_FAILED", HttpStatus.UNAUTHORIZED, "用户名或密码错误");
    public static final ErrorCode STAFF_LOGIN_LOCKED = new ErrorCode("STAFF_LOGIN_LOCKED", HttpStatus.TOO_MANY_REQUESTS, "密码错误次数太多，请稍后再试（最长等待15分钟）");
    public static final ErrorCode STAFF_LOGIN_IP_LIMITED = new ErrorCode("STAFF_LOGIN_IP_LIMITED", HttpStatus.TOO_MANY_REQUESTS, "登录失败次数太多，请15分钟后再试");
    public static final ErrorCode PASSWORD_CHANGE_REQUIRED = new ErrorCode("PASSWORD_CHANGE_REQUIRED", HttpStatus.FORBIDDEN, "首次登录请先修改初始密码");
    public static final ErrorCode STAFF_PASSWORD_WRONG = new ErrorCode("STAFF_PASSWORD_WRONG", HttpStatus.BAD_REQUEST, "当前密码不正确");
    public static final ErrorCode STAFF_PASSWORD_UNCHANGED = new ErrorCode("STAFF_PASSWORD_UNCHANGED", HttpStatus.BAD_REQUEST, "新密码不能与当前密码相同");
    public static final ErrorCode STAFF_USERNAME_TAKEN = new ErrorCode("STAFF_USERNAME_TAKEN", HttpStatus.CONFLICT, "该用户名已被使用");

    private AuthError() {
    }
}
