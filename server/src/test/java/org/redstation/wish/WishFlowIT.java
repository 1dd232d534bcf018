package org.redstation.wish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.redstation.wish.WishFixtures.assertError;
import static org.redstation.wish.WishFixtures.post;
import static org.redstation.wish.WishFixtures.upload;
import static org.redstation.wish.WishFixtures.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redstation.support.IntegrationTest;
import org.redstation.wish.WishFixtures.User;

/** 群众点单 → 社区派单 → 单位接单 → 办结 → 评价, end to end through the HTTP API with the sandbox's inbox. */
class WishFlowIT extends IntegrationTest {

    private List<String> states(JsonNode timeline) {
        List<String> out = new ArrayList<>();
        timeline.forEach(e -> out.add(e.path("action").asText() + ":" + e.path("from").asText("") + "->" + e.path("to").asText()));
        return out;
    }

    private void awaitMessage(String openid, String templateId) {
        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.inbox().find("subscribe", openid, null).stream()
                .anyMatch(m -> templateId.equals(m.templateId()) && m.errcode() == 0));
    }

    @Test
    void postDispatchAcceptCompleteRateWithTimelineAndMessagesAtEachStep() {
        String admin = api.adminLogin();
        User resident = user(api, WishFixtures.unique("wish-res"));
        User leader = user(api, WishFixtures.unique("wish-lead"));
        long team = WishFixtures.team(api, admin, leader, "CIVILISATION");
        // the pages ask at the moment of the action: the resident when posting, the leader when taking tasks
        var subscriptions = new org.redstation.support.Subscriptions(api, sandbox);
        subscriptions.accept(resident.code(), resident.token(), "wish-accepted", "wish-completed");
        subscriptions.accept(leader.code(), leader.token(), "wish-dispatched");

        JsonNode w = post(api, resident, "REPAIR", "楼下张奶奶家的水龙头坏了，老人腿脚不便，希望有人帮忙修一下");
        long id = w.path("id").asLong();
        assertThat(w.path("state").asText()).isEqualTo("SUBMITTED");
        assertThat(w.path("stateName").asText()).isEqualTo("待派单");
        assertThat(w.path("communityName").asText()).isEqualTo("春园社区");
        upload(api, "/api/wishes/" + id + "/photos", resident.token(), "tap.png", WishFixtures.png(120, 80)).expect(201);

        // staff: the queue, suggestions (the civilisation team matches a repair), dispatch to the team
        JsonNode queue = api.get("/api/staff/wishes?communityId=3", admin).expect(200).body();
        assertThat(queue.findValuesAsText("id")).contains(String.valueOf(id));
        JsonNode suggestions = api.get("/api/staff/wishes/" + id + "/suggestions", admin).expect(200).body();
        assertThat(suggestions.get(0).path("skillMatch").asBoolean()).isTrue();
        assertThat(suggestions.findValuesAsText("id")).contains(String.valueOf(team));
        api.post("/api/staff/wishes/" + id + "/dispatch", Map.of("kind", "TEAM", "assigneeId", team), admin).expect(200);
        awaitMessage(openidOf(leader.code()), "tpl-wish-dispatched");

        // the team leader: my tasks, accept, complete with a photo and a note
        JsonNode tasks = api.get("/api/wish-tasks", leader.token()).expect(200).body();
        assertThat(tasks.findValuesAsText("id")).contains(String.valueOf(id));
        api.post("/api/wish-tasks/" + id + "/accept", null, leader.token()).expect(200);
        awaitMessage(openidOf(resident.code()), "tpl-wish-accepted");
        upload(api, "/api/wish-tasks/" + id + "/photos", leader.token(), "done.png", WishFixtures.png(60, 60)).expect(201);
        api.post("/api/wish-tasks/" + id + "/complete", Map.of("note", "已更换新水龙头，试水正常"), leader.token()).expect(200);
        awaitMessage(openidOf(resident.code()), "tpl-wish-completed");

        // the resident confirms and rates; a second rating is refused
        JsonNode rated = api.post("/api/wishes/" + id + "/rate", Map.of("rating", 5, "comment", "非常及时，谢谢！"), resident.token())
                .expect(200).body();
        assertThat(rated.path("state").asText()).isEqualTo("CLOSED");
        assertError(api.post("/api/wishes/" + id + "/rate", Map.of("rating", 4), resident.token()), 409, "WISH_ALREADY_RATED");

        JsonNode detail = api.get("/api/wishes/" + id, resident.token()).expect(200).body();
        assertThat(states(detail.path("timeline"))).containsExactly("POST:->SUBMITTED", "DISPATCH:SUBMITTED->DISPATCHED",
                "ACCEPT:DISPATCHED->ACCEPTED", "COMPLETE:ACCEPTED->COMPLETED", "RATE:COMPLETED->CLOSED");
        assertThat(detail.path("timeline").get(1).path("actorKindName").asText()).isEqualTo("社区工作人员");
        assertThat(detail.path("rating").asInt()).isEqualTo(5);
        assertThat(detail.path("photoIds")).hasSize(1);
        assertThat(detail.path("completionPhotoIds")).hasSize(1);
        assertThat(detail.path("completionNote").asText()).isEqualTo("已更换新水龙头，试水正常");
    }

    @Test
    void declineReturnsToTheQueueWithItsReasonAndReopenAfterCompletionStartsAgain() {
        String admin = api.adminLogin();
        User resident = user(api, WishFixtures.unique("loop-res"));
        User leader = user(api, WishFixtures.unique("loop-lead"));
        long team = WishFixtures.team(api, admin, leader, "CULTURE_SPORTS");
        long id = post(api, resident, "TUTORING", "孩子放学后没人辅导作业，想参加四点半课堂").path("id").asLong();
        api.post("/api/staff/wishes/" + id + "/dispatch", Map.of("kind", "TEAM", "assigneeId", team), admin).expect(200);
        assertError(api.post("/api/wish-tasks/" + id + "/decline", Map.of("reason", " "), leader.token()), 400, "VALIDATION_FAILED");
        JsonNode back = api.post("/api/wish-tasks/" + id + "/decline", Map.of("reason", "本周人手不足"), leader.token()).expect(200).body();
        assertThat(back.path("state").asText()).isEqualTo("SUBMITTED");
        assertThat(back.has("assigneeName")).isFalse();
        api.post("/api/staff/wishes/" + id + "/dispatch", Map.of("kind", "TEAM", "assigneeId", team), admin).expect(200);
        api.post("/api/wish-tasks/" + id + "/accept", null, leader.token()).expect(200);
        api.post("/api/wish-tasks/" + id + "/complete", Map.of("note", "已安排每周二、四辅导"), leader.token()).expect(200);
        JsonNode reopened = api.post("/api/wishes/" + id + "/reopen", Map.of("reason", "周四没有老师来"), resident.token()).expect(200).body();
        assertThat(reopened.path("state").asText()).isEqualTo("SUBMITTED");
        JsonNode timeline = api.get("/api/wishes/" + id, resident.token()).expect(200).body().path("timeline");
        assertThat(states(timeline)).containsExactly("POST:->SUBMITTED", "DISPATCH:SUBMITTED->DISPATCHED",
                "DECLINE:DISPATCHED->SUBMITTED", "DISPATCH:SUBMITTED->DISPATCHED", "ACCEPT:DISPATCHED->ACCEPTED",
                "COMPLETE:ACCEPTED->COMPLETED", "REOPEN:COMPLETED->SUBMITTED");
        assertThat(timeline.get(2).path("note").asText()).isEqualTo("本周人手不足");
        assertThat(timeline.get(6).path("note").asText()).isEqualTo("周四没有老师来");
    }

    @Test
    void staffMergeADuplicateAndGroupNeedsIntoAServiceProject() {
        String admin = api.adminLogin();
        User a = user(api, WishFixtures.unique("proj-a"));
        User b = user(api, WishFixtures.unique("proj-b"));
        long first = post(api, a, "ENVIRONMENT", "3栋门口的垃圾桶满了没人清").path("id").asLong();
        long dup = post(api, b, "ENVIRONMENT", "3栋垃圾桶满溢").path("id").asLong();
        long other = post(api, b, "ENVIRONMENT", "小区绿化带杂草太多").path("id").asLong();
        JsonNode merged = api.post("/api/staff/wishes/" + dup + "/merge", Map.of("intoId", first), admin).expect(200).body();
        assertThat(merged.path("state").asText()).isEqualTo("MERGED");
        assertThat(merged.path("mergedInto").asLong()).isEqualTo(first);
        assertError(api.post("/api/staff/wishes/" + dup + "/merge", Map.of("intoId", first), admin), 409, "WISH_ILLEGAL_TRANSITION");
        assertError(api.post("/api/staff/wishes/" + first + "/merge", Map.of("intoId", first), admin), 400, "VALIDATION_FAILED");
        assertThat(api.get("/api/staff/wishes?communityId=3", admin).expect(200).body().findValuesAsText("id"))
                .contains(String.valueOf(first)).doesNotContain(String.valueOf(dup));

        JsonNode project = api.post("/api/staff/wish-projects", Map.of("communityId", 3, "title", "铁路游泳池小区环境整治",
                "wishIds", List.of(first)), admin).expect(201).body();
        long pid = project.path("id").asLong();
        api.post("/api/staff/wish-projects/" + pid + "/wishes", Map.of("wishId", other), admin).expect(200);
        JsonNode p = api.get("/api/staff/wish-projects/" + pid, admin).expect(200).body();
        assertThat(p.path("wishIds")).hasSize(2);
        assertThat(api.get("/api/wishes/" + other, b.token()).expect(200).body().path("timeline").findValuesAsText("action"))
                .containsExactly("POST", "GROUP");
    }
}
