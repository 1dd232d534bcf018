package org.redstation.duty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redstation.station.OnDutyProvider;
import org.springframework.beans.factory.annotation.Autowired;

class CheckInIT extends DutyTestSupport {
    @Autowired
    Clock clock;
    @Autowired
    DutyCommands commands;
    @Autowired
    DutyHousekeeping housekeeping;
    @Autowired
    OnDutyProvider onDuty;

    LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    @Test
    void scanCheckInShowsMaskedNameOnDutyThenCheckOutRecordsMinutes() {
        String admin = api.adminLogin();
        Member m = registered(api, admin, true);
        long shift = shift(api, admin, now().plusMinutes(5), 60, 2);
        api.post("/api/duty/shifts/" + shift + "/claim", null, m.token()).expect(200);

        // too far (about 2 km away), then the wrong station's code, then fine
        JsonNode far = api.post("/api/duty/check-in", Map.of("scene", "st=CY01", "latitude", 32.0961, "longitude", 112.1432),
                m.token()).expect(400).body();
        assertThat(far.path("code").asText()).isEqualTo("CHECKIN_TOO_FAR");
        assertThat(far.path("message").asText()).contains("米");
        assertThat(api.post("/api/duty/check-in", Map.of("scene", "st=DSQ01"), m.token()).expect(409).code()).isEqualTo("CHECKIN_NO_SHIFT");
        assertThat(api.post("/api/duty/check-in", Map.of("scene", "st=NOPE9"), m.token()).expect(404).code()).isEqualTo("STATION_NOT_FOUND");
        long before = onDuty.onDutyNow(CY01).stream().filter(p -> p.maskedName().equals("张**")).count();

        JsonNode in = api.post("/api/duty/check-in", Map.of("scene", "st%3DCY01", "latitude", CY01_LAT + 0.001,
                "longitude", CY01_LNG), m.token()).expect(200).body();
        assertThat(in.path("message").asText()).startsWith("签到成功");
        assertThat(api.post("/api/duty/check-in", Map.of("scene", "st=CY01"), m.token()).expect(409).code()).isEqualTo("CHECKIN_ALREADY");

        JsonNode people = api.get("/api/duty/stations/" + CY01 + "/on-duty").expect(200).body();
        assertThat(people.toString()).contains("张**").contains("襄阳铁路中学党支部").doesNotContain("张三丰");
        assertThat(onDuty.onDutyNow(CY01).stream().filter(p -> p.maskedName().equals("张**")).count()).isEqualTo(before + 1);
        assertThat(api.get("/api/duty/my-shifts", m.token()).body().toString()).contains("值班中");

        // official-account command: check-out works, a second one explains why not
        assertThat(commands.checkOut(m.userId()).done()).isTrue();
        assertThat(commands.checkOut(m.userId()).refusal()).isEqualTo("您还没有签到，不能签退");
        assertThat(onDuty.onDutyNow(CY01).stream().filter(p -> p.maskedName().equals("张**")).count()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT checkout_at IS NOT NULL FROM duty_claim WHERE shift_id = ? AND member_id = ?",
                Boolean.class, shift, m.memberId())).isTrue();
        assertThat(api.get("/api/member/me", m.token()).body().path("serviceMinutes").asInt()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void checkInRefusalsAndTheOfficialAccountCommands() {
        String admin = api.adminLogin();
        Member m = registered(api, admin, true);
        assertThat(api.post("/api/duty/check-in", null, m.token()).expect(409).code()).isEqualTo("CHECKIN_NO_SHIFT");
        assertThat(commands.checkIn(m.userId()).refusal()).contains("没有可签到的值班班次");
        assertThat(commands.myShifts(m.userId())).isEmpty();

        long later = shift(api, admin, now().plusHours(3), 60, 2);
        api.post("/api/duty/shifts/" + later + "/claim", null, m.token()).expect(200);
        JsonNode early = api.post("/api/duty/check-in", Map.of(), m.token()).expect(409).body();
        assertThat(early.path("code").asText()).isEqualTo("CHECKIN_OUTSIDE_WINDOW");
        assertThat(early.path("message").asText()).contains("开始前15分钟");
        assertThat(commands.myShifts(m.userId())).anySatisfy(s -> assertThat(s.stationName()).isEqualTo("春园社区红色驿站"));

        // the shift started 40 minutes ago: too late for check-in (+30 min)
        moveShift(later, now().minusMinutes(40), now().plusMinutes(20));
        assertThat(api.post("/api/duty/check-in", Map.of(), m.token()).expect(409).code()).isEqualTo("CHECKIN_OUTSIDE_WINDOW");

        // 10 minutes after start: the official-account "签到" has no proof and points to the duty page; a scan works
        moveShift(later, now().minusMinutes(10), now().plusMinutes(50));
        assertThat(commands.checkIn(m.userId()).done()).isFalse();
        assertThat(api.post("/api/duty/check-in", Map.of("scene", "st=CY01"), m.token()).expect(200).body()
                .path("verify").asText()).isEqualTo("STATION_CODE");

        // non-member
        String resident = api.login(unique("resident"));
        assertThat(api.post("/api/duty/check-in", Map.of(), resident).expect(403).code()).isEqualTo("DUTY_NOT_MEMBER");
        assertThat(api.post("/api/duty/check-out", null, resident).expect(403).code()).isEqualTo("DUTY_NOT_MEMBER");
    }

    @Test
    void missingCheckOutIsClosedAtShiftEndAndFlaggedAndHoursAddUp() {
        String admin = api.adminLogin();
        Member m = registered(api, admin, true);
        long shift = shift(api, admin, now().plusMinutes(10), 60, 2);
        api.post("/api/duty/shifts/" + shift + "/claim", null, m.token()).expect(200);
        api.post("/api/duty/check-in", Map.of("scene", "st=CY01"), m.token()).expect(200);
        // time passes: the shift ran from 2 h ago to 1 h ago, check-in was at its start
        LocalDateTime start = now().minusHours(2).withSecond(0).withNano(0);
        moveShift(shift, start, start.plusHours(1));
        jdbc.update("UPDATE duty_claim SET checkin_at = ? WHERE shift_id = ?", start, shift);

        housekeeping.closeMissedCheckouts();
        Map<String, Object> row = jdbc.queryForMap("SELECT minutes, auto_closed, checkout_at FROM duty_claim WHERE shift_id = ?", shift);
        assertThat(row.get("minutes")).isEqualTo(60);
        assertThat(row.get("auto_closed").toString()).isIn("1", "true");
        assertThat(api.get("/api/member/me", m.token()).body().path("serviceMinutes").asInt()).isEqualTo(60);

        JsonNode hours = api.get("/api/staff/duty/hours?communityId=3", admin).expect(200).body();
        boolean found = false;
        for (JsonNode r : hours.path("members")) {
            if (r.path("id").asLong() == m.memberId()) {
                assertThat(r.path("minutes").asInt()).isEqualTo(60);
                found = true;
            }
        }
        assertThat(found).isTrue();
        for (JsonNode r : hours.path("orgs")) {
            if (r.path("id").asLong() == ORG_RAILWAY_SCHOOL) {
                assertThat(r.path("minutes").asInt()).isGreaterThanOrEqualTo(60);
            }
        }
        assertThat(api.get("/api/staff/duty/shifts/" + shift + "/claims", admin).expect(200).body().get(0)
                .path("autoClosed").asBoolean()).isTrue();
    }
}
