package org.redstation.duty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Phones masked in staff lists; the full number only through the audited "show contact" of the member's community. */
class ContactPrivacyIT extends DutyTestSupport {
    @Autowired
    Clock clock;

    @Test
    void theShiftClaimsListMasksPhonesAndShowContactIsScopedReasonedAndAudited() {
        String admin = api.adminLogin();
        Member m = registered(api, admin, true);
        long shift = shift(api, admin, LocalDate.now(clock).plusDays(4).atTime(18, 0), 60, 2);
        api.post("/api/duty/shifts/" + shift + "/claim", null, m.token()).expect(200);

        JsonNode claims = api.get("/api/staff/duty/shifts/" + shift + "/claims", admin).expect(200).body();
        assertThat(claims.get(0).path("phone").asText()).isEqualTo("138****5678");
        assertThat(claims.get(0).path("memberId").asLong()).isEqualTo(m.memberId());
        assertThat(claims.toString()).doesNotContain("13812345678");
        assertThat(api.get("/api/staff/members?communityId=" + CHUNYUAN, admin).expect(200).text()).doesNotContain("13812345678");
        // a whole mobile number, not digits inside a name
        assertThat(api.get("/api/staff/duty/orgs?communityId=" + CHUNYUAN, admin).expect(200).text()).doesNotContainPattern("(?<![0-9])1[3-9][0-9]{9}(?![0-9])");

        // no reason, no number
        assertThat(api.post("/api/staff/members/" + m.memberId() + "/contact", Map.of("reason", " "), admin).expect(400)
                .code()).isEqualTo("VALIDATION_FAILED");
        // staff of another community: refused, nothing recorded
        api.post("/api/staff/accounts", Map.of("username", "contact-other", "password", "contact-pass-123", "displayName", "他社区",
                "role", "COMMUNITY_STAFF", "communityId", 1), admin).expect(201);
        String other = api.staffLogin("contact-other", "contact-pass-123");
        assertThat(api.post("/api/staff/members/" + m.memberId() + "/contact", Map.of("reason", "想看看"), other).expect(403)
                .code()).isEqualTo("FORBIDDEN");
        assertThat(audits(m.memberId())).isZero();

        JsonNode shown = api.post("/api/staff/members/" + m.memberId() + "/contact", Map.of("reason", "联系补班"), admin)
                .expect(200).body();
        assertThat(shown.path("phone").asText()).isEqualTo("13812345678");
        assertThat(shown.path("name").asText()).isEqualTo("张三丰");
        assertThat(audits(m.memberId())).isEqualTo(1);
        Map<String, Object> row = jdbc.queryForMap("SELECT staff_name, community_id, reason, created_at FROM contact_audit "
                + "WHERE subject_kind = 'PARTY_MEMBER' AND subject_id = ?", m.memberId());
        assertThat(row.get("reason")).isEqualTo("联系补班");
        assertThat(((Number) row.get("community_id")).longValue()).isEqualTo(CHUNYUAN);
        assertThat(row.get("created_at")).isNotNull();
        JsonNode log = api.get("/api/staff/members/" + m.memberId() + "/contact-audit", admin).expect(200).body();
        assertThat(log.get(0).path("reason").asText()).isEqualTo("联系补班");
        assertThat(api.get("/api/staff/members/" + m.memberId() + "/contact-audit", other).expect(403).code()).isEqualTo("FORBIDDEN");
    }

    private int audits(long memberId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM contact_audit WHERE subject_kind = 'PARTY_MEMBER' AND subject_id = ?",
                Integer.class, memberId);
    }
}
