package org.redstation.notify;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.redstation.auth.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "消息：订阅授权与消息中心")
class NotifyController {
    private final Consents consents;
    private final MessageCentre centre;
    private final NotifyProperties props;

    NotifyController(Consents consents, MessageCentre centre, NotifyProperties props) {
        this.consents = consents;
        this.centre = centre;
        this.props = props;
    }

    @Operation(summary = "订阅消息模板：模板键 → 模板 id（供 wx.requestSubscribeMessage）")
    @GetMapping("/api/notify/templates")
    Map<String, Object> templates() {
        return Map.of("templates", props.templates());
    }

    record ConsentReport(@NotEmpty(message = "请告诉我们订阅结果") @Size(max = 10, message = "一次最多10个模板")
                         Map<String, String> results) {
    }

    @Operation(summary = "上报订阅结果 {results: {模板键或模板id: accept|reject}}，返回各模板剩余可发次数")
    @PostMapping("/api/notify/consents")
    Map<String, Object> report(CurrentUser user, @Valid @RequestBody ConsentReport req) {
        return Map.of("balances", consents.report(user.id(), req.results()));
    }

    @Operation(summary = "我的订阅余额：每个模板还可以发几次微信通知")
    @GetMapping("/api/notify/consents")
    Map<String, Object> balances(CurrentUser user) {
        return Map.of("balances", consents.balances(user.id()));
    }

    @Operation(summary = "消息中心（最新在前，分页）")
    @GetMapping("/api/notify/messages")
    MessageCentre.MessagePage messages(CurrentUser user, @RequestParam(defaultValue = "1") int page,
                                       @RequestParam(defaultValue = "20") int size) {
        return centre.page(user.id(), page, size);
    }

    @Operation(summary = "未读消息数")
    @GetMapping("/api/notify/messages/unread-count")
    MessageCentre.Unread unread(CurrentUser user) {
        return centre.unread(user.id());
    }

    @Operation(summary = "标记一条消息已读")
    @PostMapping("/api/notify/messages/{id}/read")
    MessageCentre.Unread read(CurrentUser user, @PathVariable long id) {
        return centre.markRead(user.id(), id);
    }

    @Operation(summary = "全部标记已读")
    @PostMapping("/api/notify/messages/read-all")
    MessageCentre.Unread readAll(CurrentUser user) {
        return centre.markAllRead(user.id());
    }
}
