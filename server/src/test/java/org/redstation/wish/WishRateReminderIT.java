package org.redstation.wish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.redstation.wish.WishFixtures.post;
import static org.redstation.wish.WishFixtures.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redstation.support.IntegrationTest;
import org.redstation.support.Subscriptions;
import org.redstation.wish.WishFixtures.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The "please rate" reminder (请评价): once per completion across two instances and a restart, consent as modelled. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WishRateReminderIT extends IntegrationTest {
    private static final String TEMPLATE = "wish-rate-reminder";
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WishRateReminders reminders;
    @Autowired
    org.redstation.notify.Notifier notifier;
    private ConfigurableApplicationContext second;

    @AfterAll
    void stopSecond() {
        if (second != null) {
            second.close();
        }
    }

    @Test
    void anUnratedCompletionIsRemindedOnceAcrossTwoInstancesAndARestartBySubscribeMessageOnlyWithConsent() throws Exception {
        String admin = api.adminLogin();
        User leader = user(api, WishFixtures.unique("rate-lead"));
        long team = WishFixtures.team(api, admin, leader, "CIVILISATION");
        User consenting = user(api, WishFixtures.unique("rate-yes"));
        User silent = user(api, WishFixtures.unique("rate-no"));
        new Subscriptions(api, sandbox).accept(consenting.code(), consenting.token(), TEMPLATE);

        long reminded = completed(admin, consenting, leader, team, "楼道灯坏了，晚上看不见台阶");
        long centreOnly = completed(admin, silent, leader, team, "小区门口的井盖松动了");
        long fresh = completed(admin, consenting, leader, team, "单元门的闭门器坏了");
        long rated = completed(admin, consenting, leader, team, "垃圾桶旁边的路灯不亮");
        api.post("/api/wishes/" + rated + "/rate", Map.of("rating", 5), consenting.token()).expect(200);
        LocalDateTime fourDaysAgo = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusDays(4);
        for (long id : List.of(reminded, centreOnly, rated)) {
            jdbc.update("UPDATE wish SET state_since = ?, completed_at = ? WHERE id = ?", fourDaysAgo, fourDaysAgo, id);
        }

        // two instances scan at the same moment, three times; then the second is restarted and both scan again
        second = startSecondInstance();
        scanTogether(second.getBean(WishRateReminders.class), 3);
        second.close();
        second = startSecondInstance();
        scanTogether(second.getBean(WishRateReminders.class), 2);

        assertThat(reminders(reminded)).as("one timeline entry for the reminded completion").isEqualTo(1);
        assertThat(reminders(centreOnly)).isEqualTo(1);
        assertThat(reminders(fresh)).as("completed today: not yet").isZero();
        assertThat(reminders(rated)).as("rated: nothing to remind").isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notify_outbox WHERE template = ? AND dedup_key LIKE ?", Integer.class,
                TEMPLATE, TEMPLATE + ":" + reminded + ":%")).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notify_message WHERE template = ? AND user_id = ?", Integer.class,
                TEMPLATE, silent.id())).isEqualTo(1);

        // the consenting resident gets exactly one subscribe message; the other one only the message centre
        String yes = openidOf(consenting.code());
        await().atMost(Duration.ofSeconds(20)).until(() -> subscribeMessages(yes) == 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> "NO_CONSENT".equals(jdbc.queryForObject(
                "SELECT status FROM notify_outbox WHERE template = ? AND user_id = ?", String.class, TEMPLATE, silent.id())));
        notifier.dispatchNow(); // anything still due is sent now: still one
        assertThat(subscribeMessages(yes)).isEqualTo(1);
        assertThat(sandbox.inbox().find("subscribe", openidOf(silent.code()), null).stream()
                .filter(m -> ("tpl-" + TEMPLATE).equals(m.templateId())).count()).isZero();
        JsonNode centre = api.get("/api/notify/messages", silent.token()).expect(200).body();
        assertThat(centre.path("items").toString()).contains("请确认办理结果并评价").contains("小区门口的井盖松动了");

        // the resident sees it on the timeline; rating afterwards works as before
        JsonNode detail = api.get("/api/wishes/" + reminded, consenting.token()).expect(200).body();
        assertThat(detail.path("timeline").findValuesAsText("action")).containsExactly("POST", "DISPATCH", "ACCEPT", "COMPLETE", "REMIND");
        api.post("/api/wishes/" + reminded + "/rate", Map.of("rating", 4), consenting.token()).expect(200);
    }

    @Test
    void aNeedReopenedAndCompletedAgainIsRemindedAgainOnceForTheNewCompletion() {
        String admin = api.adminLogin();
        User leader = user(api, WishFixtures.unique("again-lead"));
        long team = WishFixtures.team(api, admin, leader, "CIVILISATION");
        User resident = user(api, WishFixtures.unique("again-res"));
        long id = completed(admin, resident, leader, team, "楼顶防水层破了");
        backdate(id);
        reminders.runOnce();
        reminders.runOnce();
        api.post("/api/wishes/" + id + "/reopen", Map.of("reason", "下雨还是漏"), resident.token()).expect(200);
        api.post("/api/staff/wishes/" + id + "/dispatch", Map.of("kind", "TEAM", "assigneeId", team), admin).expect(200);
        api.post("/api/wish-tasks/" + id + "/accept", null, leader.token()).expect(200);
        api.post("/api/wish-tasks/" + id + "/complete", Map.of("note", "重新做了防水"), leader.token()).expect(200);
        reminders.runOnce();
        assertThat(reminders(id)).as("the new completion is not three days old yet").isEqualTo(1);
        backdate(id);
        reminders.runOnce();
        reminders.runOnce();
        assertThat(reminders(id)).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notify_message WHERE template = ? AND user_id = ?", Integer.class,
                TEMPLATE, resident.id())).isEqualTo(2);
    }

    private void backdate(long id) {
        LocalDateTime fourDaysAgo = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).minusDays(4);
        jdbc.update("UPDATE wish SET state_since = ?, completed_at = ? WHERE id = ?", fourDaysAgo, fourDaysAgo, id);
    }

    private long completed(String admin, User resident, User leader, long team, String content) {
        long id = post(api, resident, "REPAIR", content).path("id").asLong();
        api.post("/api/staff/wishes/" + id + "/dispatch", Map.of("kind", "TEAM", "assigneeId", team), admin).expect(200);
        api.post("/api/wish-tasks/" + id + "/accept", null, leader.token()).expect(200);
        api.post("/api/wish-tasks/" + id + "/complete", Map.of("note", "已处理"), leader.token()).expect(200);
        return id;
    }

    private int reminders(long id) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM wish_event WHERE wish_id = ? AND action = 'REMIND'", Integer.class, id);
    }

    private long subscribeMessages(String openid) {
        return sandbox.inbox().find("subscribe", openid, null).stream().filter(m -> ("tpl-" + TEMPLATE).equals(m.templateId())).count();
    }

    private void scanTogether(WishRateReminders other, int times) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < times; i++) {
                CyclicBarrier go = new CyclicBarrier(2);
                List<Callable<Integer>> calls = List.of(() -> {
                    go.await();
                    return reminders.runOnce();
                }, () -> {
                    go.await();
                    return other.runOnce();
                });
                List<Integer> out = new ArrayList<>();
                for (Future<Integer> f : pool.invokeAll(calls)) {
                    out.add(f.get());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
