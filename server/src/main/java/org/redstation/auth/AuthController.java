package org.redstation.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.redstation.common.BizException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "登录")
class AuthController {
    private final AuthService auth;
    private final AppUserMapper users;
    private final org.redstation.common.RateLimits limits;

    AuthController(AuthService auth, AppUserMapper users, org.redstation.common.RateLimits limits) {
        this.limits = limits;
        this.auth = auth;
        this.users = users;
    }

    record LoginRequest(
            @NotBlank(message = "不能为空") @Size(max = 128, message = "长度不能超过128")
            @Pattern(regexp = "[A-Za-z0-9_.\\-]+", message = "格式不正确") String code) {
    }

    @Operation(summary = "小程序登录：用 wx.login 得到的 code 换取会话令牌")
    @PostMapping("/api/auth/login")
    AuthService.LoginResult login(@Valid @RequestBody LoginRequest req, HttpServletRequest http) {
        // each login is a WeChat call (a pool of 10 connections): per client address, and per code (429 RATE_LIMITED)
        limits.check("mini-login-ip", http.getRemoteAddr());
        limits.check("mini-login-code", req.code());
        return auth.login(req.code());
    }

    @Operation(summary = "退出登录")
    @PostMapping("/api/auth/logout")
    ResponseEntity<Void> logout(HttpServletRequest req) {
        String token = AuthArgumentResolver.bearer(req);
        if (token == null) {
            throw new BizException(AuthError.AUTH_TOKEN_MISSING);
        }
        auth.logout(token);
        return ResponseEntity.noContent().build();
    }

    record ElderModeRequest(@jakarta.validation.constraints.NotNull(message = "请选择开或关") Boolean on) {
    }

    @Operation(summary = "关怀模式（大字、大按钮）开关，按用户保存")
    @org.springframework.web.bind.annotation.PutMapping("/api/me/elder-mode")
    AuthService.UserView elderMode(CurrentUser user, @Valid @RequestBody ElderModeRequest req) {
        return auth.setElderMode(user.id(), req.on());
    }

    @Operation(summary = "当前用户")
    @GetMapping("/api/me")
    AuthService.UserView me(CurrentUser user) {
        return AuthService.UserView.of(users.selectById(user.id()));
    }
}
