package org.redstation.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import me.chanjar.weixin.common.util.crypto.SHA1;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.redstation.support.Api;
import org.redstation.support.IntegrationTest;
import org.redstation.support.TestInfra;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The staff console in a real browser: Debian's Chromium driven by playwright-core (server/console/e2e) against
 * this server. The test prepares a slot about to start with a resident's booking, an open WeChat conversation, a new
 * administrator who must change an initial password, a member's registration and a shift, and a community staff
 * member of another community; the browser changes the password at first sign-in, exports and prints a slot's
 * list, approves the member (who then claims the shift through the API), pauses a station, adds a catalogue entry,
 * sets the station's Sunday hours (after a refused window) and offers the new service (both seen in the resident
 * station view; put back afterwards), downloads a poster and
 * the hours export, replies to the resident, checks the dashboard and the rules test box, checks that the other
 * community's staff sees neither the station nor the slot (UI and 403), marks the booking attended, and saves
 * screenshots to target/console-screenshots. Steps: server/console/README.md.
 */
class ConsoleBrowserIT extends IntegrationTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final Path CONSOLE = Path.of("console").toAbsolutePath();
    private static final Path SCRIPT = CONSOLE.resolve("e2e/console.e2e.mjs");
    private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** Demo data: 春园社区, its station CY01 and the organisation 襄阳铁路中学党支部 (sql/demo). */
    private static final long CHUNYUAN = 3;
    private static final long CY01 = 3;
    private static final long ORG_RAILWAY_SCHOOL = 3;

    @Autowired
    JdbcTemplate jdbc;

    private String admin;
    private JsonNode pausedStation;
    /** The paused station's detail before the browser changed its hours and services (put back afterwards). */
    private JsonNode pausedStationBefore;

    @AfterEach
    void reopenThePausedStation() {
        if (pausedStationBefore != null) {
            long id = pausedStationBefore.path("station").path("id").asLong();
            List<Map<String, Object>> windows = new java.util.ArrayList<>();
            for (JsonNode day : pausedStationBefore.path("schedule")) {
                for (JsonNode w : day.path("windows")) {
                    windows.add(Map.of("dayOfWeek", day.path("dayOfWeek").asInt(), "start", w.path("start").asText(),
                            "end", w.path("end").asText(), "kind", w.path("kind").asText()));
                }
            }
            api.put("/api/staff/stations/" + id + "/hours", Map.of("windows", windows), admin).expect(200);
            api.put("/api/staff/stations/" + id + "/services", Map.of("services", offersOf(pausedStationBefore)), admin).expect(200);
        }
        if (pausedStation != null) {
            Map<String, Object> body = new HashMap<>();
            body.put("status", pausedStation.path("status").asText());
            body.put("notice", pausedStation.path("notice").isTextual() ? pausedStation.path("notice").asText() : null);
            api.put("/api/staff/stations/" + pausedStation.path("id").asLong() + "/status", body, admin).expect(200);
        }
    }

    @Test
    void staffMarkAttendancePauseAStationReplyToAResidentAndDownloadAPosterInTheBrowser() throws Exception {
        assumeTrue(new ClassPathResource("static/console/index.html").exists(),
                "SKIPPED: the staff console is not built (-Dconsole.skip, or node/npm missing at build time)");
        assumeTrue(Files.isExecutable(Path.of(CHROMIUM)), "SKIPPED: no Chromium at " + CHROMIUM + " (apt-get install -y chromium)");
        assumeTrue(Files.isDirectory(CONSOLE.resolve("node_modules/playwright-core")),
                "SKIPPED: server/console/node_modules missing (run the Maven build with node/npm, or npm ci in server/console)");

        admin = api.adminLogin();
        List<JsonNode> stations = List.of(api.get("/api/staff/stations", admin).expect(200).body()).stream()
                .flatMap(a -> IntStream.range(0, a.size()).mapToObj(a::get)).toList();
        JsonNode bookingStation = byCode(stations, "DFS01");
        pausedStation = byCode(stations, "CC01");
        pausedStationBefore = api.get("/api/staff/stations/" + pausedStation.path("id").asLong(), admin).expect(200).body();

        // a booking in a slot starting in 40 s: listed before it starts, marked attended once it has
        long stationId = bookingStation.path("id").asLong();
        String serviceName = "控制台测试-" + System.nanoTime() % 100000;
        long service = offerNewService(stationId, serviceName);
        LocalDateTime start = LocalDateTime.now(ZONE).plusSeconds(40).withNano(0);
        int today = start.getDayOfWeek().getValue();
        Map<String, Object> rule = new HashMap<>();
        rule.put("kind", "EVENING_EXTRA");
        rule.put("name", "晚间一小时");
        rule.put("weekdays", IntStream.rangeClosed(1, 7).filter(d -> d != today).boxed().toList()); // today's slot comes below
        rule.put("start", "18:00");
        rule.put("end", "19:00");
        rule.put("capacity", 8);
        rule.put("openDaysAhead", 1);
        rule.put("serviceIds", List.of(service));
        long ruleId = api.post("/api/staff/booking/stations/" + stationId + "/rules", rule, admin).expect(201).body().path("id").asLong();
        // a slot at an arbitrary time today cannot be made through the API (rules are weekly): test fixture SQL
        jdbc.update("INSERT INTO booking_slot (station_id, rule_id, slot_date, start_time, end_time, kind, name, capacity, booked, "
                        + "cancel_cutoff_minutes, waitlist_enabled, status, created_at) VALUES (?, ?, ?, ?, ?, 'EVENING_EXTRA', '晚间一小时', "
                        + "8, 0, 0, 1, 'OPEN', NOW(3))", stationId, ruleId, start.toLocalDate(), start.toLocalTime(),
                start.toLocalTime().isAfter(java.time.LocalTime.of(22, 59)) ? java.time.LocalTime.of(23, 59, 59) : start.toLocalTime().plusHours(1));
        long slotId = jdbc.queryForObject("SELECT id FROM booking_slot WHERE rule_id = ? AND slot_date = ?", Long.class, ruleId, start.toLocalDate());
        String resident = api.login("console-resident");
        long bookingId = api.post("/api/booking/bookings", Map.of("stationId", stationId, "slotId", slotId, "serviceId", service), resident)
                .expect(201).body().path("id").asLong();

        // a resident's message to the official account opens a conversation with that community
        String residentOpenid = sandbox.registerUser("console-resident-mp").get("wx-sandbox-mp");
        sayToAccount(residentOpenid, "楼道灯不亮了，能帮忙看看吗");
        String opened = sayToAccount(residentOpenid, bookingStation.path("communityName").asText());
        Matcher m = Pattern.compile("#(\\d+)").matcher(opened);
        assertThat(m.find()).as(opened).isTrue();
        long conversationId = Long.parseLong(m.group(1));

        // a fresh district administrator opened with an initial password: the browser goes through the first
        // sign-in's password change exactly as the bootstrap administrator does (whose password Api.adminLogin()
        // already changed once for this run)
        String adminName = "console-admin-" + System.nanoTime() % 1000000;
        api.post("/api/staff/accounts", Map.of("username", adminName, "password", "Initial-pass-1", "displayName", "控制台测试管理员",
                "role", "DISTRICT_ADMIN", "mustChangePassword", true), admin).expect(201);

        // a Party member's registration waiting for approval, and a shift at 春园 tomorrow for them to claim
        String memberToken = api.login("console-member-" + System.nanoTime());
        long memberId = api.post("/api/member/registration", Map.of("communityId", CHUNYUAN, "orgId", ORG_RAILWAY_SCHOOL, "name", "李红梅",
                "phoneCode", "phone-13912345678", "workplace", "襄阳铁路中学"), memberToken).expect(200).body().path("id").asLong();
        LocalDateTime shiftStart = LocalDateTime.now(ZONE).plusDays(1).withHour(18).withMinute(0).withSecond(0).withNano(0);
        long shiftId = api.post("/api/staff/duty/shifts", Map.of("stationId", CY01, "date", shiftStart.toLocalDate().toString(),
                "start", "18:00", "end", "19:00", "seats", 2, "roleName", "控制台测试班次" + System.nanoTime() % 10000), admin)
                .expect(201).body().path("id").asLong();
        // the member cannot claim before approval (the browser approves, then the claim goes through)
        api.post("/api/duty/shifts/" + shiftId + "/claim", null, memberToken).expect(403);

        // the Party organisations page: a branch an applicant typed, and an approved member's resource list
        long tag = System.nanoTime() % 100000;
        String typedOrg = "控制台填写支部" + tag;
        long typedMemberId = api.post("/api/member/registration", Map.of("communityId", CHUNYUAN, "orgName", typedOrg, "name", "孙建国",
                "phoneCode", "phone-13912340002"), api.login("console-typed-" + System.nanoTime())).expect(200).body().path("id").asLong();
        String resourceMember = api.login("console-resource-" + System.nanoTime());
        long resourceMemberId = api.post("/api/member/registration", Map.of("communityId", CHUNYUAN, "orgId", ORG_RAILWAY_SCHOOL,
                "name", "欧阳文", "phoneCode", "phone-13912340003"), resourceMember).expect(200).body().path("id").asLong();
        api.post("/api/staff/members/" + resourceMemberId + "/approve", null, admin).expect(200);
        String resourceText = "控制台测试法律咨询" + tag;
        String otherResourceText = "控制台测试水电维修" + tag;
        api.post("/api/member/resources", Map.of("category", "LEGAL", "description", resourceText), resourceMember).expect(200);
        api.post("/api/member/resources", Map.of("category", "REPAIR", "description", otherResourceText), resourceMember).expect(200);
        String patternRole = "控制台规律" + tag;

        // community staff of 车城社区 (CC01's community): must not see 东风社区's station, slot or booking
        String otherStaff = "console-cc-" + System.nanoTime() % 1000000;
        api.post("/api/staff/accounts", Map.of("username", otherStaff, "password", "Other-pass-1", "displayName", "车城社区工作人员",
                "role", "COMMUNITY_STAFF", "communityId", pausedStation.path("communityId").asLong()), admin).expect(201);

        Map<String, Object> fx = new LinkedHashMap<>();
        fx.put("username", adminName);
        fx.put("password", "Initial-pass-1");
        fx.put("newPassword", "Changed-pass-2");
        fx.put("memberId", memberId);
        fx.put("memberToken", memberToken);
        fx.put("shiftId", shiftId);
        fx.put("serviceName", serviceName);
        fx.put("bookingStationCode", bookingStation.path("code").asText());
        fx.put("otherStaff", otherStaff);
        fx.put("otherPassword", "Other-pass-1");
        fx.put("communityName", bookingStation.path("communityName").asText());
        fx.put("sandbox", sandbox.baseUrl());
        fx.put("stationId", pausedStation.path("id").asLong());
        fx.put("stationCode", pausedStation.path("code").asText());
        fx.put("notice", "设备检修，本周暂停服务，急事请拨打社区电话");
        fx.put("slotId", slotId);
        fx.put("bookingId", bookingId);
        fx.put("slotStartsAt", start.atZone(ZONE).toInstant().toEpochMilli());
        fx.put("conversationId", conversationId);
        fx.put("residentOpenid", residentOpenid);
        fx.put("reply", "您好，电工明天上午上门维修。");
        fx.put("orgCommunityName", "春园社区");
        fx.put("orgName", "控制台测试党支部" + tag);
        fx.put("typedOrg", typedOrg);
        fx.put("typedOrgProper", "控制台测试规范支部" + tag);
        fx.put("typedMemberId", typedMemberId);
        fx.put("resourceText", resourceText);
        fx.put("otherResourceText", otherResourceText);
        fx.put("memberName", "欧阳文");
        fx.put("memberNameMasked", "欧**");
        fx.put("patternStationName", "春园社区红色驿站");
        fx.put("patternRole", patternRole);
        // 服务目录 / 开放时间 / 服务项目: a catalogue entry made in the browser, offered by the paused station
        fx.put("catalogueService", "控制台目录服务" + tag);
        fx.put("offerNote", "请先到社区服务台登记");
        fx.put("screenshots", Path.of("target", "console-screenshots").toAbsolutePath().toString());

        Process p;
        try {
            p = new ProcessBuilder("node", SCRIPT.toString(), "http://127.0.0.1:" + port, Api.json().writeValueAsString(fx))
                    .directory(CONSOLE.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "SKIPPED: node is not installed");
            return;
        }
        boolean done = p.waitFor(420, TimeUnit.SECONDS);
        if (!done) {
            p.destroyForcibly();
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        System.out.println(out);
        assertThat(done).as("browser test finished in time:\n" + out).isTrue();
        assertThat(p.exitValue()).as(out).isZero();

        // what the browser did is in the database
        JsonNode list = api.get("/api/staff/booking/slots/" + slotId + "/bookings", admin).expect(200).body().path("bookings");
        assertThat(list.get(0).path("status").asText()).isEqualTo("ATTENDED");
        assertThat(api.get("/api/stations/" + pausedStation.path("id").asLong()).expect(200).body().path("station").path("status").asText())
                .isEqualTo("PAUSED");
        assertThat(Path.of("target", "console-screenshots", "02-today.png")).exists();
        // the hours and the service saved in the browser's dialogs are what residents get when they scan
        JsonNode scanned = api.get("/api/stations/" + pausedStation.path("id").asLong()).expect(200).body();
        JsonNode sunday = scanned.path("schedule").get(6);
        assertThat(sunday.path("dayOfWeek").asInt()).isEqualTo(7);
        assertThat(sunday.path("windows")).hasSize(1);
        assertThat(sunday.path("windows").get(0).path("start").asText()).isEqualTo("19:00");
        assertThat(sunday.path("windows").get(0).path("end").asText()).isEqualTo("20:30");
        assertThat(sunday.path("windows").get(0).path("kind").asText()).isEqualTo("RED_WEEKEND");
        assertThat(offersOf(scanned)).anySatisfy(o -> assertThat(o.get("note")).isEqualTo(fx.get("offerNote")));
        assertThat(jdbc.queryForObject("SELECT what_to_bring FROM service_item WHERE name = ?", String.class, fx.get("catalogueService")))
                .isEqualTo("身份证");
        for (String shot : List.of("16-catalogue-dialog.png", "17-hours-dialog.png", "17b-hours-error.png", "18-services-dialog.png",
                "17c-hours-phone.png")) {
            assertThat(Path.of("target", "console-screenshots", shot)).exists();
        }
        assertThat(Path.of("target", "console-screenshots", "11-dashboard.png")).exists();
        // approved in the browser: the member's claim went through (the script claimed it through the API)
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM duty_claim WHERE shift_id = ? AND status = 'ACTIVE'", Integer.class, shiftId))
                .isEqualTo(1);
        // the organisation made in the browser, the typed branch it turned into one, the pattern moved to 19:00
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM duty_org WHERE community_id = ? AND name = ? AND contact_phone = '13700001234'",
                Integer.class, CHUNYUAN, fx.get("orgName"))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT o.name FROM party_member m JOIN duty_org o ON o.id = m.org_id WHERE m.id = ?",
                String.class, typedMemberId)).isEqualTo(fx.get("typedOrgProper"));
        assertThat(jdbc.queryForObject("SELECT TIME_FORMAT(start_time, '%H:%i') FROM duty_pattern WHERE role_name = ?", String.class,
                patternRole)).isEqualTo("19:00");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM duty_shift s JOIN duty_pattern p ON p.id = s.pattern_id WHERE p.role_name = ? "
                + "AND s.taken = 1 AND TIME_FORMAT(s.start_at, '%H:%i') = '20:00'", Integer.class, patternRole)).as("the claimed shift kept")
                .isEqualTo(1);
        // the first sign-in changed the new administrator's password: the initial one no longer signs in
        assertThat(api.post("/api/staff/auth/login", Map.of("username", adminName, "password", "Initial-pass-1")).status()).isEqualTo(401);
    }

    /** The services a station view lists, as the body of {@code PUT …/services} (serviceId, note, hours). */
    private static List<Map<String, Object>> offersOf(JsonNode view) {
        List<Map<String, Object>> offers = new java.util.ArrayList<>();
        for (JsonNode group : view.path("serviceGroups")) {
            for (JsonNode e : group.path("services")) {
                Map<String, Object> o = new HashMap<>();
                o.put("serviceId", e.path("id").asLong());
                o.put("note", e.hasNonNull("note") ? e.path("note").asText() : null);
                o.put("hours", e.hasNonNull("hours") ? e.path("hours").asText() : null);
                offers.add(o);
            }
        }
        return offers;
    }

    /** A new bookable catalogue service that the station offers, keeping its other services (station staff API). */
    private long offerNewService(long stationId, String name) {
        long id = api.post("/api/staff/services", Map.of("name", name, "category", "便民服务", "usageMode", "BOOKABLE"), admin)
                .expect(201).body().path("id").asLong();
        List<Map<String, Object>> offers = offersOf(api.get("/api/staff/stations/" + stationId, admin).expect(200).body());
        offers.add(new HashMap<>(Map.of("serviceId", id)));
        api.put("/api/staff/stations/" + stationId + "/services", Map.of("services", offers), admin).expect(200);
        return id;
    }

    private static JsonNode byCode(List<JsonNode> stations, String code) {
        return stations.stream().filter(s -> code.equals(s.path("code").asText())).findFirst().orElseThrow();
    }

    /** A text message to the official account, signed as WeChat signs it; returns the bot's answer. */
    private String sayToAccount(String openid, String text) throws Exception {
        String ts = String.valueOf(System.currentTimeMillis() / 1000);
        String nonce = "n" + System.nanoTime();
        String xml = "<xml><ToUserName><![CDATA[gh_redstation]]></ToUserName><FromUserName><![CDATA[" + openid + "]]></FromUserName>"
                + "<CreateTime>" + ts + "</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[" + text + "]]></Content>"
                + "<MsgId>" + System.nanoTime() + "</MsgId></xml>";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/wx/portal?signature="
                        + SHA1.gen("sandbox-mp-token", ts, nonce) + "&timestamp=" + ts + "&nonce=" + nonce + "&openid=" + openid))
                .header("Content-Type", "text/xml").POST(HttpRequest.BodyPublishers.ofString(xml, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return r.body();
    }
}
