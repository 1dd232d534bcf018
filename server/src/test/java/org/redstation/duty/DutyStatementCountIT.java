package org.redstation.duty;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.redstation.support.StatementCounter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The staff lists and "my shifts" run the same number of SQL statements for one row and for a hundred (joins and IN
 * lists, no query per row). Rows are written straight to the database to keep the setup fast.
 */
class DutyStatementCountIT extends DutyTestSupport {
    /** Demo community 11 (车城社区, organisations 11 and 12): no other duty test writes there. */
    static final long QUIET_COMMUNITY = 11;
    static final long QUIET_ORG = 11;

    @Autowired
    Clock clock;

    @Test
    void staffShiftListRunsTheSameStatementsForOneAndAHundredShifts() {
        String admin = api.adminLogin();
        LocalDate from = LocalDate.now(clock).plusDays(400);
        String role = unique("计数");
        String url = "/api/staff/duty/shifts?from=" + from + "&to=" + from.plusDays(120);
        insertShift(CY01, CHUNYUAN, from.atTime(18, 0), role);
        StatementCounter.Counted<JsonNode> one = StatementCounter.count(() -> api.get(url, admin).expect(200).body());
        for (int i = 1; i < 100; i++) {
            insertShift(i % 2 == 0 ? CY01 : 2, i % 2 == 0 ? CHUNYUAN : 2, from.plusDays(i).atTime(18, 0), role);
        }
        StatementCounter.Counted<JsonNode> hundred = StatementCounter.count(() -> api.get(url, admin).expect(200).body());
        assertThat(hundred.value().size()).isGreaterThanOrEqualTo(one.value().size() + 99);
        assertThat(hundred.value().toString()).contains("陈营社区");
        assertThat(one.statements()).isPositive();
        assertThat(hundred.statements()).isEqualTo(one.statements());
    }

    @Test
    void applicationsListRunsTheSameStatementsForOneAndAHundredApplications() {
        String admin = api.adminLogin();
        String url = "/api/staff/members?communityId=" + QUIET_COMMUNITY + "&status=PENDING";
        insertPendingMember();
        StatementCounter.Counted<JsonNode> one = StatementCounter.count(() -> api.get(url, admin).expect(200).body());
        for (int i = 1; i < 100; i++) {
            insertPendingMember();
        }
        StatementCounter.Counted<JsonNode> hundred = StatementCounter.count(() -> api.get(url, admin).expect(200).body());
        assertThat(hundred.value().size()).isEqualTo(one.value().size() + 99);
        assertThat(hundred.value().get(0).path("statusName").asText()).isEqualTo("待审核");
        assertThat(one.statements()).isPositive();
        assertThat(hundred.statements()).isEqualTo(one.statements());
    }

    @Test
    void myShiftsRunTheSameStatementsForOneAndAHundredClaims() {
        String admin = api.adminLogin();
        Member m = registered(api, admin, true);
        LocalDate from = LocalDate.now(clock).plusDays(700);
        String role = unique("我的");
        claim(m, insertShift(CY01, CHUNYUAN, from.atTime(9, 0), role), from.atTime(9, 0));
        StatementCounter.Counted<JsonNode> one = StatementCounter.count(
                () -> api.get("/api/duty/my-shifts", m.token()).expect(200).body());
        for (int i = 1; i < 100; i++) {
            LocalDateTime start = from.plusDays(i).atTime(9, 0);
            claim(m, insertShift(i % 2 == 0 ? CY01 : 2, i % 2 == 0 ? CHUNYUAN : 2, start, role), start);
        }
        StatementCounter.Counted<JsonNode> hundred = StatementCounter.count(
                () -> api.get("/api/duty/my-shifts", m.token()).expect(200).body());
        assertThat(one.value().size()).isEqualTo(1);
        assertThat(hundred.value().size()).isEqualTo(100);
        assertThat(one.statements()).isPositive();
        assertThat(hundred.statements()).isEqualTo(one.statements());
    }

    @Test
    void alertsListRunsTheSameStatementsForOneAndAHundredAlerts() {
        String admin = api.adminLogin();
        String url = "/api/staff/duty/alerts?communityId=" + QUIET_COMMUNITY;
        long base = System.nanoTime();
        insertAlert(base);
        StatementCounter.Counted<JsonNode> one = StatementCounter.count(() -> api.get(url, admin).expect(200).body());
        for (int i = 1; i < 100; i++) {
            insertAlert(base + i);
        }
        StatementCounter.Counted<JsonNode> hundred = StatementCounter.count(() -> api.get(url, admin).expect(200).body());
        assertThat(hundred.value().size()).isEqualTo(one.value().size() + 99);
        assertThat(one.statements()).isPositive();
        assertThat(hundred.statements()).isEqualTo(one.statements());
    }

    long insertShift(long stationId, long communityId, LocalDateTime start, String role) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO duty_shift (station_id, community_id, start_at, end_at, role_name, "
                    + "seats, taken, status, created_at) VALUES (?, ?, ?, ?, ?, 3, 0, 'OPEN', NOW(3))",
                    Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, stationId);
            ps.setLong(2, communityId);
            ps.setObject(3, start);
            ps.setObject(4, start.plusHours(1));
            ps.setString(5, role);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    void claim(Member m, long shiftId, LocalDateTime start) {
        jdbc.update("INSERT INTO duty_claim (shift_id, member_id, user_id, station_id, start_at, end_at, status, active_shift, "
                + "created_at, updated_at) SELECT id, ?, ?, station_id, start_at, end_at, 'ACTIVE', id, NOW(3), NOW(3) "
                + "FROM duty_shift WHERE id = ?", m.memberId(), m.userId(), shiftId);
        jdbc.update("UPDATE duty_shift SET taken = 1 WHERE id = ?", shiftId);
    }

    void insertPendingMember() {
        String openid = unique("count-openid");
        jdbc.update("INSERT INTO app_user (openid, roles, created_at) VALUES (?, 'RESIDENT', NOW(3))", openid);
        long userId = jdbc.queryForObject("SELECT id FROM app_user WHERE openid = ?", Long.class, openid);
        jdbc.update("INSERT INTO party_member (user_id, community_id, org_id, name, phone, status, created_at, updated_at) "
                + "VALUES (?, ?, ?, '李四', '13900000000', 'PENDING', NOW(3), NOW(3))", userId, QUIET_COMMUNITY, QUIET_ORG);
    }

    void insertAlert(long shiftId) {
        jdbc.update("INSERT INTO duty_alert (community_id, station_id, shift_id, kind, message, created_at) "
                + "VALUES (?, 2, ?, 'UNDERSTAFFED', '测试驿站 还缺1人', NOW(3))", QUIET_COMMUNITY, shiftId);
    }
}
