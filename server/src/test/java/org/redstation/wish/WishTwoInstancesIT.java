package org.redstation.wish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redstation.wish.WishFixtures.post;
import static org.redstation.wish.WishFixtures.user;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.redstation.support.Api;
import org.redstation.support.IntegrationTest;
import org.redstation.wish.WishFixtures.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** Two server instances on one database: concurrent transitions, escalation and activity places each happen once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WishTwoInstancesIT extends IntegrationTest {
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    WishEscalation escalation;
    private ConfigurableApplicationContext second;
    private Api api2;

    @BeforeAll
    void startSecond() {
        second = startSecondInstance();
        api2 = apiOf(second);
    }

    @AfterAll
    void stopSecond() {
        if (second != null) {
            second.close();
        }
    }

    private static <T> List<T> all(List<Callable<T>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(calls.size());
        try {
            List<Future<T>> fs = pool.invokeAll(calls);
            List<T> out = new ArrayList<>();
            for (Future<T> f : fs) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void acceptAndWithdrawAtTheSameMomentOnTwoInstancesNeverBothWin() throws Exception {
        String admin = api.adminLogin();
        User leader = user(api, WishFixtures.unique("race-lead"));
        User resident = user(api, WishFixtures.unique("race-res"));
        long team = WishFixtures.team(api, admin, leader, "CIVILISATION");
        for (int round = 0; round < 8; round++) {
            long id = post(api, resident, "REPAIR", "单元门禁坏了第" + round + "次").path("id").asLong();
            api.post("/api/staff/wishes/" + id + "/dispatch", Map.of("kind", "TEAM", "assigneeId", team), admin).expect(200);
            CyclicBarrier go = new CyclicBarrier(2);
            List<Api.Resp> rs = all(List.of(
                    () -> {
                        go.await();
                        return api.post("/api/wish-tasks/" + id + "/accept", null, leader.token());
                    },
                    () -> {
                        go.await();
                        return api2.post("/api/wishes/" + id + "/cancel", Map.of("reason", "自己修好了"), resident.token());
                    }));
            assertThat(rs.stream().filter(r -> r.status() == 200).count()).as("round " + round).isEqualTo(1);
            Api.Resp loser = rs.stream().filter(r -> r.status() != 200).findFirst().orElseThrow();
            assertThat(loser.status()).isEqualTo(409);
            assertThat(loser.code()).isIn("WISH_CHANGED", "WISH_ILLEGAL_TRANSITION");
            String state = jdbc.queryForObject("SELECT state FROM wish WHERE id = ?", String.class, id);
            assertThat(state).isIn("ACCEPTED", "CANCELLED");
            List<String> actions = jdbc.queryForList("SELECT action FROM wish_event WHERE wish_id = ? ORDER BY id", String.class, id);
            assertThat(actions).hasSize(3).startsWith("POST", "DISPATCH");
            assertThat(actions.get(2)).isEqualTo(state.equals("ACCEPTED") ? "ACCEPT" : "CANCEL");
        }
    }

    @Test
    void unacceptedItemsEscalateOnceToCommunityThenStreetAcrossTwoInstancesAndRepeatedScans() throws Exception {
        User resident = user(api, WishFixtures.unique("esc-res"));
        long late = post(api, resident, "ENVIRONMENT", "化粪池溢出").path("id").asLong();
        long later = post(api, resident, "ENVIRONMENT", "路灯不亮").path("id").asLong();
        long fresh = post(api, resident, "ENVIRONMENT", "草坪需要修剪").path("id").asLong();
        LocalDateTime now = LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"));
        jdbc.update("UPDATE wish SET state_since = ? WHERE id = ?", now.minusHours(30), late);   // > 24h: community
        jdbc.update("UPDATE wish SET state_since = ? WHERE id = ?", now.minusHours(80), later);  // > 72h: street
        WishEscalation other = second.getBean(WishEscalation.class);

        for (int scan = 0; scan < 3; scan++) {
            CyclicBarrier go = new CyclicBarrier(2);
            all(List.<Callable<Integer>>of(() -> {
                go.await();
                return escalation.runOnce();
            }, () -> {
                go.await();
                return other.runOnce();
            }));
        }
        assertThat(escalations(late)).containsExactly("社区督办");
        assertThat(escalations(later)).containsExactly("街道督办");
        assertThat(escalations(fresh)).isEmpty();

        // an hour later the first one passes 72h too: one more step, to the street, once
        jdbc.update("UPDATE wish SET state_since = ? WHERE id = ?", now.minusHours(73), late);
        all(List.<Callable<Integer>>of(escalation::runOnce, other::runOnce));
        all(List.<Callable<Integer>>of(escalation::runOnce, other::runOnce));
        assertThat(escalations(late)).containsExactly("社区督办", "街道督办");
        assertThat(jdbc.queryForObject("SELECT escalation_level FROM wish WHERE id = ?", Integer.class, late)).isEqualTo(2);
        // the resident sees it on the timeline
        assertThat(api.get("/api/wishes/" + later, resident.token()).expect(200).body().path("timeline").findValuesAsText("action"))
                .containsExactly("POST", "ESCALATE");
    }

    private List<String> escalations(long id) {
        return jdbc.queryForList("SELECT note FROM wish_event WHERE wish_id = ? AND action = 'ESCALATE' ORDER BY id", String.class, id)
                .stream().map(n -> n.substring(0, 4)).toList();
    }

    @Test
    void twelveVolunteersOnTwoInstancesFillThreePlacesExactly() throws Exception {
        String admin = api.adminLogin();
        LocalDateTime start = LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai")).plusDays(2).withNano(0);
        long activity = api.post("/api/staff/volunteer/activities", Map.of("stationId", 3, "title", "红色周末·义诊志愿者",
                "startAt", start.toString(), "endAt", start.plusHours(2).toString(), "capacity", 3), admin)
                .expect(201).body().path("id").asLong();
        List<User> users = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            users.add(user(api, WishFixtures.unique("seat" + i)));
        }
        CyclicBarrier go = new CyclicBarrier(12);
        List<Callable<Api.Resp>> calls = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Api target = i % 2 == 0 ? api : api2;
            User u = users.get(i);
            calls.add(() -> {
                go.await();
                return target.post("/api/volunteer/activities/" + activity + "/signup", null, u.token());
            });
        }
        List<Api.Resp> rs = all(calls);
        assertThat(rs.stream().filter(r -> r.status() == 200).count()).isEqualTo(3);
        assertThat(rs.stream().filter(r -> r.status() != 200).map(Api.Resp::code).distinct().toList()).containsExactly("ACTIVITY_FULL");
        assertThat(jdbc.queryForObject("SELECT taken FROM volunteer_activity WHERE id = ?", Integer.class, activity)).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM volunteer_signup WHERE activity_id = ? AND status = 'ACTIVE'",
                Integer.class, activity)).isEqualTo(3);
    }
}
