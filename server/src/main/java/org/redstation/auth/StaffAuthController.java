package org.redstation.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "社区工作人员账号")
class StaffAuthController {
    private final StaffService staff;
    private final org.redstation.common.RateLimits limits;

    StaffAuthController(StaffService staff, org.redstation.common.RateLimits limits) {
        this.staff = staff;
        this.limits = limits;
    }

    record StaffLoginRequest(@NotBlank(message = "不能为空") @Size(max = 64, message = "长度不能超过64") String username,
                             @NotBlank(message = "不能为空") @Size(max = 128, message = "长度不能超过128") String password) {
    }

    /**
     * {@code role} defaults to community staff; {@code communityId} for community staff, {@code streetId} for street
     * administrators; {@code mustChangePassword}: the new account changes its initial password at first sign-in.
     */
    record NewStaffRequest(
            @NotBlank(message = "不能为空") @Size(max = 64, message = Usernames.RULE) String username,
            @NotBlank(message = "不能为空") @Size(min = 8, max = 72, message = "长度应为8到72位") String password,
            @NotBlank(message = "不能为空") @Size(max = 32, message = "长度不能超过32") String displayName,
            StaffRole role,
            Long communityId,
            Long streetId,
            Boolean mustChangePassword) {
    }

    record PasswordChangeRequest(@NotBlank(message = "不能为空") @Size(max = 128, message = "长度不能超过128") String currentPassword,
                                 @NotBlank(message = "不能为空") @Size(min = 8, max = 72, message = "长度应为8到72位") String newPassword) {
    }

    @Operation(summary = "工作人员登录（passwordChangeRequired 为 true 时先修改密码）")
    @PostMapping("/api/staff/auth/login")
    StaffService.StaffLogin login(@Valid @RequestBody StaffLoginRequest req, HttpServletRequest http) {
        // every try per client address (429 RATE_LIMITED); failures are also counted per address and per account
        limits.check("staff-login-ip", http.getRemoteAddr());
        return staff.login(req.username(), req.password(), http.getRemoteAddr());
    }

    @Operation(summary = "修改自己的密码（首次登录必须先修改初始密码）")
    @PostMapping("/api/staff/auth/password")
    ResponseEntity<Void> changePassword(@PasswordChangePending CurrentStaff me, @Valid @RequestBody PasswordChangeRequest req) {
        staff.changePassword(me, req.currentPassword(), req.newPassword());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "当前工作人员")
    @GetMapping("/api/staff/me")
    CurrentStaff me(CurrentStaff me) {
        return me;
    }

    @Operation(summary = "新建工作人员账号（区级管理员：任意角色；街道管理员：本街道社区工作人员）")
    @PostMapping("/api/staff/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    CurrentStaff create(CurrentStaff me, @Valid @RequestBody NewStaffRequest req) {
        StaffRole role = req.role() == null ? StaffRole.COMMUNITY_STAFF : req.role();
        return staff.create(me, new StaffService.NewStaff(req.username(), req.password(), req.displayName(), role,
                req.communityId(), req.streetId(), Boolean.TRUE.equals(req.mustChangePassword())));
    }
}
