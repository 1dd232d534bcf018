package org.redstation.auth;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "社区工作人员账号")
class StaffAccountsController {
    private final StaffAccounts accounts;

    StaffAccountsController(StaffAccounts accounts) {
        this.accounts = accounts;
    }

    @Operation(summary = "工作人员账号列表（管理员；区级：全部，街道：本街道社区工作人员）")
    @GetMapping("/api/staff/accounts")
    StaffAccounts.AccountPage list(CurrentStaff me, @RequestParam(required = false) StaffRole role,
                                   @RequestParam(required = false) Long communityId,
                                   @RequestParam(required = false) String keyword,
                                   @RequestParam(required = false) Boolean enabled,
                                   @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        return accounts.list(me, new StaffAccounts.Filter(role, communityId, keyword, enabled), Math.max(1, page),
                Math.max(1, Math.min(size, 100)));
    }

    @Operation(summary = "停用工作人员账号（立即失效，微信绑定随之失效）")
    @PostMapping("/api/staff/accounts/{id}/disable")
    StaffAccounts.AccountView disable(CurrentStaff me, @PathVariable long id) {
        return accounts.setEnabled(me, id, false);
    }

    @Operation(summary = "重新启用工作人员账号")
    @PostMapping("/api/staff/accounts/{id}/enable")
    StaffAccounts.AccountView enable(CurrentStaff me, @PathVariable long id) {
        return accounts.setEnabled(me, id, true);
    }
}
