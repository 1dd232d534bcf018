package org.redstation.duty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/**
 * The console's Party organisations page through the staff API: search, edit (phone kept unless sent), deactivate
 * (gone from the registration form and from new registrations, kept for staff), typed "not listed" branches turned
 * into organisations with their pending applications, the resource lists (masked names, filters) and their .xlsx
 * export; another community's staff is refused.
 */
class StaffOrgAdminIT extends DutyTestSupport {

    @Test
    void staffSearchEditAndDeactivateAnOrganisationWhichThenLeavesTheRegistrationForm() {
        String admin = api.adminLogin();
        String name = unique("测试单位党支部");
        long id = api.post("/api/staff/duty/orgs", Map.of("communityId", CHUNYUAN, "name", name, "kind", "UNIT_BRANCH",
                "unitName", "测试单位", "secretary", "王书记", "contactPhone", "13900001111"), admin).expect(201).body().path("id").asLong();

        JsonNode found = api.get("/api/staff/duty/orgs?communityId=" + CHUNYUAN + "&keyword=" + enc(name), admin).expect(200).body();
        assertThat(found.size()).isEqualTo(1);
        assertThat(found.get(0).path("contactPhone").asText()).isEqualTo("139****1111");
        assertThat(found.get(0).path("active").asBoolean()).isTrue();
        assertThat(found.get(0).path("memberCount").asInt()).isZero();
        assertThat(api.get("/api/staff/duty/orgs?communityId=" + CHUNYUAN + "&kind=COMMUNITY_BRANCH&keyword=" + enc(name), admin)
                .expect(200).body().size()).isZero();

        String renamed = name + "（改）";
        Map<String, Object> edit = new HashMap<>(Map.of("name", renamed, "kind", "GENERAL_BRANCH", "secretary", "李书记"));
        JsonNode edited = api.put("/api/staff/duty/orgs/" + id, edit, admin).expect(200).body();
        assertThat(edited.path("name").asText()).isEqualTo(renamed);
        assertThat(edited.path("kindName").asText()).isEqualTo("党总支");
        assertThat(jdbc.queryForObject("SELECT contact_phone FROM duty_org WHERE id = ?", String.class, id))
                .as("no phone sent: the phone is kept").isEqualTo("13900001111");
        edit.put("name", "襄阳铁路中学党支部"); // the demo organisation of 春园社区
        assertThat(api.put("/api/staff/duty/orgs/" + id, edit, admin).expect(409).code()).isEqualTo("ORG_EXISTS");

        api.post("/api/staff/duty/orgs/" + id + "/deactivate", null, admin).expect(200);
        String resident = api.login(unique("org-applicant"));
        assertThat(api.get("/api/member/orgs?communityId=" + CHUNYUAN, resident).expect(200).body().toString()).doesNotContain(renamed);
        assertThat(api.post("/api/member/registration", Map.of("communityId", CHUNYUAN, "orgId", id, "name", "赵六",
                "phoneCode", "phone-13812340000"), resident).expect(400).code()).isEqualTo("ORG_NOT_FOUND");
        assertThat(api.get("/api/staff/duty/orgs?communityId=" + CHUNYUAN + "&active=false", admin).expect(200).body().toString())
                .contains(renamed);
        assertThat(api.get("/api/staff/duty/orgs?communityId=" + CHUNYUAN + "&active=true", admin).expect(200).body().toString())
                .doesNotContain(renamed);
        api.post("/api/staff/duty/orgs/" + id + "/activate", null, admin).expect(200);
        assertThat(api.get("/api/member/orgs?communityId=" + CHUNYUAN, resident).expect(200).body().toString()).contains(renamed);

        String otherStaff = communityStaffOf(2, admin);
        api.put("/api/staff/duty/orgs/" + id, edit, otherStaff).expect(403);
        api.post("/api/staff/duty/orgs/" + id + "/deactivate", null, otherStaff).expect(403);
        assertThat(api.get("/api/staff/duty/orgs?keyword=" + enc(renamed), otherStaff).expect(200).body().size()).isZero();
    }

    @Test
    void aBranchTypedByApplicantsBecomesAnOrganisationAndTheirPendingApplicationsJoinIt() {
        String admin = api.adminLogin();
        String typed = unique("铁中支部");
        long first = apply(typed);
        long second = apply(typed);
        JsonNode unlisted = api.get("/api/staff/duty/orgs/unlisted?communityId=" + CHUNYUAN, admin).expect(200).body();
        JsonNode row = null;
        for (JsonNode r : unlisted) {
            if (r.path("name").asText().equals(typed)) {
                row = r;
            }
        }
        assertThat(row).as(unlisted.toString()).isNotNull();
        assertThat(row.path("applications").asInt()).isEqualTo(2);

        String proper = unique("襄阳某单位党支部");
        JsonNode resolved = api.post("/api/staff/duty/orgs/unlisted", Map.of("communityId", CHUNYUAN, "given", typed,
                "org", Map.of("name", proper, "kind", "UNIT_BRANCH", "unitName", "襄阳某单位")), admin).expect(200).body();
        assertThat(resolved.path("joined").asInt()).isEqualTo(2);
        long orgId = resolved.path("org").path("id").asLong();
        JsonNode approved = api.post("/api/staff/members/" + first + "/approve", null, admin).expect(200).body();
        assertThat(approved.path("orgId").asLong()).isEqualTo(orgId);
        assertThat(approved.path("orgNotListed").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("SELECT org_id FROM party_member WHERE id = ?", Long.class, second)).isEqualTo(orgId);
        assertThat(api.get("/api/staff/duty/orgs/unlisted?communityId=" + CHUNYUAN, admin).expect(200).body().toString())
                .doesNotContain(typed);

        // a second typed name joins an organisation already listed
        String other = unique("铁中");
        long third = apply(other);
        assertThat(api.post("/api/staff/duty/orgs/unlisted", Map.of("communityId", CHUNYUAN, "given", other, "orgId", ORG_RAILWAY_SCHOOL),
                admin).expect(200).body().path("joined").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT org_id FROM party_member WHERE id = ?", Long.class, third)).isEqualTo(ORG_RAILWAY_SCHOOL);
        // a name nobody typed: refused, and no organisation is left behind
        String nobody = unique("无人填写");
        assertThat(api.post("/api/staff/duty/orgs/unlisted", Map.of("communityId", CHUNYUAN, "given", nobody,
                "org", Map.of("name", nobody, "kind", "UNIT_BRANCH")), admin).expect(400).body().path("field").asText()).isEqualTo("given");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM duty_org WHERE name = ?", Integer.class, nobody)).isZero();
        api.post("/api/staff/duty/orgs/unlisted", Map.of("communityId", CHUNYUAN, "given", typed, "orgId", ORG_RAILWAY_SCHOOL),
                communityStaffOf(2, admin)).expect(403);
    }

    @Test
    void staffFilterTheResourceListsWithMaskedNamesAndExportThemAsAWorkbook() throws IOException {
        String admin = api.adminLogin();
        Member m = registered(api, admin, true);
        String legal = unique("劳动仲裁咨询");
        api.post("/api/member/resources", Map.of("category", "LEGAL", "description", legal), m.token()).expect(200);
        api.post("/api/member/resources", Map.of("category", "REPAIR", "description", unique("水电维修")), m.token()).expect(200);

        JsonNode list = api.get("/api/staff/members/resources?communityId=" + CHUNYUAN + "&category=LEGAL&keyword=" + enc(legal), admin)
                .expect(200).body();
        assertThat(list.size()).isEqualTo(1);
        assertThat(list.get(0).path("memberName").asText()).isEqualTo("张**");
        assertThat(list.get(0).path("memberId").asLong()).isEqualTo(m.memberId());
        assertThat(list.get(0).path("categoryName").asText()).isEqualTo("法律咨询");
        assertThat(list.get(0).path("communityName").asText()).isEqualTo("春园社区");
        assertThat(list.toString()).doesNotContain("张三丰").doesNotContain("13812345678");
        assertThat(api.get("/api/staff/members/resources?communityId=" + CHUNYUAN + "&orgId=" + ORG_RAILWAY_SCHOOL + "&keyword="
                + enc(legal), admin).expect(200).body().size()).isEqualTo(1);
        assertThat(api.get("/api/staff/members/resources?communityId=" + CHUNYUAN + "&category=MEDICAL&keyword=" + enc(legal), admin)
                .expect(200).body().size()).isZero();

        var x = api.get("/api/staff/members/resources.xlsx?communityId=" + CHUNYUAN + "&category=LEGAL", admin).expect(200);
        assertThat(x.http().headers().firstValue("Content-Type").orElse("")).startsWith("application/vnd.openxmlformats");
        assertThat(x.http().headers().firstValue("Content-Disposition").orElse("")).contains("filename*=UTF-8''");
        String text = xlsxText(x.raw());
        assertThat(text).contains("资源清单", "可提供的服务", legal, "张**").doesNotContain("张三丰");

        String other = communityStaffOf(2, admin);
        api.get("/api/staff/members/resources.xlsx?communityId=" + CHUNYUAN, other).expect(403);
        assertThat(api.get("/api/staff/members/resources?keyword=" + enc(legal), other).expect(200).body().size()).isZero();
    }

    private long apply(String typedOrg) {
        String token = api.login(unique("typed-applicant"));
        return api.post("/api/member/registration", Map.of("communityId", CHUNYUAN, "orgName", typedOrg, "name", "钱七",
                "phoneCode", "phone-13812340001"), token).expect(200).body().path("id").asLong();
    }

    private String communityStaffOf(long communityId, String admin) {
        String username = "orgcs" + System.nanoTime() % 1_000_000_000_000L;
        api.post("/api/staff/accounts", Map.of("username", username, "password", "Staff-pass-1", "displayName", "测试",
                "role", "COMMUNITY_STAFF", "communityId", communityId), admin).expect(201);
        return api.staffLogin(username, "Staff-pass-1");
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Every part of the workbook as text, with fastexcel's character references (&#x5f20;) decoded. */
    static String xlsxText(byte[] xlsx) throws IOException {
        assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        StringBuilder all = new StringBuilder();
        // through the central directory (ZipFile): fastexcel streams its entries with data descriptors
        java.nio.file.Path file = java.nio.file.Files.createTempFile("resources", ".xlsx");
        try {
            java.nio.file.Files.write(file, xlsx);
            try (ZipFile zip = new ZipFile(file.toFile())) {
                for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                    all.append(new String(zip.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8)).append('\n');
                }
            }
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
        Matcher m = Pattern.compile("&#x([0-9a-fA-F]+);|&#(\\d+);").matcher(all);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            int cp = m.group(1) != null ? Integer.parseInt(m.group(1), 16) : Integer.parseInt(m.group(2));
            m.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(cp))));
        }
        m.appendTail(out);
        return out.toString();
    }
}
