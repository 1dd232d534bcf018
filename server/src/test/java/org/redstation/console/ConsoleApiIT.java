package org.redstation.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redstation.support.IntegrationTest;
import org.redstation.support.StatementCounter;

/** The staff APIs the console added: dashboard, exports, account list and disabling, each within the staff scope. */
class ConsoleApiIT extends IntegrationTest {
    private static final long CHUNYUAN = 3;
    private static final long DONGFENG = 12;

    private String communityStaff(long communityId) {
        String admin = api.adminLogin();
        String name = "capi-" + System.nanoTime() % 10000000;
        api.post("/api/staff/accounts", Map.of("username", name, "password", "Staff-pass-1", "displayName", "测试",
                "role", "COMMUNITY_STAFF", "communityId", communityId), admin).expect(201);
        return name;
    }

    @Test
    void communityStaffSeeOnlyTheirCommunityOnTheDashboardAndAreRefusedAnother() {
        String token = api.staffLogin(communityStaff(CHUNYUAN), "Staff-pass-1");
        JsonNode d = api.get("/api/staff/dashboard", token).expect(200).body();
        assertThat(d.path("communities")).hasSize(1);
        assertThat(d.path("communities").get(0).path("communityId").asLong()).isEqualTo(CHUNYUAN);
        assertThat(d.path("district").get(0).path("reported").isNull() || d.path("district").get(0).path("reported").isMissingNode()).isTrue();
        assertThat(api.get("/api/staff/dashboard?communityId=" + DONGFENG, token).expect(403).code()).isEqualTo("FORBIDDEN");
        assertThat(api.get("/api/staff/communities", token).expect(200).body()).hasSize(1);
        assertThat(api.get("/api/staff/accounts", token).expect(403).code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void theDashboardRunsTheSameStatementsForOneDayAndAQuarterOfTheWholeDistrict() {
        String admin = api.adminLogin();
        LocalDate today = LocalDate.now();
        long one = StatementCounter.count(() -> {
            api.get("/api/staff/dashboard?from=" + today + "&to=" + today, admin).expect(200);
        });
        long many = StatementCounter.count(() -> {
            api.get("/api/staff/dashboard?from=" + today.minusDays(90) + "&to=" + today, admin).expect(200);
        });
        assertThat(one).isPositive().isEqualTo(many);
        assertThat(api.get("/api/staff/dashboard?from=" + today.minusDays(200) + "&to=" + today, admin).expect(400).code())
                .isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void theHoursExportIsARealWorkbookAndOtherCommunitiesAreRefused() {
        String admin = api.adminLogin();
        var r = api.get("/api/staff/duty/hours.xlsx?year=" + LocalDate.now().getYear(), admin).expect(200);
        assertThat(r.http().headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(r.http().headers().firstValue("Content-Disposition").orElse("")).contains("filename*=UTF-8''");
        assertThat(new String(r.raw(), 0, 2)).isEqualTo("PK");
        String token = api.staffLogin(communityStaff(CHUNYUAN), "Staff-pass-1");
        api.get("/api/staff/duty/hours.xlsx?communityId=" + DONGFENG, token).expect(403);
        api.get("/api/staff/duty/hours/year?year=1999", admin).expect(400);
    }

    @Test
    void aDisabledAccountIsSignedOutAtOnceAndCanBeEnabledAgain() {
        String admin = api.adminLogin();
        String name = communityStaff(CHUNYUAN);
        String token = api.staffLogin(name, "Staff-pass-1");
        JsonNode listed = api.get("/api/staff/accounts?keyword=" + name, admin).expect(200).body();
        assertThat(listed.path("total").asLong()).isEqualTo(1);
        long id = listed.path("items").get(0).path("id").asLong();
        assertThat(api.post("/api/staff/accounts/" + id + "/disable", null, admin).expect(200).body().path("enabled").asBoolean()).isFalse();
        api.get("/api/staff/me", token).expect(401);
        api.post("/api/staff/accounts/" + id + "/enable", null, admin).expect(200);
        api.get("/api/staff/me", api.staffLogin(name, "Staff-pass-1")).expect(200);
        long self = api.get("/api/staff/me", admin).expect(200).body().path("id").asLong();
        assertThat(api.post("/api/staff/accounts/" + self + "/disable", null, admin).expect(403).code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void anAccountOpenedWithMustChangePasswordChangesItFirst() {
        String admin = api.adminLogin();
        String name = "capi-new-" + System.nanoTime() % 1000000;
        api.post("/api/staff/accounts", Map.of("username", name, "password", "Initial-pass-1", "displayName", "新同事",
                "role", "COMMUNITY_STAFF", "communityId", CHUNYUAN, "mustChangePassword", true), admin).expect(201);
        JsonNode login = api.post("/api/staff/auth/login", Map.of("username", name, "password", "Initial-pass-1")).expect(200).body();
        assertThat(login.path("passwordChangeRequired").asBoolean()).isTrue();
        String token = login.path("token").asText();
        assertThat(api.get("/api/staff/dashboard", token).expect(403).code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        api.post("/api/staff/auth/password", Map.of("currentPassword", "Initial-pass-1", "newPassword", "Changed-pass-2"), token).expect(204);
        api.get("/api/staff/dashboard", token).expect(200);
    }
}
