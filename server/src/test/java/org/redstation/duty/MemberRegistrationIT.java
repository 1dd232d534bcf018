package org.redstation.duty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MemberRegistrationIT extends DutyTestSupport {

    private Map<String, Object> form(String phoneCode, long orgId) {
        return new HashMap<>(Map.of("communityId", CHUNYUAN, "orgId", orgId, "name", "李四", "phoneCode", phoneCode,
                "workplace", "国网襄阳供电公司"));
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.redstation.notify.Notifier notifier;

    @Test
    void registerWithWeChatPhoneThenStaffApprovesAndTheMemberRoleIsGranted() {
        String admin = api.adminLogin();
        String code = unique("reg");
        String token = api.login(code);
        JsonNode orgs = api.get("/api/member/orgs?communityId=3", token).expect(200).body();
        assertThat(orgs.size()).isGreaterThanOrEqualTo(5);
        assertThat(orgs.toString()).contains("襄阳铁路中学党支部").doesNotContain("0710-3330011"); // no secretary phone for residents

        // the register page asks for the approved/rejected messages at the moment of applying
        new org.redstation.support.Subscriptions(api, sandbox).accept(code, token, "member-approved", "member-rejected");
        JsonNode r = api.post("/api/member/registration", form("phone-13912345678", 4), token).expect(200).body();
        assertThat(r.path("status").asText()).isEqualTo("PENDING");
        assertThat(r.path("phone").asText()).isEqualTo("13912345678");
        assertThat(r.path("orgName").asText()).isEqualTo("国网襄阳供电公司紫贞供电所党支部");
        long id = r.path("id").asLong();
        assertThat(api.post("/api/member/registration", form("phone-13912345678", 4), token).expect(409).code())
                .isEqualTo("MEMBER_ALREADY_REGISTERED");

        JsonNode pending = api.get("/api/staff/members?communityId=3&status=PENDING", admin).expect(200).body();
        assertThat(pending.toString()).contains("139****5678").doesNotContain("13912345678");

        api.post("/api/staff/members/" + id + "/approve", null, admin).expect(200);
        assertThat(api.post("/api/staff/members/" + id + "/approve", null, admin).expect(409).code()).isEqualTo("MEMBER_NOT_PENDING");
        assertThat(api.get("/api/me", token).expect(200).body().path("roles").toString()).contains("MEMBER");
        assertThat(api.get("/api/member/me", token).expect(200).body().path("statusName").asText()).isEqualTo("已通过");
        long userId = api.get("/api/me", token).body().path("id").asLong();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notify_outbox WHERE user_id = ? AND template = 'member-approved'",
                Integer.class, userId)).isEqualTo(1);
        // delivered through WxJava to the sandbox as a subscribe message
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).until(() -> {
            notifier.dispatchNow();
            return !sandbox.inbox().find("subscribe", openidOf(code), null).isEmpty();
        });
        var msg = sandbox.inbox().find("subscribe", openidOf(code), null).get(0);
        assertThat(msg.templateId()).isEqualTo("tpl-member-approved");
        assertThat(msg.errcode()).isZero();
        assertThat(msg.body().path("data").path("phrase2").path("value").asText()).isEqualTo("已通过");
    }

    @Test
    void memberPathFromTheStationPickerToAnUnlistedBranchThatStaffTurnIntoAnOrganisation() {
        // the street → community picker (public): 春园社区 under its street
        JsonNode streets = api.get("/api/streets").expect(200).body();
        assertThat(streets.toString()).contains("春园社区");
        boolean found = false;
        for (JsonNode st : streets) {
            for (JsonNode c : st.path("communities")) {
                found |= c.path("id").asLong() == CHUNYUAN && c.path("name").asText().equals("春园社区");
            }
        }
        assertThat(found).isTrue();

        String admin = api.adminLogin();
        String code = unique("unlisted");
        String token = api.login(code);
        // neither a listed organisation nor a typed one
        Map<String, Object> none = form("phone-13600000001", 3);
        none.remove("orgId");
        assertThat(api.post("/api/member/registration", none, token).expect(400).body().path("field").asText()).isEqualTo("orgId");
        String branch = "襄阳某科技公司党支部" + System.nanoTime() % 10000;
        none.put("orgName", branch);
        JsonNode r = api.post("/api/member/registration", none, token).expect(200).body();
        assertThat(r.path("orgName").asText()).isEqualTo(branch);
        assertThat(r.path("orgNotListed").asBoolean()).isTrue();
        assertThat(api.get("/api/staff/members?communityId=3&status=PENDING", admin).expect(200).body().toString()).contains(branch);

        // rejected, then applies again with the same typed branch, then approved: the branch becomes an organisation
        long id = r.path("id").asLong();
        api.post("/api/staff/members/" + id + "/reject", Map.of("reason", "请补充单位全称"), admin).expect(200);
        assertThat(api.post("/api/member/registration", none, token).expect(200).body().path("status").asText()).isEqualTo("PENDING");
        JsonNode approved = api.post("/api/staff/members/" + id + "/approve", null, admin).expect(200).body();
        assertThat(approved.path("orgNotListed").asBoolean()).isFalse();
        assertThat(approved.path("orgName").asText()).isEqualTo(branch);
        JsonNode orgs = api.get("/api/member/orgs?communityId=3", token).expect(200).body();
        assertThat(orgs.toString()).contains(branch).contains("单位党支部");
        assertThat(api.get("/api/me", token).expect(200).body().path("roles").toString()).contains("MEMBER");
    }

    @Test
    void rejectionNeedsAReasonNotifiesAndAllowsReapplying() {
        String admin = api.adminLogin();
        String token = api.login(unique("rej"));
        long id = api.post("/api/member/registration", form("phone-13700000001", 3), token).expect(200).body().path("id").asLong();
        assertThat(api.post("/api/staff/members/" + id + "/reject", Map.of("reason", " "), admin).expect(400).body()
                .path("field").asText()).isEqualTo("reason");
        JsonNode r = api.post("/api/staff/members/" + id + "/reject", Map.of("reason", "所填党组织与组织关系不符，请核对"), admin)
                .expect(200).body();
        assertThat(r.path("status").asText()).isEqualTo("REJECTED");
        long userId = api.get("/api/me", token).body().path("id").asLong();
        assertThat(jdbc.queryForObject("SELECT data_json FROM notify_outbox WHERE user_id = ? AND template = 'member-rejected'",
                String.class, userId)).contains("未通过");
        assertThat(api.get("/api/member/me", token).body().path("rejectReason").asText()).contains("党组织");
        // claiming is refused while not approved
        assertThat(api.post("/api/duty/shifts/1/claim", null, token).expect(403).code()).isEqualTo("DUTY_MEMBER_NOT_APPROVED");
        // re-apply
        assertThat(api.post("/api/member/registration", form("phone-13700000001", 4), token).expect(200).body()
                .path("status").asText()).isEqualTo("PENDING");
    }

    @Test
    void badInputIsRefusedWithClearCodesAndNothingIsWritten() {
        String token = api.login(unique("wrong-input"));
        long userId = api.get("/api/me", token).body().path("id").asLong();
        assertThat(api.post("/api/member/registration", form("bad-phone-code", 3), token).expect(400).code())
                .isEqualTo("MEMBER_PHONE_CODE_INVALID");
        assertThat(api.post("/api/member/registration", form("phone-13812345678", 8), token).expect(400).code())
                .isEqualTo("ORG_NOT_FOUND"); // 五洲医院党支部 belongs to 陈营社区
        Map<String, Object> noName = form("phone-13812345678", 3);
        noName.put("name", "");
        assertThat(api.post("/api/member/registration", noName, token).expect(400).body().path("field").asText()).isEqualTo("name");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM party_member WHERE user_id = ?", Integer.class, userId)).isZero();
        assertThat(api.post("/api/duty/shifts/1/claim", null, token).expect(403).code()).isEqualTo("DUTY_NOT_MEMBER");
    }

    @Test
    void staffRegisterUnitOrganisationsOnlyInTheirCommunity() {
        String admin = api.adminLogin();
        String username = "cy" + Long.toString(System.nanoTime(), 36);
        api.post("/api/staff/accounts", Map.of("username", username, "password", "secret-pass-1", "displayName", "春园李主任",
                "communityId", 3), admin).expect(201);
        String staff = api.staffLogin(username, "secret-pass-1");
        String name = unique("春园物业党支部");
        JsonNode org = api.post("/api/staff/duty/orgs", Map.of("communityId", 3, "name", name, "kind", "UNIT_BRANCH",
                "unitName", "春园物业", "secretary", "黄华", "contactPhone", "0710-1234567"), staff).expect(201).body();
        assertThat(org.path("kindName").asText()).isEqualTo("单位党支部");
        assertThat(api.post("/api/staff/duty/orgs", Map.of("communityId", 3, "name", name, "kind", "UNIT_BRANCH"), staff)
                .expect(409).code()).isEqualTo("ORG_EXISTS");
        assertThat(api.post("/api/staff/duty/orgs", Map.of("communityId", 2, "name", name, "kind", "UNIT_BRANCH"), staff)
                .expect(403).code()).isEqualTo("FORBIDDEN");
        assertThat(api.get("/api/staff/members?communityId=2", staff).expect(403).code()).isEqualTo("FORBIDDEN");
        assertThat(api.get("/api/staff/duty/orgs", staff).expect(200).body().toString()).contains(name).doesNotContain("五洲医院");
    }

    @Test
    void memberKeepsAResourceListThatStaffCanFilter() {
        String admin = api.adminLogin();
        Member m = registered(api, admin, true);
        api.post("/api/member/resources", Map.of("category", "LEGAL", "description", "劳动合同纠纷咨询"), m.token()).expect(200);
        JsonNode list = api.post("/api/member/resources", Map.of("category", "TUTORING", "description", "初中数学辅导"), m.token())
                .expect(200).body();
        assertThat(list.size()).isEqualTo(2);
        assertThat(api.post("/api/member/resources", Map.of("category", "NOPE", "description", "x"), m.token()).expect(400)
                .body().path("field").asText()).isEqualTo("category");
        assertThat(api.get("/api/staff/members/resources?communityId=3&category=LEGAL", admin).expect(200).body().toString())
                .contains("劳动合同纠纷咨询").doesNotContain("初中数学辅导");
        long rid = list.get(0).path("id").asLong();
        api.delete("/api/member/resources/" + rid, m.token()).expect(204);
        assertThat(api.get("/api/member/resources", m.token()).expect(200).body().size()).isEqualTo(1);
    }
}
