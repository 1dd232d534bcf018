package org.redstation.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.redstation.support.IntegrationTest;
import org.redstation.support.Subscriptions;
import org.redstation.wechat.sandbox.SandboxInbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox against the real database, through WxJava and the sandbox. */
class NotifyIT extends IntegrationTest {
    @Autowired
    Notifier notifier;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    JdbcTemplate jdbc;

    /** A user who tapped 允许 for the test template {@code times} times (one message each). */
    private long acceptingUser(String code, int times) {
        String token = api.login(code);
        Subscriptions subs = new Subscriptions(api, sandbox);
        for (int i = 0; i < times; i++) {
            subs.accept(code, token, "test-notice");
        }
        return api.get("/api/me", token).expect(200).body().path("id").asLong();
    }

    private String status(String dedup) {
        return jdbc.queryForObject("SELECT status FROM notify_outbox WHERE dedup_key = ?", String.class, dedup);
    }

    @Test
    void sentAfterCommitWithTemplateIdOpenidAndFields() {
        long uid = acceptingUser("notify-a", 1);
        tx.executeWithoutResult(s -> notifier.enqueue(new Notification(uid, "test-notice", "pages/index/index",
                Map.of("thing1", "晚间一小时：水电代办代缴与老年公交卡充值服务", "time2", "2026-12-01 18:00"), "notify-a-1")));
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status("notify-a-1")));
        List<SandboxInbox.Message> got = sandbox.inbox().find("subscribe", openidOf("notify-a"), null);
        assertThat(got).hasSize(1);
        assertThat(got.get(0).templateId()).isEqualTo("tpl-test-notice");
        assertThat(got.get(0).page()).isEqualTo("pages/index/index");
        // a thing value is cut to WeChat's 20 characters instead of failing with 47003
        assertThat(got.get(0).body().path("data").path("thing1").path("value").asText()).hasSize(20).endsWith("…");
        assertThat(got.get(0).errcode()).isZero();
    }

    @Test
    void rolledBackTransactionSendsNothingAndDuplicateKeySendsOnce() {
        long uid = acceptingUser("notify-b", 1);
        tx.executeWithoutResult(s -> {
            notifier.enqueue(new Notification(uid, "test-notice", null, Map.of("thing1", "不会发出"), "notify-b-rollback"));
            s.setRollbackOnly();
        });
        notifier.enqueue(new Notification(uid, "test-notice", null, Map.of("thing1", "一次"), "notify-b-once"));
        notifier.enqueue(new Notification(uid, "test-notice", null, Map.of("thing1", "一次"), "notify-b-once"));
        notifier.dispatchNow();
        await().atMost(Duration.ofSeconds(10)).until(() -> "SENT".equals(status("notify-b-once")));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notify_outbox WHERE dedup_key = 'notify-b-rollback'", Integer.class)).isZero();
        assertThat(sandbox.inbox().find("subscribe", openidOf("notify-b"), null)).hasSize(1);
    }

    @Test
    void userWithoutSubscriptionIsRecordedAndNotRetried() {
        long uid = acceptingUser("nosub-notify-c", 1);
        notifier.enqueue(new Notification(uid, "test-notice", null, Map.of("thing1", "提醒"), "notify-c-1"));
        notifier.dispatchNow();
        await().atMost(Duration.ofSeconds(10)).until(() -> "REFUSED".equals(status("notify-c-1")));
        notifier.dispatchNow();
        assertThat(sandbox.inbox().find("subscribe", openidOf("nosub-notify-c"), null)).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT attempts FROM notify_outbox WHERE dedup_key = 'notify-c-1'", Integer.class)).isEqualTo(1);
    }

    @Test
    void badTemplateDataFailsAtOnceUnknownUserFails() {
        long uid = acceptingUser("notify-d", 1);
        notifier.enqueue(new Notification(uid, "test-notice", null, Map.of("phrase3", "not chinese"), "notify-d-1"));
        notifier.enqueue(new Notification(987654321L, "test-notice", null, Map.of("thing1", "x"), "notify-d-2"));
        notifier.dispatchNow();
        await().atMost(Duration.ofSeconds(10)).until(() -> "FAILED".equals(status("notify-d-1")) && "FAILED".equals(status("notify-d-2")));
    }

    @Test
    void twoInstancesDispatchingAtOnceSendEachMessageExactlyOnce() throws Exception {
        long uid = acceptingUser("notify-e", 60);
        for (int i = 0; i < 60; i++) {
            jdbc.update("INSERT INTO notify_outbox (dedup_key, user_id, template, data_json, status, attempts, next_attempt_at, created_at) "
                    + "VALUES (?, ?, 'test-notice', '{\"thing1\":\"并发\"}', 'PENDING', 0, NOW(3) - INTERVAL 1 SECOND, NOW(3))", "notify-e-" + i, uid);
        }
        try (ConfigurableApplicationContext second = startSecondInstance()) {
            Notifier other = second.getBean(Notifier.class);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Callable<Integer>> jobs = List.of(notifier::dispatchNow, other::dispatchNow, notifier::dispatchNow, other::dispatchNow);
            List<Future<Integer>> done = new ArrayList<>(pool.invokeAll(jobs));
            pool.shutdown();
            for (Future<Integer> f : done) {
                f.get();
            }
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM notify_outbox WHERE dedup_key LIKE 'notify-e-%' AND status = 'SENT'", Integer.class) == 60);
        assertThat(sandbox.inbox().find("subscribe", openidOf("notify-e"), null)).hasSize(60);
    }
}
