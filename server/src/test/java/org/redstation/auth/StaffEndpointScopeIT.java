package org.redstation.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.redstation.support.Api;
import org.redstation.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The role table (issue 10, item 4): EVERY staff endpoint, enumerated from Spring's handler mappings so a new
 * one cannot be forgotten, called against community B's data as community staff of community A, as the street
 * administrator of another street (both: 403 or 404; a list filtered by scope may answer 200 without B's rows),
 * and as a district administrator (allowed).
 * Endpoints that are global by design are listed in {@link #GLOBAL} with the reason.
 */
class StaffEndpointScopeIT extends IntegrationTest {
    /** Not scoped by community, on purpose. */
    static final Map<String, String> GLOBAL = Map.of(
            "POST /api/staff/auth/login", "signing in: anyone",
            "POST /api/staff/auth/password", "one's own password",
            "GET /api/staff/me", "one's own account",
            "POST /api/staff/chat/binding-code", "a code for one's own WeChat binding",
            "GET /api/staff/chat/binding", "one's own WeChat binding",
            "GET /api/staff/services", "the district's one service catalogue, read by every station's staff",
            "GET /api/staff/chat/rules", "district-wide rules plus the caller's own communities' (filtered by scope())");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;
    @Autowired
    JdbcTemplate jdbc;
    @Value("${redstation.wish.photo-dir}")
    String photoDir;

    /** {@code leak}: for a list filtered by scope(), 200 is right as long as the body does not contain it. */
    record Call(String path, Object body, String leak) {
        Call(String path, Object body) {
            this(path, body, null);
        }
    }

    @Test
    void everyStaffEndpointRefusesAnotherCommunitysDataToCommunityStaffAndOtherStreetsAndServesTheDistrict() {
        String admin = api.adminLogin();
        // community B: a street, community and station of this test's own (the district administrator's calls change
        // B's data, and other tests rely on the demo stations); A = community 1 of street 1, the other street = 1
        jdbc.update("INSERT INTO street (id, name, kind) VALUES (900, '范围测试街道', 'STREET') ON DUPLICATE KEY UPDATE name = name");
        jdbc.update("INSERT INTO community (id, street_id, name, phone) VALUES (900, 900, '范围测试社区', '0710-0000900') "
                + "ON DUPLICATE KEY UPDATE name = name");
        long b = 900;
        long a = 1;
        long otherStreet = 1;
        long stationB = api.post("/api/staff/stations", Map.of("code", "SCOPEB", "communityId", b, "station", Map.of(
                "name", "范围测试驿站", "address", "测试路1号", "latitude", 45.0, "longitude", 80.0, "buildType", "NEW")), admin)
                .body().path("id").asLong();
        assertThat(stationB).as("station B created").isPositive();
        Map<String, Call> table = table(admin, b, stationB);

        List<String> endpoints = staffEndpoints();
        List<String> missing = endpoints.stream().filter(e -> !table.containsKey(e) && !GLOBAL.containsKey(e)).toList();
        assertThat(missing).as("staff endpoints without a row in the role table (add one, or list it in GLOBAL with the reason)")
                .isEmpty();
        assertThat(table.keySet()).as("rows for endpoints that no longer exist").isSubsetOf(endpoints);

        String communityStaff = account("scope-cs", Map.of("role", "COMMUNITY_STAFF", "communityId", a), admin);
        String streetAdmin = account("scope-sa", Map.of("role", "STREET_ADMIN", "streetId", otherStreet), admin);
        List<String> leaks = new ArrayList<>();
        for (Map.Entry<String, Call> e : table.entrySet()) {
            for (Map.Entry<String, String> who : Map.of("COMMUNITY_STAFF of another community", communityStaff,
                    "STREET_ADMIN of another street", streetAdmin).entrySet()) {
                Api.Resp r = send(e.getKey(), e.getValue(), who.getValue());
                boolean filtered = e.getValue().leak() != null && r.status() == 200 && !r.text().contains(e.getValue().leak());
                if (r.status() != 403 && r.status() != 404 && !filtered) {
                    leaks.add(who.getKey() + ": " + e.getKey() + " -> " + r.status() + " " + abbreviate(r.text()));
                }
            }
        }
        assertThat(leaks).as("out-of-scope calls that were not refused").isEmpty();

        List<String> refused = new ArrayList<>();
        for (Map.Entry<String, Call> e : table.entrySet()) {
            Api.Resp r = send(e.getKey(), e.getValue(), admin);
            if (r.status() == 401 || r.status() == 403 || r.status() >= 500) {
                refused.add(e.getKey() + " -> " + r.status() + " " + abbreviate(r.text()));
            }
        }
        assertThat(refused).as("a district administrator may do everything").isEmpty();
    }

    /** "METHOD /pattern" of every handler under /api/staff. */
    private List<String> staffEndpoints() {
        TreeSet<String> all = new TreeSet<>();
        mappings.getHandlerMethods().keySet().forEach(info -> info.getPatternValues().stream()
                .filter(p -> p.startsWith("/api/staff/"))
                .forEach(p -> info.getMethodsCondition().getMethods().forEach(m -> all.add(m.name() + " " + p))));
        return List.copyOf(all);
    }

    /** One call per endpoint, aimed at community {@code b}'s data (rows made here when the demo data has none). */
    private Map<String, Call> table(String admin, long b, long stationB) {
        long serviceId = jdbc.queryForObject("SELECT MIN(id) FROM service_item", Long.class);
        LocalDate day = LocalDate.now().plusDays(20);
        long demoRule = jdbc.queryForObject("SELECT MIN(id) FROM booking_rule", Long.class);
        jdbc.update("INSERT INTO booking_rule (station_id, kind, name, weekdays, start_time, end_time, capacity, open_days_ahead, "
                + "cancel_cutoff_minutes, waitlist_enabled, active, created_at, updated_at) SELECT ?, kind, name, weekdays, "
                + "start_time, end_time, capacity, open_days_ahead, cancel_cutoff_minutes, waitlist_enabled, 0, NOW(3), NOW(3) "
                + "FROM booking_rule WHERE id = ?", stationB, demoRule);
        long ruleB = jdbc.queryForObject("SELECT MAX(id) FROM booking_rule WHERE station_id = ?", Long.class, stationB);
        jdbc.update("INSERT INTO booking_rule_service (rule_id, service_id) SELECT ?, service_id FROM booking_rule_service "
                + "WHERE rule_id = ?", ruleB, demoRule);
        jdbc.update("INSERT INTO duty_org (community_id, name, kind, unit_name, secretary, contact_phone, created_at) "
                + "SELECT ?, '范围测试党支部', kind, unit_name, secretary, contact_phone, NOW(3) FROM duty_org ORDER BY id LIMIT 1", b);
        long orgB = jdbc.queryForObject("SELECT MIN(id) FROM duty_org WHERE community_id = ?", Long.class, b);
        jdbc.update("INSERT INTO duty_shift (station_id, community_id, start_at, end_at, role_name, seats, taken, status, created_at) "
                + "VALUES (?, ?, ?, ?, '范围测试班', 2, 0, 'OPEN', NOW(3))", stationB, b, day.atTime(9, 0), day.atTime(10, 0));
        long shiftB = jdbc.queryForObject("SELECT MIN(id) FROM duty_shift WHERE station_id = ?", Long.class, stationB);
        jdbc.update("INSERT INTO booking_slot (station_id, rule_id, slot_date, start_time, end_time, kind, name, capacity, booked, "
                + "cancel_cutoff_minutes, waitlist_enabled, status, created_at) SELECT station_id, id, ?, '10:00', '11:00', kind, "
                + "name, 5, 1, 60, 1, 'OPEN', NOW(3) FROM booking_rule WHERE id = ?", day, ruleB);
        long slotB = jdbc.queryForObject("SELECT MAX(id) FROM booking_slot WHERE rule_id = ?", Long.class, ruleB);
        api.login("scope-resident");
        long userId = jdbc.queryForObject("SELECT MAX(id) FROM app_user", Long.class);
        jdbc.update("INSERT INTO booking (slot_id, station_id, user_id, service_id, status, active_slot_id, created_at, updated_at) "
                + "VALUES (?, ?, ?, ?, 'CONFIRMED', ?, NOW(3), NOW(3))", slotB, stationB, userId, serviceId, slotB);
        long bookingB = jdbc.queryForObject("SELECT MAX(id) FROM booking WHERE slot_id = ?", Long.class, slotB);
        jdbc.update("INSERT INTO booking_closure (station_id, closed_on, reason, created_at) VALUES (?, ?, '测试', NOW(3))",
                stationB, day.plusDays(1));
        long closureB = jdbc.queryForObject("SELECT MAX(id) FROM booking_closure WHERE station_id = ?", Long.class, stationB);
        jdbc.update("INSERT INTO party_member (user_id, community_id, org_id, name, phone, status, created_at, updated_at) "
                + "VALUES (?, ?, ?, '范围测试', '13800000000', 'PENDING', NOW(3), NOW(3))", userId, b, orgB);
        long memberB = jdbc.queryForObject("SELECT id FROM party_member WHERE user_id = ?", Long.class, userId);
        jdbc.update("INSERT INTO chat_conversation (community_id, openid, status, open_key, created_at, last_message_at) "
                + "VALUES (?, 'scope-openid', 'OPEN', 'scope-openid', NOW(3), NOW(3))", b);
        long conversationB = jdbc.queryForObject("SELECT id FROM chat_conversation WHERE open_key = 'scope-openid'", Long.class);
        long chatRuleB = api.post("/api/staff/chat/rules", Map.of("communityId", b, "matchType", "CONTAINS", "pattern", "范围测试",
                "reply", "x"), admin).expect(200).body().path("id").asLong();
        String staffB = account("scope-b", Map.of("role", "COMMUNITY_STAFF", "communityId", b), admin);
        long staffBId = api.get("/api/staff/me", staffB).expect(200).body().path("id").asLong();
        jdbc.update("INSERT INTO chat_staff_binding (staff_id, openid, display_name, community_id, bound_at) "
                + "VALUES (?, 'scope-b-wx', '王scope-b', ?, NOW(3))", staffBId, b);

        jdbc.update("INSERT INTO chat_delivery (kind, to_openid, content, conversation_id, status, attempts, next_attempt_at, "
                + "last_error, created_at) VALUES ('REPLY', 'scope-openid', '范围测试投递', ?, 'FAILED', 5, NOW(3), 'x', NOW(3))",
                conversationB);
        long deliveryB = jdbc.queryForObject("SELECT MAX(id) FROM chat_delivery WHERE conversation_id = ?", Long.class, conversationB);
        jdbc.update("INSERT INTO notify_outbox (dedup_key, user_id, template, data_json, status, attempts, next_attempt_at, "
                + "last_error, created_at) VALUES ('scope-outbox', ?, 'scope', '{}', 'FAILED', 5, NOW(3), 'x', NOW(3))", userId);
        long outboxB = jdbc.queryForObject("SELECT id FROM notify_outbox WHERE dedup_key = 'scope-outbox'", Long.class);
        // a reveal of B's member, so the audit list has a row of B to leak
        api.post("/api/staff/members/" + memberB + "/contact", Map.of("reason", "范围测试原因"), admin).expect(200);
        // wish: three needs of B (one to dispatch, two to merge), a photo row, a team and a project
        for (String content : List.of("范围测试心愿", "范围测试心愿二", "范围测试心愿三")) {
            jdbc.update("INSERT INTO wish (user_id, community_id, station_id, category, content, may_contact, state, state_since, "
                    + "created_at, updated_at) VALUES (?, ?, ?, 'REPAIR', ?, 0, 'SUBMITTED', NOW(3), NOW(3), NOW(3))",
                    userId, b, stationB, content);
        }
        List<Long> wishesB = jdbc.queryForList("SELECT id FROM wish WHERE community_id = ? ORDER BY id", Long.class, b);
        long wishB = wishesB.get(0);
        jdbc.update("INSERT INTO wish_photo (wish_id, kind, storage_key, content_type, size_bytes, created_at) "
                + "VALUES (?, 'POSTED', 'scope-photo-b.jpg', 'image/jpeg', 3, NOW(3))", wishB);
        long photoB = jdbc.queryForObject("SELECT id FROM wish_photo WHERE storage_key = 'scope-photo-b.jpg'", Long.class);
        writePhoto("scope-photo-b.jpg");
        long teamB = api.post("/api/staff/volunteer/teams", Map.of("communityId", b, "name", "范围测试队", "category", "CIVILISATION",
                "leaderUserId", userId, "leaderName", "范围测试"), admin).expect(201).body().path("id").asLong();
        long projectB = api.post("/api/staff/wish-projects", Map.of("communityId", b, "title", "范围测试项目", "wishIds", List.of()),
                admin).expect(201).body().path("id").asLong();
        api.login("scope-volunteer");
        long volunteerId = jdbc.queryForObject("SELECT MAX(id) FROM app_user", Long.class);
        YearMonth month = YearMonth.now();

        Map<String, Object> station = Map.of("name", "范围测试驿站", "address", "测试路1号", "latitude", 45.0, "longitude", 80.0,
                "buildType", "NEW");
        Map<String, Object> rule = Map.of("kind", "OTHER", "name", "范围测试", "weekdays", List.of(1), "start", "09:00",
                "end", "10:00", "capacity", 5, "serviceIds", List.of(serviceId));
        Map<String, Object> shift = Map.of("stationId", stationB, "date", day.toString(), "start", "09:00", "end", "10:00",
                "seats", 2, "roleName", "范围测试");
        Map<String, Object> weekly = Map.of("stationId", stationB, "from", day.toString(), "to", day.plusDays(6).toString(),
                "weekdays", List.of(2), "start", "14:00", "end", "15:00", "seats", 2, "roleName", "范围测试每周");
        Map<String, Object> service = Map.of("name", "范围测试服务", "category", "测试", "usageMode", "STAFFED", "enabled", false);
        Map<String, Call> t = new LinkedHashMap<>();
        // station
        t.put("GET /api/staff/stations", new Call("/api/staff/stations?communityId=" + b, null));
        t.put("GET /api/staff/stations/{id}", new Call("/api/staff/stations/" + stationB, null));
        t.put("POST /api/staff/stations", new Call("/api/staff/stations", Map.of("code", "SCOPEC",
                "communityId", b, "station", Map.of("name", "范围测试新驿站", "address", "测试路2号", "latitude", 45.0,
                        "longitude", 80.0, "buildType", "NEW"))));
        t.put("PUT /api/staff/stations/{id}", new Call("/api/staff/stations/" + stationB, station));
        t.put("PUT /api/staff/stations/{id}/status", new Call("/api/staff/stations/" + stationB + "/status", Map.of("status", "OPEN")));
        t.put("PUT /api/staff/stations/{id}/hours", new Call("/api/staff/stations/" + stationB + "/hours", Map.of("windows",
                List.of(Map.of("dayOfWeek", 1, "start", "09:00", "end", "17:00", "kind", "REGULAR")))));
        t.put("PUT /api/staff/stations/{id}/services", new Call("/api/staff/stations/" + stationB + "/services",
                Map.of("services", List.of(Map.of("serviceId", serviceId)))));
        t.put("GET /api/staff/stations/{id}/services", new Call("/api/staff/stations/" + stationB + "/services", null));
        t.put("GET /api/staff/stations/{id}/audit", new Call("/api/staff/stations/" + stationB + "/audit", null));
        t.put("GET /api/staff/stations/{id}/qrcode", new Call("/api/staff/stations/" + stationB + "/qrcode", null));
        t.put("GET /api/staff/stations/{id}/poster", new Call("/api/staff/stations/" + stationB + "/poster", null));
        t.put("POST /api/staff/services", new Call("/api/staff/services", service));
        t.put("PUT /api/staff/services/{id}", new Call("/api/staff/services/" + serviceId, Map.of("name",
                jdbc.queryForObject("SELECT name FROM service_item WHERE id = ?", String.class, serviceId), "category",
                jdbc.queryForObject("SELECT category FROM service_item WHERE id = ?", String.class, serviceId), "usageMode",
                jdbc.queryForObject("SELECT usage_mode FROM service_item WHERE id = ?", String.class, serviceId))));
        // booking
        t.put("GET /api/staff/booking/stations/{stationId}/rules", new Call("/api/staff/booking/stations/" + stationB + "/rules", null));
        t.put("POST /api/staff/booking/stations/{stationId}/rules", new Call("/api/staff/booking/stations/" + stationB + "/rules", rule));
        t.put("PUT /api/staff/booking/rules/{ruleId}", new Call("/api/staff/booking/rules/" + ruleB, rule));
        t.put("GET /api/staff/booking/stations/{stationId}/slots", new Call("/api/staff/booking/stations/" + stationB + "/slots", null));
        t.put("GET /api/staff/booking/slots/{slotId}/bookings", new Call("/api/staff/booking/slots/" + slotB + "/bookings", null));
        t.put("POST /api/staff/booking/bookings/{id}/attendance", new Call("/api/staff/booking/bookings/" + bookingB + "/attendance",
                Map.of("attended", true)));
        t.put("POST /api/staff/booking/bookings/{id}/cancel", new Call("/api/staff/booking/bookings/" + bookingB + "/cancel",
                Map.of("reason", "范围测试")));
        t.put("POST /api/staff/booking/closures", new Call("/api/staff/booking/closures", Map.of("stationId", stationB,
                "date", day.plusDays(2).toString(), "reason", "范围测试")));
        t.put("GET /api/staff/booking/stations/{stationId}/closures", new Call("/api/staff/booking/stations/" + stationB + "/closures", null));
        t.put("DELETE /api/staff/booking/closures/{id}", new Call("/api/staff/booking/closures/" + closureB, null));
        t.put("POST /api/staff/booking/jobs/run", new Call("/api/staff/booking/jobs/run", null));
        t.put("GET /api/staff/booking/slots/{slotId}/bookings.xlsx", new Call("/api/staff/booking/slots/" + slotB + "/bookings.xlsx", null));
        t.put("POST /api/staff/booking/bookings/{id}/contact", new Call("/api/staff/booking/bookings/" + bookingB + "/contact",
                Map.of("reason", "范围测试")));
        // duty
        t.put("POST /api/staff/duty/orgs", new Call("/api/staff/duty/orgs", Map.of("communityId", b, "name", "范围测试党支部",
                "kind", jdbc.queryForObject("SELECT kind FROM duty_org WHERE id = ?", String.class, orgB))));
        t.put("GET /api/staff/duty/orgs", new Call("/api/staff/duty/orgs?communityId=" + b, null));
        t.put("GET /api/staff/members", new Call("/api/staff/members?communityId=" + b, null));
        t.put("POST /api/staff/members/{id}/approve", new Call("/api/staff/members/" + memberB + "/approve", null));
        t.put("POST /api/staff/members/{id}/reject", new Call("/api/staff/members/" + memberB + "/reject", Map.of("reason", "范围测试")));
        t.put("GET /api/staff/members/resources", new Call("/api/staff/members/resources?communityId=" + b, null));
        t.put("POST /api/staff/duty/shifts", new Call("/api/staff/duty/shifts", shift));
        t.put("POST /api/staff/duty/shifts/weekly", new Call("/api/staff/duty/shifts/weekly", weekly));
        t.put("GET /api/staff/duty/shifts", new Call("/api/staff/duty/shifts?communityId=" + b, null));
        t.put("PUT /api/staff/duty/shifts/{id}/org", new Call("/api/staff/duty/shifts/" + shiftB + "/org", Map.of("orgId", orgB)));
        t.put("POST /api/staff/duty/shifts/{id}/cancel", new Call("/api/staff/duty/shifts/" + shiftB + "/cancel", null));
        t.put("GET /api/staff/duty/shifts/{id}/claims", new Call("/api/staff/duty/shifts/" + shiftB + "/claims", null));
        t.put("GET /api/staff/duty/alerts", new Call("/api/staff/duty/alerts?communityId=" + b, null));
        t.put("GET /api/staff/duty/hours", new Call("/api/staff/duty/hours?communityId=" + b, null));
        t.put("GET /api/staff/duty/hours/year", new Call("/api/staff/duty/hours/year?communityId=" + b, null));
        t.put("GET /api/staff/duty/hours.xlsx", new Call("/api/staff/duty/hours.xlsx?communityId=" + b, null));
        t.put("POST /api/staff/members/{id}/contact", new Call("/api/staff/members/" + memberB + "/contact", Map.of("reason", "范围测试")));
        // admins only; a street administrator's list leaves out reveals of communities outside the street
        t.put("GET /api/staff/members/{id}/contact-audit", new Call("/api/staff/members/" + memberB + "/contact-audit", null, "范围测试原因"));
        t.put("POST /api/staff/duty/orgs/{id}/contact", new Call("/api/staff/duty/orgs/" + orgB + "/contact", Map.of("reason", "范围测试")));
        // chat
        t.put("GET /api/staff/chat/bindings", new Call("/api/staff/chat/bindings", null, "王scope-b"));
        t.put("DELETE /api/staff/chat/bindings/{staffId}", new Call("/api/staff/chat/bindings/" + staffBId, null));
        t.put("POST /api/staff/chat/rules", new Call("/api/staff/chat/rules", Map.of("communityId", b, "matchType", "CONTAINS",
                "pattern", "范围测试新", "reply", "x")));
        t.put("PUT /api/staff/chat/rules/{id}", new Call("/api/staff/chat/rules/" + chatRuleB, Map.of("communityId", b,
                "matchType", "CONTAINS", "pattern", "范围测试改", "reply", "x")));
        t.put("DELETE /api/staff/chat/rules/{id}", new Call("/api/staff/chat/rules/" + chatRuleB, null));
        t.put("POST /api/staff/chat/rules/test", new Call("/api/staff/chat/rules/test", Map.of("text", "范围测试", "communityId", b)));
        t.put("GET /api/staff/chat/conversations", new Call("/api/staff/chat/conversations?communityId=" + b, null));
        t.put("GET /api/staff/chat/conversations/{id}", new Call("/api/staff/chat/conversations/" + conversationB, null));
        t.put("POST /api/staff/chat/conversations/{id}/reply", new Call("/api/staff/chat/conversations/" + conversationB + "/reply",
                Map.of("content", "范围测试")));
        t.put("POST /api/staff/chat/conversations/{id}/take", new Call("/api/staff/chat/conversations/" + conversationB + "/take", null));
        t.put("POST /api/staff/chat/conversations/{id}/close", new Call("/api/staff/chat/conversations/" + conversationB + "/close", null));
        t.put("POST /api/staff/chat/menu/publish", new Call("/api/staff/chat/menu/publish", null));
        t.put("GET /api/staff/chat/conversations/{id}/history", new Call("/api/staff/chat/conversations/" + conversationB + "/history", null));
        t.put("GET /api/staff/chat/deliveries", new Call("/api/staff/chat/deliveries", null, "范围测试投递"));
        t.put("POST /api/staff/chat/deliveries/{id}/retry", new Call("/api/staff/chat/deliveries/" + deliveryB + "/retry", null));
        // notify: the district's outbox, district administrators only
        t.put("GET /api/staff/notify/outbox", new Call("/api/staff/notify/outbox", null));
        t.put("POST /api/staff/notify/outbox/{id}/retry", new Call("/api/staff/notify/outbox/" + outboxB + "/retry", null));
        // station, dashboard, figures: lists filtered by scope()
        t.put("GET /api/staff/communities", new Call("/api/staff/communities", null, "范围测试社区"));
        t.put("GET /api/staff/dashboard", new Call("/api/staff/dashboard?communityId=" + b, null));
        t.put("GET /api/staff/figures", new Call("/api/staff/figures", null, "范围测试社区"));
        t.put("GET /api/staff/figures/monthly", new Call("/api/staff/figures/monthly?from=" + month.minusMonths(1) + "&to=" + month
                + "&communityId=" + b, null));
        t.put("GET /api/staff/figures/report", new Call("/api/staff/figures/report?communityId=" + b + "&month=" + month, null));
        // wish and volunteers
        t.put("GET /api/staff/wishes", new Call("/api/staff/wishes", null, "范围测试心愿"));
        t.put("GET /api/staff/wishes/{id}", new Call("/api/staff/wishes/" + wishB, null));
        t.put("GET /api/staff/wishes/{id}/suggestions", new Call("/api/staff/wishes/" + wishB + "/suggestions", null));
        t.put("GET /api/staff/wishes/{id}/photos/{photoId}", new Call("/api/staff/wishes/" + wishB + "/photos/" + photoB, null));
        t.put("POST /api/staff/wishes/{id}/dispatch", new Call("/api/staff/wishes/" + wishB + "/dispatch", Map.of("kind", "TEAM",
                "assigneeId", teamB, "note", "范围测试")));
        t.put("POST /api/staff/wishes/{id}/merge", new Call("/api/staff/wishes/" + wishesB.get(1) + "/merge",
                Map.of("intoId", wishesB.get(2))));
        t.put("POST /api/staff/wish-projects", new Call("/api/staff/wish-projects", Map.of("communityId", b, "title", "范围测试新项目",
                "wishIds", List.of())));
        t.put("POST /api/staff/wish-projects/{id}/wishes", new Call("/api/staff/wish-projects/" + projectB + "/wishes",
                Map.of("wishId", wishesB.get(2))));
        t.put("GET /api/staff/wish-projects/{id}", new Call("/api/staff/wish-projects/" + projectB, null));
        t.put("POST /api/staff/volunteer/teams", new Call("/api/staff/volunteer/teams", Map.of("communityId", b, "name", "范围测试新队",
                "category", "CIVILISATION", "leaderUserId", userId, "leaderName", "范围测试")));
        t.put("POST /api/staff/volunteer/teams/{id}/members", new Call("/api/staff/volunteer/teams/" + teamB + "/members",
                Map.of("userId", volunteerId, "name", "范围测试队员")));
        t.put("POST /api/staff/volunteer/activities", new Call("/api/staff/volunteer/activities", Map.of("stationId", stationB,
                "teamId", teamB, "title", "范围测试活动", "startAt", day.atTime(9, 0).toString(), "endAt", day.atTime(11, 0).toString(),
                "capacity", 10)));
        // auth
        t.put("POST /api/staff/accounts", new Call("/api/staff/accounts", Map.of("username", "scope-new-b", "password", "secret-pass-1",
                "displayName", "新", "role", "COMMUNITY_STAFF", "communityId", b)));
        t.put("POST /api/staff/accounts/{id}/disable", new Call("/api/staff/accounts/" + staffBId + "/disable", null));
        t.put("POST /api/staff/accounts/{id}/enable", new Call("/api/staff/accounts/" + staffBId + "/enable", null));
        // admins only; a street administrator's list holds its own street's staff
        t.put("GET /api/staff/accounts", new Call("/api/staff/accounts", null, "scope-b"));
        // wish dispatch to duty organisations, conversation -> wish (i-wish2)
        Map<String, Object> noContact = new HashMap<>();
        noContact.put("memberId", null);
        t.put("PUT /api/staff/duty/orgs/{id}/contact-user", new Call("/api/staff/duty/orgs/" + orgB + "/contact-user", noContact));
        // console: organisations, typed branches, resource export, weekly patterns (i-console)
        jdbc.update("INSERT INTO duty_pattern (station_id, community_id, weekdays, start_time, end_time, role_name, seats, active, "
                + "created_at, updated_at) VALUES (?, ?, '3', '16:00', '17:00', '范围测试规律', 2, 1, NOW(3), NOW(3))", stationB, b);
        long patternB = jdbc.queryForObject("SELECT MAX(id) FROM duty_pattern WHERE station_id = ?", Long.class, stationB);
        Map<String, Object> pattern = Map.of("stationId", stationB, "weekdays", List.of(4), "start", "16:00", "end", "17:00",
                "seats", 2, "roleName", "范围测试规律");
        t.put("PUT /api/staff/duty/orgs/{id}", new Call("/api/staff/duty/orgs/" + orgB, Map.of("name", "范围测试党支部",
                "kind", "UNIT_BRANCH")));
        t.put("POST /api/staff/duty/orgs/{id}/deactivate", new Call("/api/staff/duty/orgs/" + orgB + "/deactivate", null));
        t.put("POST /api/staff/duty/orgs/{id}/activate", new Call("/api/staff/duty/orgs/" + orgB + "/activate", null));
        t.put("GET /api/staff/duty/orgs/unlisted", new Call("/api/staff/duty/orgs/unlisted?communityId=" + b, null));
        t.put("POST /api/staff/duty/orgs/unlisted", new Call("/api/staff/duty/orgs/unlisted", Map.of("communityId", b,
                "given", "范围测试填写", "orgId", orgB)));
        t.put("GET /api/staff/members/resources.xlsx", new Call("/api/staff/members/resources.xlsx?communityId=" + b, null));
        t.put("GET /api/staff/duty/patterns", new Call("/api/staff/duty/patterns?communityId=" + b, null));
        t.put("POST /api/staff/duty/patterns", new Call("/api/staff/duty/patterns", pattern));
        t.put("PUT /api/staff/duty/patterns/{id}", new Call("/api/staff/duty/patterns/" + patternB, pattern));
        t.put("POST /api/staff/duty/patterns/{id}/disable", new Call("/api/staff/duty/patterns/" + patternB + "/disable", null));
        t.put("POST /api/staff/duty/patterns/{id}/enable", new Call("/api/staff/duty/patterns/" + patternB + "/enable", null));
        t.put("POST /api/staff/chat/conversations/{id}/wish", new Call("/api/staff/chat/conversations/" + conversationB + "/wish",
                Map.of("category", "OTHER")));
        return t;
    }

    /** The photo's file where the wish module's disk store reads it (that store is the wish module's own). */
    private void writePhoto(String key) {
        try {
            Path dir = Path.of(photoDir).toAbsolutePath();
            Files.createDirectories(dir);
            Files.write(dir.resolve(key), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Api.Resp send(String endpoint, Call c, String token) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        return api.send(method, c.path(), c.body(), token, Map.of());
    }

    private String account(String username, Map<String, Object> role, String admin) {
        Map<String, Object> req = new HashMap<>(Map.of("username", username, "password", "secret-pass-1", "displayName", username));
        req.putAll(role);
        api.post("/api/staff/accounts", req, admin).expect(201);
        return api.staffLogin(username, "secret-pass-1");
    }

    private static String abbreviate(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "…" : s;
    }
}
