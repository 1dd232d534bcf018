package org.redstation.wish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.redstation.wish.WishFixtures.assertError;
import static org.redstation.wish.WishFixtures.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redstation.support.IntegrationTest;
import org.redstation.wish.WishFixtures.User;
import org.springframework.beans.factory.annotation.Autowired;

/** Team → activity → sign-up → reminder in the sandbox inbox → check-in by the station code → hours credited. */
class VolunteerActivityIT extends IntegrationTest {
    @Autowired
    ActivityReminders reminders;
    @Autowired
    VolunteerHours hours;

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneId.of("Asia/Shanghai")).withNano(0);
    }

    @Test
    void signUpGetRemindedCheckInWithTheStationCodeAndHoursAreCredited() {
        String admin = api.adminLogin();
        User volunteer = user(api, WishFixtures.unique("vol"));
        User quitter = user(api, WishFixtures.unique("vol-q"));
        // as the activity page does when signing up: the volunteer agrees to the reminder (the quitter too)
        new org.redstation.support.Subscriptions(api, sandbox).accept(volunteer.code(), volunteer.token(), "activity-reminder");
        new org.redstation.support.Subscriptions(api, sandbox).accept(quitter.code(), quitter.token(), "activity-reminder");
        LocalDateTime start = now().plusMinutes(10);
        JsonNode a = api.post("/api/staff/volunteer/activities", Map.of("stationId", 3, "title", "晚间一小时·四点半课堂辅导",
                "startAt", start.toString(), "endAt", start.plusMinutes(90).toString(), "capacity", 5), admin).expect(201).body();
        long id = a.path("id").asLong();

        JsonNode list = api.get("/api/volunteer/activities?stationId=3", volunteer.token()).expect(200).body();
        assertThat(list.findValuesAsText("id")).contains(String.valueOf(id));
        JsonNode joined = api.post("/api/volunteer/activities/" + id + "/signup", null, volunteer.token()).expect(200).body();
        assertThat(joined.path("joined").asBoolean()).isTrue();
        assertThat(joined.path("placesLeft").asInt()).isEqualTo(4);
        assertError(api.post("/api/volunteer/activities/" + id + "/signup", null, volunteer.token()), 409, "ACTIVITY_ALREADY_JOINED");
        api.post("/api/volunteer/activities/" + id + "/signup", null, quitter.token()).expect(200);
        assertThat(api.delete("/api/volunteer/activities/" + id + "/signup", quitter.token()).expect(200).body()
                .path("placesLeft").asInt()).isEqualTo(4);
        assertError(api.delete("/api/volunteer/activities/" + id + "/signup", quitter.token()), 409, "ACTIVITY_NOT_JOINED");

        // the reminder (starts within the 2-hour lead), once, to the one still signed up
        reminders.runOnce();
        reminders.runOnce();
        await().atMost(Duration.ofSeconds(20)).until(() -> sandbox.inbox().find("subscribe", openidOf(volunteer.code()), null)
                .stream().anyMatch(m -> "tpl-activity-reminder".equals(m.templateId()) && m.errcode() == 0));
        assertThat(sandbox.inbox().find("subscribe", openidOf(volunteer.code()), null).stream()
                .filter(m -> "tpl-activity-reminder".equals(m.templateId()))).hasSize(1);
        assertThat(sandbox.inbox().find("subscribe", openidOf(quitter.code()), null)).isEmpty();

        // check-in: the wrong station's code is refused, this station's credits the activity's 90 minutes once
        assertError(api.post("/api/volunteer/activities/" + id + "/checkin", Map.of("scene", "st=YL01"), volunteer.token()),
                409, "CHECKIN_WRONG_STATION");
        assertError(api.post("/api/volunteer/activities/" + id + "/checkin", Map.of("scene", "st=CY01"), quitter.token()),
                409, "ACTIVITY_NOT_JOINED");
        JsonNode in = api.post("/api/volunteer/activities/" + id + "/checkin", Map.of("scene", "st%3DCY01"), volunteer.token())
                .expect(200).body();
        assertThat(in.path("checkedIn").asBoolean()).isTrue();
        assertThat(in.path("minutes").asInt()).isEqualTo(90);
        assertError(api.post("/api/volunteer/activities/" + id + "/checkin", Map.of("scene", "st=CY01"), volunteer.token()),
                409, "CHECKIN_TWICE");
        assertThat(hours.minutes(volunteer.id())).as("the public API other modules use beside duty hours").isEqualTo(90);
        assertThat(hours.minutes(java.util.List.of(volunteer.id(), quitter.id()))).containsOnlyKeys(volunteer.id());
        assertThat(api.get("/api/volunteer/activities/mine", volunteer.token()).expect(200).body().findValuesAsText("id"))
                .contains(String.valueOf(id));
    }

    @Test
    void teamOnlyActivitiesCheckInOutsideTheTimeAndPastActivitiesAreRefused() {
        String admin = api.adminLogin();
        User leader = user(api, WishFixtures.unique("vol-lead"));
        User outsider = user(api, WishFixtures.unique("vol-out"));
        User member = user(api, WishFixtures.unique("vol-mem"));
        long team = WishFixtures.team(api, admin, leader, "ENVIRONMENT");
        api.post("/api/volunteer/teams/" + team + "/join", Map.of("name", "小王"), member.token()).expect(200);
        LocalDateTime start = now().plusDays(3);
        long id = api.post("/api/staff/volunteer/activities", Map.of("stationId", 3, "teamId", team, "teamOnly", true,
                "title", "环境整治·清理楼道", "startAt", start.toString(), "endAt", start.plusHours(2).toString(), "capacity", 10),
                admin).expect(201).body().path("id").asLong();
        assertError(api.post("/api/volunteer/activities/" + id + "/signup", null, outsider.token()), 403, "ACTIVITY_TEAM_ONLY");
        api.post("/api/volunteer/activities/" + id + "/signup", null, member.token()).expect(200);
        assertError(api.post("/api/volunteer/activities/" + id + "/checkin", Map.of("scene", "st=CY01"), member.token()),
                409, "CHECKIN_NOT_NOW");
        assertError(api.post("/api/volunteer/activities/9001/signup", null, member.token()), 409, "ACTIVITY_CLOSED");
        assertError(api.post("/api/volunteer/activities/424242/signup", null, member.token()), 404, "ACTIVITY_NOT_FOUND");
        assertError(api.post("/api/staff/volunteer/activities", Map.of("stationId", 3, "title", "倒着的时间",
                "startAt", start.toString(), "endAt", start.minusHours(1).toString(), "capacity", 3), admin), 400, "VALIDATION_FAILED");
        String yuanlin = WishFixtures.communityStaff(api, admin, 4);
        assertError(api.post("/api/staff/volunteer/activities", Map.of("stationId", 3, "title", "别的社区",
                "startAt", start.toString(), "endAt", start.plusHours(1).toString(), "capacity", 3), yuanlin), 403, "FORBIDDEN");
    }
}
