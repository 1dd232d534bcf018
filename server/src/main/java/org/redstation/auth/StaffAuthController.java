package org.redstation.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "社区工作人员账号")
class StaffAuthController {
    private final StaffService staff;

    StaffAuthController(StaffService staff) {
        this.staff = staff;
    }

    record StaffLoginRequest(@NotBlank(message = "不能为空") @Size(max = 32, message = "长度不能超过32") String username,
                             @NotBlank(message = "不能为空") @Size(max = 128, message = "长度不能超过128") String password) {
    }

    record NewStaffRequest(
            @NotBlank(message = "不能为空") @Pattern(regexp = "[A-Za-z0-9_.\\-]{3,32}", message = "只能包含字母、数字和_.-，3到32位") String username,
            @NotBlank(message = "不能为空") @Size(min = 8, max = 128, message = "长度应为8到128位") String password,
            @NotBlank(message = "不能为空") @Size(max = 32, message = "长度不能超过32") String displayName,
            Long communityId,
            boolean admin) {
    }

    @Operation(summary = "工作人员登录")
    @PostMapping("/api/staff/auth/login")
    StaffService.StaffLogin login(@Valid @RequestBody StaffLoginRequest req) {
        return staff.login(req.username(), req.password());
    }

    @Operation(summary = "当前工作人员")
    @GetMapping("/api/staff/me")
    CurrentStaff me(CurrentStaff me) {
        return me;
    }

    @Operation(summary = "新建工作人员账号（管理员）")
    @PostMapping("/api/staff/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    CurrentStaff create(CurrentStaff me, @Valid @RequestBody NewStaffRequest req) {
        me.requireAdmin();
        return staff.create(req.username(), req.password(), req.displayName(), req.communityId(), req.admin());
    }
}
