package org.redstation.duty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.redstation.common.MiniProgramPages;
import org.springframework.beans.factory.annotation.Autowired;

/** Check-in with proof (issue 13): the station's code or a location in range; without either only where allowed, flagged. */
class CheckInProofIT extends DutyTestSupport {
    @Autowired
    Clock clock;
    @Autowired
    DutyCommands commands;

    LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** A member with a claimed shift at {@code stationId} whose check-in window is open now. */
    record OnShift(Member member, long shiftId) {
    }

    OnShift claimedNow(String admin, long stationId) {
        Member m = registered(api, admin, true);
        long shift = shift(api, admin, stationId, now().plusMinutes(5), 60, 2, unique("值守"));
        api.post("/api/duty/shifts/" + shift + "/claim", null, m.token()).expect(200);
        return new OnShift(m, shift);
    }

    JsonNode claimOf(String admin, long shiftId) {
        return api.get("/api/staff/duty/shifts/" + shiftId + "/claims", admin).expect(200).body().get(0);
    }

    Map<String, Object> row(long shiftId) {
        return jdbc.queryForMap("SELECT checkin_at, checkin_verify, checkin_distance_m FROM duty_claim WHERE shift_id = ?", shiftId);
    }

    /** Far from every demo station, so that other tests' nearby lists never meet the stations made here. */
    static final double AWAY_LAT = 45.0, AWAY_LNG = 80.0;

    /** A station of 春园社区 (the members' community) that allows check-in without proof. */
    long stationAllowingUnverified(String admin) {
        String code = "UV" + (System.nanoTime() % 1_000_000_000L);
        Map<String, Object> station = new HashMap<>(Map.of("name", "春园社区测试驿站" + code, "address", "春园路1号",
                "latitude", AWAY_LAT, "longitude", AWAY_LNG, "buildType", "NEW", "allowUnverifiedCheckin", true));
        JsonNode s = api.post("/api/staff/stations", Map.of("code", code, "communityId", CHUNYUAN, "station", station), admin)
                .expect(201).body();
        assertThat(s.path("allowUnverifiedCheckin").asBoolean()).isTrue();
        return s.path("id").asLong();
    }

    @Test
    void scanningTheStationCodeVerifiesTheCheckIn() {
        String admin = api.adminLogin();
        OnShift o = claimedNow(admin, CY01);
        JsonNode in = api.post("/api/duty/check-in", Map.of("scene", "st=CY01"), o.member().token()).expect(200).body();
        assertThat(in.path("verify").asText()).isEqualTo("STATION_CODE");
        assertThat(in.path("verifyName").asText()).isEqualTo("扫驿站码");
        assertThat(in.path("message").asText()).startsWith("签到成功").contains("已扫驿站码核验");
        assertThat(row(o.shiftId()).get("checkin_verify")).isEqualTo("STATION_CODE");
        JsonNode c = claimOf(admin, o.shiftId());
        assertThat(c.path("verify").asText()).isEqualTo("STATION_CODE");
        assertThat(c.path("verifyName").asText()).isEqualTo("扫驿站码");
        assertThat(api.get("/api/duty/my-shifts", o.member().token()).body().get(0).path("verifyName").asText()).isEqualTo("扫驿站码");
    }

    @Test
    void aLocationWithinRangeVerifiesTheCheckInAndKeepsTheDistance() {
        String admin = api.adminLogin();
        OnShift o = claimedNow(admin, CY01);
        // about 111 m north of the station, no code scanned
        JsonNode in = api.post("/api/duty/check-in", Map.of("scene", "", "latitude", CY01_LAT + 0.001, "longitude", CY01_LNG),
                o.member().token()).expect(200).body();
        assertThat(in.path("verify").asText()).isEqualTo("LOCATION");
        assertThat(in.path("distanceMeters").asInt()).isBetween(100, 125);
        assertThat(in.path("message").asText()).contains("已定位核验", "米");
        Map<String, Object> r = row(o.shiftId());
        assertThat(r.get("checkin_verify")).isEqualTo("LOCATION");
        assertThat(((Number) r.get("checkin_distance_m")).intValue()).isBetween(100, 125);
        JsonNode c = claimOf(admin, o.shiftId());
        assertThat(c.path("verifyName").asText()).isEqualTo("定位");
        assertThat(c.path("distanceMeters").asInt()).isBetween(100, 125);
    }

    @Test
    void aFarLocationIsRefusedAndNothingIsRecorded() {
        String admin = api.adminLogin();
        OnShift o = claimedNow(admin, CY01);
        JsonNode far = api.post("/api/duty/check-in", Map.of("latitude", CY01_LAT + 0.02, "longitude", CY01_LNG),
                o.member().token()).expect(400).body();
        assertThat(far.path("code").asText()).isEqualTo("CHECKIN_TOO_FAR");
        assertThat(far.path("message").asText()).contains("米");
        assertThat(row(o.shiftId()).get("checkin_at")).isNull();
        assertThat(claimOf(admin, o.shiftId()).hasNonNull("verifyName")).isFalse();
    }

    @Test
    void noProofIsRefusedWhereTheStationDoesNotAllowIt() {
        String admin = api.adminLogin();
        OnShift o = claimedNow(admin, CY01);
        int alertsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM duty_alert WHERE kind = 'UNVERIFIED_CHECKIN'", Integer.class);
        JsonNode refused = api.post("/api/duty/check-in", Map.of("scene", ""), o.member().token()).expect(400).body();
        assertThat(refused.path("code").asText()).isEqualTo("CHECKIN_PROOF_REQUIRED");
        assertThat(refused.path("message").asText()).isEqualTo("请扫描驿站的二维码或允许获取位置后再签到");
        assertThat(api.post("/api/duty/check-in", null, o.member().token()).expect(400).code()).isEqualTo("CHECKIN_PROOF_REQUIRED");
        assertThat(row(o.shiftId()).get("checkin_at")).isNull();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM duty_alert WHERE kind = 'UNVERIFIED_CHECKIN'", Integer.class))
                .isEqualTo(alertsBefore);
        // with proof it then works
        api.post("/api/duty/check-in", Map.of("scene", "st=CY01"), o.member().token()).expect(200);
    }

    @Test
    void officialAccountCheckInNoLongerChecksInAndPointsToTheMiniProgramPage() {
        String admin = api.adminLogin();
        OnShift o = claimedNow(admin, CY01);
        DutyCommands.CheckInOutcome out = commands.checkIn(o.member().userId());
        assertThat(out.done()).isFalse();
        assertThat(out.refusal()).contains("小程序", "扫描驿站的二维码", "允许获取位置");
        assertThat(out.proofPage()).isEqualTo(MiniProgramPages.DUTY_MINE);
        assertThat(row(o.shiftId()).get("checkin_at")).isNull();
        // other refusals stay as they were: no shift open now
        Member idle = registered(api, admin, true);
        DutyCommands.CheckInOutcome none = commands.checkIn(idle.userId());
        assertThat(none.refusal()).contains("没有可签到的值班班次");
        assertThat(none.proofPage()).isNull();
    }

    @Test
    void noProofIsAllowedAndFlaggedWhereTheStationAllowsItWithHoursUnverifiedAndAnAlert() throws IOException {
        String admin = api.adminLogin();
        long station = stationAllowingUnverified(admin);
        OnShift o = claimedNow(admin, station);

        JsonNode in = api.post("/api/duty/check-in", Map.of("scene", ""), o.member().token()).expect(200).body();
        assertThat(in.path("verify").asText()).isEqualTo("NONE");
        assertThat(in.path("verifyName").asText()).isEqualTo("未核验");
        assertThat(in.path("message").asText()).startsWith("签到成功").contains("未核验");
        assertThat(row(o.shiftId()).get("checkin_verify")).isEqualTo("NONE");
        assertThat(claimOf(admin, o.shiftId()).path("verifyName").asText()).isEqualTo("未核验");

        // staff are alerted once for this claim, masked, in the alerts list
        long claimId = claimOf(admin, o.shiftId()).path("claimId").asLong();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM duty_alert WHERE kind = 'UNVERIFIED_CHECKIN' AND claim_id = ?",
                Integer.class, claimId)).isEqualTo(1);
        JsonNode alert = null;
        for (JsonNode a : api.get("/api/staff/duty/alerts?communityId=" + CHUNYUAN, admin).expect(200).body()) {
            if (a.path("shiftId").asLong() == o.shiftId()) {
                alert = a;
            }
        }
        assertThat(alert).isNotNull();
        assertThat(alert.path("kind").asText()).isEqualTo("UNVERIFIED_CHECKIN");
        assertThat(alert.path("kindName").asText()).isEqualTo("未核验签到");
        assertThat(alert.path("message").asText()).contains("张**", "未核验").doesNotContain("张三丰");

        // the shift ran from 2 h ago to 1 h ago, check-in at its start: 60 minutes, all of them unverified
        LocalDateTime start = now().minusHours(2).withSecond(0).withNano(0);
        moveShift(o.shiftId(), start, start.plusHours(1));
        jdbc.update("UPDATE duty_claim SET checkin_at = ? WHERE shift_id = ?", start, o.shiftId());
        JsonNode outMsg = api.post("/api/duty/check-out", null, o.member().token()).expect(200).body();
        assertThat(outMsg.path("minutes").asInt()).isEqualTo(60);
        assertThat(outMsg.path("message").asText()).contains("未核验");

        JsonNode me = api.get("/api/member/me", o.member().token()).expect(200).body();
        assertThat(me.path("serviceMinutes").asInt()).isEqualTo(60);
        assertThat(me.path("unverifiedMinutes").asInt()).isEqualTo(60);
        JsonNode hours = api.get("/api/staff/duty/hours?communityId=" + CHUNYUAN, admin).expect(200).body();
        assertThat(memberRow(hours, o.member().memberId()).path("unverifiedMinutes").asInt()).isEqualTo(60);
        assertThat(memberRow(hours, o.member().memberId()).path("minutes").asInt()).isEqualTo(60);
        JsonNode year = api.get("/api/staff/duty/hours/year?communityId=" + CHUNYUAN + "&year=" + start.getYear(), admin)
                .expect(200).body();
        assertThat(memberRow(year, o.member().memberId()).path("unverifiedMinutes").asInt()).isEqualTo(60);
        for (JsonNode r : hours.path("orgs")) {
            if (r.path("id").asLong() == ORG_RAILWAY_SCHOOL) {
                assertThat(r.path("unverifiedMinutes").asInt()).isGreaterThanOrEqualTo(60);
            }
        }
        JsonNode staffList = api.get("/api/staff/members?communityId=" + CHUNYUAN + "&status=APPROVED", admin).expect(200).body();
        int listed = 0;
        for (JsonNode r : staffList) {
            if (r.path("id").asLong() == o.member().memberId()) {
                assertThat(r.path("serviceMinutes").asInt()).isEqualTo(60);
                assertThat(r.path("unverifiedMinutes").asInt()).isEqualTo(60);
                listed++;
            }
        }
        assertThat(listed).as("the member is in the staff list").isEqualTo(1);
        byte[] xlsx = api.get("/api/staff/duty/hours.xlsx?communityId=" + CHUNYUAN + "&year=" + start.getYear(), admin)
                .expect(200).raw();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows.get(0).getCellText(5)).isEqualTo("其中未核验（小时）");
            String name = me.path("name").asText();
            assertThat(rows).anySatisfy(r -> {
                assertThat(r.getCellText(1)).isEqualTo(name);
                assertThat(r.getCellText(5)).isIn("1", "1.0");
            });
        }
    }

    @Test
    void theOfficialAccountChecksInUnverifiedOnlyWhereTheStationAllowsIt() {
        String admin = api.adminLogin();
        long station = stationAllowingUnverified(admin);
        OnShift o = claimedNow(admin, station);
        DutyCommands.CheckInOutcome out = commands.checkIn(o.member().userId());
        assertThat(out.done()).isTrue();
        assertThat(out.verified()).isFalse();
        assertThat(row(o.shiftId()).get("checkin_verify")).isEqualTo("NONE");

        // staff switch the setting off (a change of the other fields without it keeps it)
        Map<String, Object> body = new HashMap<>(Map.of("name", "春园社区测试驿站" + station, "address", "春园路2号",
                "latitude", AWAY_LAT, "longitude", AWAY_LNG, "buildType", "NEW"));
        assertThat(api.put("/api/staff/stations/" + station, body, admin).expect(200).body()
                .path("allowUnverifiedCheckin").asBoolean()).isTrue();
        body.put("allowUnverifiedCheckin", false);
        assertThat(api.put("/api/staff/stations/" + station, body, admin).expect(200).body()
                .path("allowUnverifiedCheckin").asBoolean()).isFalse();
        OnShift next = claimedNow(admin, station);
        assertThat(commands.checkIn(next.member().userId()).proofPage()).isEqualTo(MiniProgramPages.DUTY_MINE);
    }

    private static JsonNode memberRow(JsonNode hours, long memberId) {
        for (JsonNode r : hours.path("members")) {
            if (r.path("id").asLong() == memberId) {
                return r;
            }
        }
        throw new AssertionError("member " + memberId + " not in " + hours);
    }
}
