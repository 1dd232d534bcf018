package org.redstation.duty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.redstation.support.Api;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

@RecordApplicationEvents
class ShiftClaimIT extends DutyTestSupport {
    @Autowired
    Clock clock;
    @Autowired
    DutyHousekeeping housekeeping;
    @Autowired
    ApplicationEvents events;

    LocalDateTime inDays(int days, int hour) {
        return LocalDate.now(clock).plusDays(days).atTime(hour, 0);
    }

    @Test
    void claimAndReleaseWithEveryRefusal() {
        String admin = api.adminLogin();
        Member a = registered(api, admin, true);
        Member b = registered(api, admin, true);
        long shift = shift(api, admin, inDays(3, 18), 60, 1);

        JsonNode c = api.post("/api/duty/shifts/" + shift + "/claim", null, a.token()).expect(200).body();
        assertThat(c.path("statusName").asText()).isEqualTo("待值班");
        assertThat(c.path("releasable").asBoolean()).isTrue();
        assertThat(api.post("/api/duty/shifts/" + shift + "/claim", null, a.token()).expect(409).code()).isIn("SHIFT_ALREADY_CLAIMED", "SHIFT_FULL");
        assertThat(api.post("/api/duty/shifts/" + shift + "/claim", null, b.token()).expect(409).code()).isEqualTo("SHIFT_FULL");

        // overlapping shift at another time of the same evening
        long overlapping = shift(api, admin, inDays(3, 18).plusMinutes(30), 60, 3);
        JsonNode ov = api.post("/api/duty/shifts/" + overlapping + "/claim", null, a.token()).expect(409).body();
        assertThat(ov.path("code").asText()).isEqualTo("SHIFT_OVERLAP");
        assertThat(ov.path("message").asText()).contains("同一时间");
        assertThat(taken(overlapping)).isZero();

        // release gives the seat back; then b can claim
        api.post("/api/duty/shifts/" + shift + "/release", null, a.token()).expect(200);
        assertThat(taken(shift)).isZero();
        assertThat(api.post("/api/duty/shifts/" + shift + "/release", null, a.token()).expect(404).code()).isEqualTo("CLAIM_NOT_FOUND");
        api.post("/api/duty/shifts/" + shift + "/claim", null, b.token()).expect(200);
        assertThat(api.get("/api/duty/my-shifts", b.token()).expect(200).body().toString()).contains("\"shiftId\":" + shift);

        // release after the cut-off (2 h before start)
        long soon = shift(api, admin, LocalDateTime.now(clock).plusMinutes(90), 60, 2);
        api.post("/api/duty/shifts/" + soon + "/claim", null, a.token()).expect(200);
        JsonNode late = api.post("/api/duty/shifts/" + soon + "/release", null, a.token()).expect(409).body();
        assertThat(late.path("code").asText()).isEqualTo("RELEASE_TOO_LATE");
        assertThat(late.path("message").asText()).contains("2小时");
        assertThat(activeClaims(soon)).isEqualTo(1);

        // a past shift
        long past = shift(api, admin, inDays(4, 9), 60, 2);
        moveShift(past, LocalDateTime.now(clock).minusHours(2), LocalDateTime.now(clock).minusHours(1));
        assertThat(api.post("/api/duty/shifts/" + past + "/claim", null, a.token()).expect(409).code()).isEqualTo("SHIFT_PAST");
        assertThat(api.post("/api/duty/shifts/999999/claim", null, a.token()).expect(404).code()).isEqualTo("SHIFT_NOT_FOUND");
        // a shift of another community
        long other = shift(api, admin, 2, inDays(5, 9), 60, 2, "周三义诊");
        assertThat(api.post("/api/duty/shifts/" + other + "/claim", null, a.token()).expect(403).code()).isEqualTo("SHIFT_OTHER_COMMUNITY");
    }

    @Test
    void staffPublishWeeklyAssignOrganisationAndCancelNotifiesClaimants() {
        String admin = api.adminLogin();
        LocalDate from = LocalDate.now(clock).plusDays(7);
        String role = "晚间" + Long.toString(System.nanoTime(), 36);
        Map<String, Object> weekly = Map.of("stationId", CY01, "from", from.toString(), "to", from.plusDays(13).toString(),
                "weekdays", List.of(1, 3, 5), "start", "18:00", "end", "19:00", "seats", 2, "roleName", role, "orgId", 4);
        JsonNode r = api.post("/api/staff/duty/shifts/weekly", weekly, admin).expect(201).body();
        assertThat(r.path("created").asInt()).isEqualTo(6);
        assertThat(r.path("shifts").get(0).path("orgName").asText()).isEqualTo("国网襄阳供电公司紫贞供电所党支部");
        for (JsonNode s : r.path("shifts")) {
            assertThat(Set.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY))
                    .contains(LocalDate.parse(s.path("date").asText()).getDayOfWeek());
        }
        assertThat(api.post("/api/staff/duty/shifts/weekly", weekly, admin).expect(201).body().path("skipped").asInt()).isEqualTo(6);

        long shiftId = r.path("shifts").get(0).path("id").asLong();
        assertThat(api.put("/api/staff/duty/shifts/" + shiftId + "/org", Map.of("orgId", 5), admin).expect(200).body()
                .path("orgName").asText()).isEqualTo("春园路小学党支部");
        assertThat(api.put("/api/staff/duty/shifts/" + shiftId + "/org", Map.of("orgId", 8), admin).expect(400).code()).isEqualTo("ORG_NOT_FOUND");

        Member m = registered(api, admin, true);
        api.post("/api/duty/shifts/" + shiftId + "/claim", null, m.token()).expect(200);
        api.post("/api/staff/duty/shifts/" + shiftId + "/cancel", null, admin).expect(200);
        assertThat(api.post("/api/staff/duty/shifts/" + shiftId + "/cancel", null, admin).expect(409).code()).isEqualTo("SHIFT_CANCELLED");
        assertThat(api.get("/api/duty/my-shifts", m.token()).body().toString()).contains("社区已取消");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notify_outbox WHERE user_id = ? AND template = 'shift-cancelled'",
                Integer.class, m.userId())).isEqualTo(1);
        assertThat(api.post("/api/duty/shifts/" + shiftId + "/claim", null, m.token()).expect(409).code()).isEqualTo("SHIFT_CANCELLED");

        // bad input
        Map<String, Object> bad = new java.util.HashMap<>(Map.of("stationId", CY01, "date", from.toString(), "start", "19:00",
                "end", "18:00", "seats", 2, "roleName", "晚间一小时"));
        assertThat(api.post("/api/staff/duty/shifts", bad, admin).expect(400).code()).isEqualTo("SHIFT_TIME_INVALID");
        bad.put("end", "20:00");
        bad.put("seats", 0);
        assertThat(api.post("/api/staff/duty/shifts", bad, admin).expect(400).body().path("field").asText()).isEqualTo("seats");
    }

    @Test
    void remindersAndUnderstaffedAlerts() {
        String admin = api.adminLogin();
        Member m = registered(api, admin, true);
        long soon = shift(api, admin, LocalDateTime.now(clock).plusMinutes(40), 60, 3);
        api.post("/api/duty/shifts/" + soon + "/claim", null, m.token()).expect(200);
        housekeeping.runOnce();
        housekeeping.runOnce();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notify_outbox WHERE user_id = ? AND template = 'shift-reminder'",
                Integer.class, m.userId())).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM duty_alert WHERE shift_id = ?", Integer.class, soon)).isEqualTo(1);
        assertThat(api.get("/api/staff/duty/alerts?communityId=3", admin).expect(200).body().toString()).contains("还缺2人");
        // the event is published once (this instance or the scheduler may have raised it)
        assertThat(events.stream(ShiftUnderstaffed.class).filter(e -> e.shiftId() == soon).count()).isLessThanOrEqualTo(1);
    }

    @Test
    void twoHundredConcurrentClaimsOverTwoInstancesTakeExactlyThreeSeats() throws Exception {
        String admin = api.adminLogin();
        long shift = shift(api, admin, inDays(6, 18), 60, 3);
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            members.add(bulkMember(i));
        }
        try (ConfigurableApplicationContext second = startSecondInstance()) {
            Api other = apiOf(second);
            ExecutorService pool = Executors.newFixedThreadPool(40);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Api.Resp>> results = new ArrayList<>();
            for (int i = 0; i < members.size(); i++) {
                Api target = i % 2 == 0 ? api : other;
                String token = members.get(i).token();
                results.add(pool.submit(() -> {
                    go.await();
                    return target.post("/api/duty/shifts/" + shift + "/claim", null, token);
                }));
            }
            go.countDown();
            Map<Integer, Integer> byStatus = new ConcurrentHashMap<>();
            for (Future<Api.Resp> f : results) {
                Api.Resp r = f.get();
                byStatus.merge(r.status(), 1, Integer::sum);
                if (r.status() != 200) {
                    assertThat(r.code()).isIn("SHIFT_FULL", "DUTY_BUSY");
                }
            }
            pool.shutdown();
            assertThat(byStatus.get(200)).isEqualTo(3);
            assertThat(taken(shift)).isEqualTo(3);
            assertThat(activeClaims(shift)).isEqualTo(3);

            // one member fires overlapping claims at 10 overlapping shifts on both instances: holds at most one
            Member greedy = members.get(0);
            List<Long> overlapping = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                overlapping.add(shift(api, admin, inDays(8, 18).plusMinutes(5L * i), 60, 5));
            }
            ExecutorService pool2 = Executors.newFixedThreadPool(20);
            CountDownLatch go2 = new CountDownLatch(1);
            List<Future<Api.Resp>> rs = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                Api target = i % 2 == 0 ? api : other;
                long s = overlapping.get(i % 10);
                rs.add(pool2.submit(() -> {
                    go2.await();
                    return target.post("/api/duty/shifts/" + s + "/claim", null, greedy.token());
                }));
            }
            go2.countDown();
            int ok = 0;
            for (Future<Api.Resp> f : rs) {
                if (f.get().status() == 200) {
                    ok++;
                }
            }
            pool2.shutdown();
            assertThat(ok).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM duty_claim WHERE member_id = ? AND status = 'ACTIVE' "
                    + "AND shift_id IN (" + String.join(",", overlapping.stream().map(String::valueOf).toList()) + ")",
                    Integer.class, greedy.memberId())).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COALESCE(SUM(taken), 0) FROM duty_shift WHERE id IN ("
                    + String.join(",", overlapping.stream().map(String::valueOf).toList()) + ")", Integer.class)).isEqualTo(1);
        }
    }

    /** A member approved straight in the database (fast setup for load tests); logs in through the API. */
    Member bulkMember(int i) {
        String code = unique("bulk" + i);
        String token = api.login(code);
        long userId = api.get("/api/me", token).expect(200).body().path("id").asLong();
        jdbc.update("INSERT INTO party_member (user_id, community_id, org_id, name, phone, status, created_at, updated_at) "
                + "VALUES (?, 3, 3, '王五', '13800000000', 'APPROVED', NOW(3), NOW(3))", userId);
        jdbc.update("UPDATE app_user SET roles = 'RESIDENT,MEMBER' WHERE id = ?", userId);
        long memberId = jdbc.queryForObject("SELECT id FROM party_member WHERE user_id = ?", Long.class, userId);
        return new Member(code, token, userId, memberId);
    }
}
