package org.redstation.chat;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.redstation.auth.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The mini-program assistant page: the resident's thread with the bot and staff (JSON adapter over the bot brain). */
@RestController
@RequestMapping("/api/assistant")
class AssistantController {
    private final AssistantService assistant;

    AssistantController(AssistantService assistant) {
        this.assistant = assistant;
    }

    record Ask(@NotBlank(message = "请输入文字内容") @Size(max = 600, message = "消息太长了，请分几次发送（每次不超过600字）") String text,
               @Size(max = 64, message = "不能超过64个字符") @Pattern(regexp = "[A-Za-z0-9_.:\\-]*", message = "格式不正确")
               String clientMsgId,
               @jakarta.validation.constraints.DecimalMin(value = "-90", message = "位置不正确") @jakarta.validation.constraints.DecimalMax(value = "90", message = "位置不正确") Double latitude,
               @jakarta.validation.constraints.DecimalMin(value = "-180", message = "位置不正确") @jakarta.validation.constraints.DecimalMax(value = "180", message = "位置不正确") Double longitude) {
    }

    @Operation(summary = "对话记录（新到旧分页：before=上一页的 nextBefore；每页按时间正序）")
    @GetMapping("/messages")
    AssistantService.Page messages(CurrentUser user, @RequestParam(required = false) Long before,
                                   @RequestParam(defaultValue = "20") int size) {
        return assistant.thread(user.id(), before, size);
    }

    @Operation(summary = "向小助手发消息（带 latitude/longitude 时回答最近的驿站）：返回回答（文字、卡片、快捷回复、转人工）；同一 clientMsgId 重试不重复处理")
    @PostMapping("/messages")
    Answer ask(CurrentUser user, @Valid @RequestBody Ask body) {
        String key = body.clientMsgId() == null || body.clientMsgId().isBlank() ? UUID.randomUUID().toString() : body.clientMsgId();
        Answer a = body.latitude() != null && body.longitude() != null
                ? assistant.nearby(user.id(), body.latitude(), body.longitude(), key)
                : assistant.ask(user.id(), body.text(), key);
        return a == null ? Answer.text("这条消息已收到。") : a;
    }
}
