package org.redstation.duty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The member centre shows volunteer hours (credited at activity check-ins, wish) beside duty hours. */
class MemberVolunteerHoursIT extends DutyTestSupport {

    @Test
    void volunteerMinutesOfACheckedInActivityShowInTheMemberCentreAndTheStaffList() {
        String admin = api.adminLogin();
        Member m = registered(api, admin, true);
        assertThat(api.get("/api/member/me", m.token()).expect(200).body().path("volunteerMinutes").asLong()).isZero();

        LocalDateTime start = LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0).plusMinutes(10);
        long activity = api.post("/api/staff/volunteer/activities", Map.of("stationId", CY01, "title", "周末义诊志愿服务",
                "startAt", start.toString(), "endAt", start.plusMinutes(75).toString(), "capacity", 3), admin)
                .expect(201).body().path("id").asLong();
        api.post("/api/volunteer/activities/" + activity + "/signup", null, m.token()).expect(200);
        api.post("/api/volunteer/activities/" + activity + "/checkin", Map.of("scene", "st=CY01"), m.token()).expect(200);

        JsonNode me = api.get("/api/member/me", m.token()).expect(200).body();
        assertThat(me.path("volunteerMinutes").asLong()).isEqualTo(75);
        assertThat(me.path("serviceMinutes").asInt()).as("duty hours stay apart").isZero();
        JsonNode list = api.get("/api/staff/members?communityId=" + CHUNYUAN, admin).expect(200).body();
        JsonNode row = null;
        for (JsonNode r : list) {
            if (r.path("id").asLong() == m.memberId()) {
                row = r;
            }
        }
        assertThat(row).isNotNull();
        assertThat(row.path("volunteerMinutes").asLong()).isEqualTo(75);
    }
}
