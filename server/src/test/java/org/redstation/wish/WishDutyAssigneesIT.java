package org.redstation.wish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redstation.wish.WishFixtures.assertError;
import static org.redstation.wish.WishFixtures.post;
import static org.redstation.wish.WishFixtures.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.redstation.support.IntegrationTest;
import org.redstation.wish.WishFixtures.User;

/** Dispatch to a Party organisation (its contact member) and to a member, offered by duty through AssigneeDirectory. */
class WishDutyAssigneesIT extends IntegrationTest {

    private long org(String admin) {
        return api.post("/api/staff/duty/orgs", Map.of("communityId", WishFixtures.CHUNYUAN, "name", WishFixtures.unique("测试单位党支部"),
                "kind", "UNIT_BRANCH", "unitName", "测试单位"), admin).expect(201).body().path("id").asLong();
    }

    /** An approved member of {@code orgId} (member id, user) with one resource-list entry. */
    private record Member(long memberId, User user) {
    }

    private Member member(String admin, long orgId, String resource, boolean approve) {
        User u = user(api, WishFixtures.unique("wish-member"));
        String phone = "phone-139" + (10_000_000 + ThreadLocalRandom.current().nextInt(89_999_999));
        long memberId = api.post("/api/member/registration", Map.of("communityId", WishFixtures.CHUNYUAN, "orgId", orgId,
                "name", "赵党员", "phoneCode", phone, "workplace", "测试单位"), u.token()).expect(200).body().path("id").asLong();
        if (approve) {
            api.post("/api/staff/members/" + memberId + "/approve", null, admin).expect(200);
            api.post("/api/member/resources", Map.of("category", resource, "description", "会修水电"), u.token()).expect(200);
        }
        return new Member(memberId, u);
    }

    private void acceptCompleteRate(long id, User assignee, User resident) {
        assertThat(api.get("/api/wish-tasks", assignee.token()).expect(200).body().findValuesAsText("id")).contains(String.valueOf(id));
        api.post("/api/wish-tasks/" + id + "/accept", null, assignee.token()).expect(200);
        api.post("/api/wish-tasks/" + id + "/complete", Map.of("note", "已上门处理"), assignee.token()).expect(200);
        JsonNode rated = api.post("/api/wishes/" + id + "/rate", Map.of("rating", 5, "comment", "谢谢"), resident.token())
                .expect(200).body();
        assertThat(rated.path("state").asText()).isEqualTo("CLOSED");
    }

    @Test
    void anOrganisationTakesAWishThroughTheContactStaffNamedAndWithoutOneDispatchIsRefused() {
        String admin = api.adminLogin();
        long orgId = org(admin);
        Member contact = member(admin, orgId, "REPAIR", true);
        Member pending = member(admin, orgId, "REPAIR", false);
        User resident = user(api, WishFixtures.unique("wish-org-res"));
        long id = post(api, resident, "REPAIR", "单元门的闭门器坏了，风一吹就砰砰响").path("id").asLong();

        // the directory offers the organisation (skills of its members) and the member, with the repair skill
        JsonNode suggestions = api.get("/api/staff/wishes/" + id + "/suggestions", admin).expect(200).body();
        JsonNode org = null;
        JsonNode mem = null;
        for (JsonNode s : suggestions) {
            if ("ORG".equals(s.path("kind").asText()) && s.path("id").asLong() == orgId) {
                org = s;
            }
            if ("MEMBER".equals(s.path("kind").asText()) && s.path("id").asLong() == contact.user().id()) {
                mem = s;
            }
        }
        assertThat(org).as("the organisation among %s", suggestions).isNotNull();
        assertThat(org.path("skillMatch").asBoolean()).isTrue();
        assertThat(mem).as("the member among %s", suggestions).isNotNull();
        assertThat(mem.path("skillMatch").asBoolean()).isTrue();

        // no contact yet: 422, nothing changes
        assertError(api.post("/api/staff/wishes/" + id + "/dispatch", Map.of("kind", "ORG", "assigneeId", orgId), admin),
                422, "WISH_ASSIGNEE_NOT_FOUND");
        // the contact must be an approved member of that organisation
        assertError(api.put("/api/staff/duty/orgs/" + orgId + "/contact-user", Map.of("memberId", pending.memberId()), admin),
                400, "VALIDATION_FAILED");
        JsonNode named = api.put("/api/staff/duty/orgs/" + orgId + "/contact-user", Map.of("memberId", contact.memberId()), admin)
                .expect(200).body();
        assertThat(named.path("contactUserId").asLong()).isEqualTo(contact.user().id());

        JsonNode d = api.post("/api/staff/wishes/" + id + "/dispatch", Map.of("kind", "ORG", "assigneeId", orgId), admin)
                .expect(200).body();
        assertThat(d.path("assigneeKind").asText()).isEqualTo("ORG");
        acceptCompleteRate(id, contact.user(), resident);
        assertThat(api.get("/api/wishes/" + id, resident.token()).expect(200).body().path("timeline").findValuesAsText("action"))
                .containsExactly("POST", "DISPATCH", "ACCEPT", "COMPLETE", "RATE");

        // clearing the contact: the organisation cannot be dispatched to again
        Map<String, Object> clear = new HashMap<>();
        clear.put("memberId", null);
        assertThat(api.put("/api/staff/duty/orgs/" + orgId + "/contact-user", clear, admin).expect(200).body()
                .has("contactUserId")).isFalse();
        long next = post(api, resident, "REPAIR", "楼道灯不亮").path("id").asLong();
        assertError(api.post("/api/staff/wishes/" + next + "/dispatch", Map.of("kind", "ORG", "assigneeId", orgId), admin),
                422, "WISH_ASSIGNEE_NOT_FOUND");
    }

    @Test
    void aMemberTakesAWishDispatchedByUserIdAndAPendingMemberIsNotOffered() {
        String admin = api.adminLogin();
        long orgId = org(admin);
        Member m = member(admin, orgId, "TUTORING", true);
        Member pending = member(admin, orgId, "TUTORING", false);
        User resident = user(api, WishFixtures.unique("wish-mem-res"));
        long id = post(api, resident, "TUTORING", "孩子数学跟不上，想请人周末辅导").path("id").asLong();

        assertError(api.post("/api/staff/wishes/" + id + "/dispatch", Map.of("kind", "MEMBER", "assigneeId", pending.user().id()),
                admin), 422, "WISH_ASSIGNEE_NOT_FOUND");
        JsonNode d = api.post("/api/staff/wishes/" + id + "/dispatch", Map.of("kind", "MEMBER", "assigneeId", m.user().id()), admin)
                .expect(200).body();
        assertThat(d.path("assigneeKind").asText()).isEqualTo("MEMBER");
        assertThat(d.path("assigneeName").asText()).isEqualTo("赵党员");
        acceptCompleteRate(id, m.user(), resident);
    }
}
