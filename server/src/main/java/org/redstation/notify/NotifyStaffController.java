package org.redstation.notify;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.redstation.auth.CurrentStaff;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "区级管理员：订阅消息发送情况")
class NotifyStaffController {
    private final OutboxAdmin admin;

    NotifyStaffController(OutboxAdmin admin) {
        this.admin = admin;
    }

    @Operation(summary = "订阅消息列表（默认：发送失败的）")
    @GetMapping("/api/staff/notify/outbox")
    List<OutboxAdmin.OutboxView> list(CurrentStaff staff, @RequestParam(required = false) String status) {
        return admin.list(staff, status);
    }

    @Operation(summary = "重发一条发送失败的订阅消息")
    @PostMapping("/api/staff/notify/outbox/{id}/retry")
    OutboxAdmin.OutboxView retry(CurrentStaff staff, @PathVariable long id) {
        return admin.retry(staff, id);
    }
}
