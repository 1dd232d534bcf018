package org.redstation.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redstation.support.IntegrationTest;
import org.redstation.support.Subscriptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** WeChat's rule, modelled by the sandbox and respected by the server: one acceptance, one message; the message centre keeps all. */
class ConsentIT extends IntegrationTest {
    @Autowired
    Notifier notifier;
    @Autowired
    JdbcTemplate jdbc;

    private String status(String dedup) {
        return jdbc.queryForObject("SELECT status FROM notify_outbox WHERE dedup_key = ?", String.class, dedup);
    }

    private long id(String token) {
        return api.get("/api/me", token).expect(200).body().path("id").asLong();
    }

    private int sandboxCalls(String code) {
        return sandbox.inbox().find("subscribe", openidOf(code), null).size();
    }

    @Test
    void messageWithoutAcceptanceIsNotSentToWeChatAndAppearsInTheMessageCentre() {
        String token = api.login("consent-none");
        long uid = id(token);
        notifier.enqueue(new Notification(uid, "member-approved", "pages/member/center/index",
                Map.of("thing1", "张三", "phrase2", "已通过", "thing3", "春园社区"), "consent-none-1"));
        notifier.dispatchNow();
        await().atMost(Duration.ofSeconds(10)).until(() -> "NO_CONSENT".equals(status("consent-none-1")));
        assertThat(sandboxCalls("consent-none")).isZero(); // no acceptance -> no WeChat call at all

        JsonNode page = api.get("/api/notify/messages", token).expect(200).body();
        assertThat(page.path("total").asInt()).isEqualTo(1);
        assertThat(page.path("unread").asInt()).isEqualTo(1);
        JsonNode m = page.path("items").get(0);
        assertThat(m.path("title").asText()).isEqualTo("党员报到已通过");
        assertThat(m.path("body").asText()).isEqualTo("张三；已通过；春园社区");
        assertThat(m.path("page").asText()).isEqualTo("pages/member/center/index");
        assertThat(m.path("read").asBoolean()).isFalse();
        assertThat(m.path("delivery").asText()).isEqualTo("NO_CONSENT");
        assertThat(m.path("deliveryNote").asText()).isEqualTo("未订阅微信通知，仅在消息中心");

        assertThat(api.get("/api/notify/messages/unread-count", token).expect(200).body().path("unread").asInt()).isEqualTo(1);
        assertThat(api.post("/api/notify/messages/" + m.path("id").asLong() + "/read", null, token).expect(200)
                .body().path("unread").asInt()).isZero();
        assertThat(api.get("/api/notify/messages", token).expect(200).body().path("items").get(0).path("read").asBoolean()).isTrue();
    }

    @Test
    void oneAcceptanceAllowsExactlyOneMessageAndTheSecondStaysInTheCentre() {
        String token = api.login("consent-once");
        long uid = id(token);
        new Subscriptions(api, sandbox).accept("consent-once", token, "test-notice");
        assertThat(api.get("/api/notify/consents", token).expect(200).body().path("balances").path("test-notice").asInt()).isEqualTo(1);
        notifier.enqueue(new Notification(uid, "test-notice", null, Map.of("thing1", "第一条"), "consent-once-1"));
        notifier.enqueue(new Notification(uid, "test-notice", null, Map.of("thing1", "第二条"), "consent-once-2"));
        notifier.dispatchNow();
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status("consent-once-1"))
                && "NO_CONSENT".equals(status("consent-once-2")));
        assertThat(sandboxCalls("consent-once")).isEqualTo(1);
        assertThat(sandbox.acceptancesLeft(openidOf("consent-once"), "tpl-test-notice")).isZero();
        assertThat(api.get("/api/notify/consents", token).expect(200).body().path("balances").path("test-notice").asInt()).isZero();
        JsonNode page = api.get("/api/notify/messages?page=1&size=1", token).expect(200).body();
        assertThat(page.path("total").asInt()).isEqualTo(2);
        assertThat(page.path("items")).hasSize(1);
        assertThat(page.path("items").get(0).path("body").asText()).isEqualTo("第二条");
        assertThat(api.get("/api/notify/messages?page=2&size=1", token).expect(200).body().path("items").get(0)
                .path("deliveryNote").asText()).isEqualTo("已通过微信通知");
        assertThat(api.post("/api/notify/messages/read-all", null, token).expect(200).body().path("unread").asInt()).isZero();
    }

    @Test
    void rejectedTemplateSendsNothingAndWeChatsRefusalClearsTheBalance() {
        String token = api.login("consent-reject");
        long uid = id(token);
        Subscriptions subs = new Subscriptions(api, sandbox);
        subs.reject("consent-reject", token, "test-notice");
        notifier.enqueue(new Notification(uid, "test-notice", null, Map.of("thing1", "拒绝了"), "consent-reject-1"));
        notifier.dispatchNow();
        await().atMost(Duration.ofSeconds(10)).until(() -> "NO_CONSENT".equals(status("consent-reject-1")));
        assertThat(sandboxCalls("consent-reject")).isZero();

        // the page reported an acceptance WeChat does not hold (e.g. reported twice): WeChat's 43101 wins
        api.post("/api/notify/consents", Map.of("results", Map.of("tpl-test-notice", "accept")), token).expect(200);
        api.post("/api/notify/consents", Map.of("results", Map.of("test-notice", "accept")), token).expect(200);
        notifier.enqueue(new Notification(uid, "test-notice", null, Map.of("thing1", "没有授权"), "consent-reject-2"));
        notifier.dispatchNow();
        await().atMost(Duration.ofSeconds(10)).until(() -> "REFUSED".equals(status("consent-reject-2")));
        assertThat(api.get("/api/notify/consents", token).expect(200).body().path("balances").path("test-notice").asInt()).isZero();
    }

    @Test
    void consentReportsAreCheckedAndNeedALogin() {
        String token = api.login("consent-bad");
        assertThat(api.post("/api/notify/consents", Map.of("results", Map.of("no-such-template", "accept")), token)
                .expect(400).code()).isEqualTo("TEMPLATE_UNKNOWN");
        assertThat(api.post("/api/notify/consents", Map.of("results", Map.of()), token).expect(400).code())
                .isEqualTo("VALIDATION_FAILED");
        api.post("/api/notify/consents", Map.of("results", Map.of("test-notice", "accept")), null).expect(401);
        api.get("/api/notify/messages", null).expect(401);
        assertThat(api.post("/api/notify/messages/999999999/read", null, token).expect(404).code()).isEqualTo("MESSAGE_NOT_FOUND");
        assertThat(api.get("/api/notify/templates").expect(200).body().path("templates").path("booking-confirmed").asText())
                .isEqualTo("tpl-booking-confirmed");
    }
}
