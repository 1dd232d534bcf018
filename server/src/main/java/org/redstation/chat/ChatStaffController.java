package org.redstation.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.redstation.auth.CurrentStaff;
import org.redstation.common.BizException;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff API of the official account: WeChat binding, keyword rules, conversations, menu. */
@RestController
@RequestMapping("/api/staff/chat")
class ChatStaffController {
    private final StaffBindings bindings;
    private final RuleService rules;
    private final Conversations conversations;
    private final MenuPublisher menu;
    private final ChatProperties props;
    private final DeliveryAdmin deliveryAdmin;
    private final ConversationWishes conversationWishes;

    ChatStaffController(StaffBindings bindings, RuleService rules, Conversations conversations, MenuPublisher menu,
                        ChatProperties props, DeliveryAdmin deliveryAdmin, ConversationWishes conversationWishes) {
        this.conversationWishes = conversationWishes;
        this.deliveryAdmin = deliveryAdmin;
        this.bindings = bindings;
        this.rules = rules;
        this.conversations = conversations;
        this.menu = menu;
        this.props = props;
    }

    /** A one-time code; the staff member sends "绑定 <code>" to the official account from their WeChat. */
    @PostMapping("/binding-code")
    Map<String, Object> bindingCode(CurrentStaff staff) {
        StaffBindings.BindingCode c = bindings.createCode(staff);
        return Map.of("code", c.code(), "expiresIn", c.expiresIn(), "send", "绑定 " + c.code());
    }

    @GetMapping("/binding")
    Map<String, Object> binding(CurrentStaff staff) {
        return bindings.byStaffId(staff.id())
                .<Map<String, Object>>map(b -> Map.of("bound", true, "openid", ChatUsers.shortId(b.openid())))
                .orElse(Map.of("bound", false));
    }

    record BindingView(long staffId, String displayName, Long communityId, String openid, LocalDateTime boundAt) {
        static BindingView of(StaffBindingRow r) {
            return new BindingView(r.getStaffId(), r.getDisplayName(), r.getCommunityId(), ChatUsers.shortId(r.getOpenid()),
                    r.getBoundAt());
        }
    }

    /** Administrators: the WeChat bindings of the staff they oversee. */
    @GetMapping("/bindings")
    List<BindingView> bindings(CurrentStaff staff) {
        return bindings.list(staff).stream().map(BindingView::of).toList();
    }

    /** Administrators: end a staff account's WeChat binding (a lost phone, a leaver). */
    @DeleteMapping("/bindings/{staffId}")
    Map<String, Object> revokeBinding(CurrentStaff staff, @PathVariable long staffId) {
        bindings.revoke(staff, staffId);
        return Map.of("revoked", true);
    }

    // ---- rules ----

    record RuleBody(Long communityId,
                    @NotBlank(message = "不能为空") @Pattern(regexp = "EXACT|CONTAINS|REGEX", message = "只能是 EXACT、CONTAINS 或 REGEX") String matchType,
                    @NotBlank(message = "不能为空") @Size(max = 200, message = "最多200字") String pattern,
                    @NotBlank(message = "不能为空") @Size(max = 2000, message = "最多2000字") String reply,
                    Integer priority, Boolean enabled, Boolean forwards) {
        RuleService.RuleInput input() {
            return new RuleService.RuleInput(communityId, matchType, pattern, reply, priority, enabled, forwards);
        }
    }

    @GetMapping("/rules")
    List<ChatRule> rules(CurrentStaff staff) {
        return rules.list(staff);
    }

    @PostMapping("/rules")
    ChatRule createRule(CurrentStaff staff, @Valid @RequestBody RuleBody body) {
        return rules.create(staff, body.input());
    }

    @PutMapping("/rules/{id}")
    ChatRule updateRule(CurrentStaff staff, @PathVariable long id, @Valid @RequestBody RuleBody body) {
        return rules.update(staff, id, body.input());
    }

    @DeleteMapping("/rules/{id}")
    Map<String, Object> deleteRule(CurrentStaff staff, @PathVariable long id) {
        rules.delete(staff, id);
        return Map.of("deleted", true);
    }

    /** Tries the rules against a text, as the bot would (for staff checking their rules). */
    @PostMapping("/rules/test")
    Map<String, Object> testRules(CurrentStaff staff, @Valid @RequestBody TestBody body) {
        return rules.tryOut(staff, body.text(), body.communityId())
                .<Map<String, Object>>map(r -> Map.of("matched", true, "reply", r))
                .orElse(Map.of("matched", false));
    }

    record TestBody(@NotBlank(message = "不能为空") @Size(max = 600, message = "最多600字") String text, Long communityId) {
    }

    // ---- conversations ----

    record ConversationView(long id, long communityId, String communityName, String resident, Long appUserId,
                            ConversationStatus status, String statusName, Long assignedStaffId, String lastMessage,
                            LocalDateTime createdAt, LocalDateTime lastMessageAt) {
        static ConversationView of(ConversationRow c, String communityName, MessageRow last) {
            return new ConversationView(c.getId(), c.getCommunityId(), communityName, ChatUsers.shortId(c.getOpenid()),
                    c.getAppUserId(), c.getStatus(), c.getStatus().label(), c.getAssignedStaffId(),
                    last == null ? null : Deliveries.abbreviate(last.getContent(), 60), c.getCreatedAt(), c.getLastMessageAt());
        }
    }

    @GetMapping("/conversations")
    List<ConversationView> conversations(CurrentStaff staff, @RequestParam(required = false) String status,
                                         @RequestParam(required = false) Long communityId) {
        return conversations.queue(staff, communityId, ConversationStatus.listFilter(status), 100).stream()
                .map(q -> ConversationView.of(q.conversation(), q.communityName(), q.last())).toList();
    }

    @GetMapping("/conversations/{id}")
    Map<String, Object> conversation(CurrentStaff staff, @PathVariable long id) {
        Conversations.Thread t = conversations.thread(staff, id);
        List<MessageRow> msgs = t.messages();
        return Map.of("conversation", ConversationView.of(t.conversation(), t.communityName(), msgs.isEmpty() ? null
                : msgs.get(msgs.size() - 1)), "messages", msgs);
    }

    record ReplyBody(@NotBlank(message = "不能为空") @Size(max = 600, message = "最多600字") String content) {
    }

    /** The resident's conversations (this one and earlier ones), newest first, each with its last message. */
    @GetMapping("/conversations/{id}/history")
    List<Map<String, Object>> history(CurrentStaff staff, @PathVariable long id) {
        return conversations.historyWithLast(staff, id).stream().map(i -> {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("id", i.conversation().getId());
            m.put("communityName", i.communityName());
            m.put("status", i.conversation().getStatus());
            m.put("statusName", i.conversation().getStatus().label());
            m.put("createdAt", i.conversation().getCreatedAt());
            m.put("lastMessage", i.last());
            return m;
        }).toList();
    }

    @PostMapping("/conversations/{id}/reply")
    MessageRow reply(CurrentStaff staff, @PathVariable long id, @Valid @RequestBody ReplyBody body) {
        if (body.content().length() > props.maxContentLength()) {
            throw BizException.invalid("content", "最多" + props.maxContentLength() + "字");
        }
        return conversations.reply(staff, id, body.content().strip());
    }

    @PostMapping("/conversations/{id}/take")
    ConversationView take(CurrentStaff staff, @PathVariable long id) {
        ConversationRow c = conversations.take(staff, id);
        return ConversationView.of(c, conversations.communityName(c.getCommunityId()), null);
    }

    @PostMapping("/conversations/{id}/close")
    ConversationView close(CurrentStaff staff, @PathVariable long id) {
        ConversationRow c = conversations.close(staff, id);
        return ConversationView.of(c, conversations.communityName(c.getCommunityId()), null);
    }

    record WishBody(String category) {
    }

    /** 转心愿: the resident's messages of this conversation become a need of theirs (wish), once per conversation. */
    @PostMapping("/conversations/{id}/wish")
    Map<String, Object> toWish(CurrentStaff staff, @PathVariable long id, @RequestBody(required = false) WishBody body) {
        org.redstation.wish.WishIntake.Turned t = conversationWishes.turn(staff, id, body == null ? null : body.category());
        return Map.of("conversationId", id, "wishId", t.wishId(), "created", t.created(), "message", ConversationWishes.answer(t));
    }

    // ---- menu ----

    @PostMapping("/menu/publish")
    ObjectNode publishMenu(CurrentStaff staff) {
        staff.requireDistrictAdmin(); // one menu for the whole account: not a street's to change
        return menu.publish();
    }

    // ---- deliveries that were given up ----

    /** Customer-service deliveries of a status (FAILED by default) in the staff member's scope, latest 100. */
    @GetMapping("/deliveries")
    List<DeliveryAdmin.DeliveryView> deliveries(CurrentStaff staff, @RequestParam(required = false) String status) {
        return deliveryAdmin.list(staff, status);
    }

    @PostMapping("/deliveries/{id}/retry")
    DeliveryAdmin.DeliveryView retryDelivery(CurrentStaff staff, @PathVariable long id) {
        return deliveryAdmin.retry(staff, id);
    }
}
