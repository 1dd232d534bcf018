package org.redstation.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redstation.support.TestInfra;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * V7 (one catalogue) on a database holding the old shape: booking_service rows whose names the catalogue has and
 * lacks, rules, slots, confirmed and 候补 bookings. Plain Flyway, no Spring context, versioned migrations only.
 */
class CatalogueMigrationIT {
    private String database;
    private String url;
    private SingleConnectionDataSource ds;
    private JdbcTemplate jdbc;

    @BeforeEach
    void freshDatabase() throws Exception {
        TestInfra.init();
        String base = TestInfra.jdbcUrl();
        database = "rs_mig_" + TestInfra.runId() + "_" + Long.toString(System.nanoTime() % 100000, 36);
        String server = base.replaceFirst("/[^/?]+\\?", "/?");
        url = base.replaceFirst("/[^/?]+\\?", "/" + database + "?");
        try (Connection c = DriverManager.getConnection(server, System.getProperty("DB_USER"), System.getProperty("DB_PASSWORD"));
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        ds = new SingleConnectionDataSource(url, System.getProperty("DB_USER"), System.getProperty("DB_PASSWORD"), true);
        jdbc = new JdbcTemplate(ds);
    }

    @AfterEach
    void dropDatabase() {
        jdbc.execute("DROP DATABASE IF EXISTS `" + database + "`");
        ds.destroy();
    }

    private Flyway flyway(String target) {
        return Flyway.configure().dataSource(ds).locations("classpath:db/migration").target(target).load();
    }

    @Test
    void bookingServicesMoveIntoTheCatalogueByNameWithoutLosingABookingARuleOrASlot() {
        flyway("6").migrate();
        jdbc.update("INSERT INTO street (id, name) VALUES (1, '测试街道')");
        jdbc.update("INSERT INTO community (id, street_id, name) VALUES (1, 1, '测试社区')");
        for (long st : List.of(1L, 2L)) {
            jdbc.update("INSERT INTO station (id, code, community_id, name, address, latitude, longitude, build_type, created_at, "
                    + "updated_at) VALUES (?, ?, 1, ?, '地址', 32.0, 112.0, 'NEW', NOW(3), NOW(3))", st, "MIG0" + st, "驿站" + st);
        }
        // the catalogue: one STAFFED service a rule uses, one BOOKABLE the station already offers
        jdbc.update("INSERT INTO service_item (id, name, category, usage_mode, created_at, updated_at) VALUES "
                + "(10, '水电代办代缴', '事务代办', 'STAFFED', NOW(3), NOW(3)), (11, '法律援助', '法律调解', 'BOOKABLE', NOW(3), NOW(3))");
        jdbc.update("INSERT INTO station_service (station_id, service_id, sort_order) VALUES (1, 11, 1)");
        // old booking catalogue: known names, an unknown name on two stations, an inactive unknown one
        jdbc.update("INSERT INTO booking_service (id, station_id, name, active, sort_order, created_at) VALUES "
                + "(101, 1, '水电代办代缴', 1, 1, NOW(3)), (102, 1, '法律援助', 1, 2, NOW(3)), (103, 1, '健康咨询', 1, 3, NOW(3)), "
                + "(104, 2, '健康咨询', 1, 1, NOW(3)), (105, 2, '旧服务', 0, 2, NOW(3))");
        jdbc.update("INSERT INTO booking_rule (id, station_id, kind, name, weekdays, start_time, end_time, capacity, created_at, "
                + "updated_at) VALUES (1, 1, 'EVENING_EXTRA', '晚间一小时', '1,2,3', '18:00', '19:00', 1, NOW(3), NOW(3)), "
                + "(2, 2, 'RED_WEEKEND', '红色周末', '6', '09:00', '11:00', 5, NOW(3), NOW(3))");
        jdbc.update("INSERT INTO booking_rule_service (rule_id, service_id) VALUES (1, 101), (1, 102), (1, 103), (2, 104), (2, 105)");
        jdbc.update("INSERT INTO booking_slot (id, station_id, rule_id, slot_date, start_time, end_time, kind, name, capacity, booked, "
                + "cancel_cutoff_minutes, waitlist_enabled, status, created_at) VALUES "
                + "(1, 1, 1, '2030-01-07', '18:00', '19:00', 'EVENING_EXTRA', '晚间一小时', 1, 1, 60, 1, 'OPEN', NOW(3)), "
                + "(2, 2, 2, '2030-01-12', '09:00', '11:00', 'RED_WEEKEND', '红色周末', 5, 1, 60, 1, 'OPEN', NOW(3))");
        jdbc.update("INSERT INTO booking (id, slot_id, station_id, user_id, service_id, status, active_slot_id, created_at, updated_at) "
                + "VALUES (1, 1, 1, 7, 101, 'CONFIRMED', 1, NOW(3), NOW(3)), (2, 1, 1, 8, 103, 'WAITING', 1, NOW(3), NOW(3)), "
                + "(3, 2, 2, 7, 104, 'CONFIRMED', 2, NOW(3), NOW(3)), (4, 2, 2, 9, 105, 'CANCELLED', NULL, NOW(3), NOW(3))");
        int slotsBefore = count("SELECT COUNT(*) FROM booking_slot");

        flyway("latest").migrate();

        long water = id("水电代办代缴");
        long law = id("法律援助");
        long health = id("健康咨询");
        long old = id("旧服务");
        assertThat(water).isEqualTo(10);
        assertThat(law).isEqualTo(11);
        // created once for two stations, bookable; the rule's STAFFED service became bookable
        assertThat(count("SELECT COUNT(*) FROM service_item WHERE name = '健康咨询'")).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT name, usage_mode, category FROM service_item WHERE id IN (?, ?, ?) ORDER BY id",
                water, health, old)).extracting(m -> m.get("usage_mode")).containsOnly("BOOKABLE");
        // nothing lost: bookings keep status, seat and 候补 place and point at the catalogue
        assertThat(jdbc.queryForList("SELECT id, service_id, status, active_slot_id FROM booking ORDER BY id")).containsExactly(
                row(1L, water, "CONFIRMED", 1L), row(2L, health, "WAITING", 1L), row(3L, health, "CONFIRMED", 2L),
                row(4L, old, "CANCELLED", null));
        assertThat(jdbc.queryForList("SELECT rule_id, service_id FROM booking_rule_service ORDER BY rule_id, service_id"))
                .containsExactly(Map.of("rule_id", 1L, "service_id", water), Map.of("rule_id", 1L, "service_id", law),
                        Map.of("rule_id", 1L, "service_id", health), Map.of("rule_id", 2L, "service_id", health),
                        Map.of("rule_id", 2L, "service_id", old));
        assertThat(count("SELECT COUNT(*) FROM booking_rule")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM booking_slot")).isEqualTo(slotsBefore);
        assertThat(count("SELECT booked FROM booking_slot WHERE id = 1")).isEqualTo(1);
        // the stations offer what they took bookings for (the inactive one is not offered: it refused bookings before)
        assertThat(jdbc.queryForList("SELECT service_id FROM station_service WHERE station_id = 1 ORDER BY sort_order", Long.class))
                .containsExactly(law, water, health);
        assertThat(jdbc.queryForList("SELECT service_id FROM station_service WHERE station_id = 2", Long.class))
                .containsExactly(health);
        // booking_service is gone and the keys point at the catalogue
        assertThat(count("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() "
                + "AND table_name IN ('booking_service', 'booking_service_v7_map', 'booking_rule_service_v7')")).isZero();
        assertThat(jdbc.queryForList("SELECT referenced_table_name FROM information_schema.referential_constraints "
                + "WHERE constraint_schema = DATABASE() AND constraint_name IN ('fk_booking_service', 'fk_brs_service')", String.class))
                .containsExactly("service_item", "service_item");
    }

    private static Map<String, Object> row(long id, long serviceId, String status, Long activeSlotId) {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("id", id);
        m.put("service_id", serviceId);
        m.put("status", status);
        m.put("active_slot_id", activeSlotId);
        return m;
    }

    private long id(String name) {
        return jdbc.queryForObject("SELECT id FROM service_item WHERE name = ?", Long.class, name);
    }

    private int count(String sql) {
        return jdbc.queryForObject(sql, Integer.class);
    }
}
