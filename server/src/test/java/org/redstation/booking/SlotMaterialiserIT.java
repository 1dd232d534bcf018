package org.redstation.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redstation.support.IntegrationTest;
import org.redstation.support.StatementCounter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The materialiser does the work due, not a pass over every rule and day: within a day a run reads an empty range
 * of due rules, however many rules there are; the next day's run makes each rule's new day; changed rules and reopened days are made at once.
 * "The next day" is the state a run leaves behind, moved back by a day in the rule's row (the clock is the shared one).
 */
class SlotMaterialiserIT extends IntegrationTest {
    private static final long STATION = 12;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    SlotMaterialiser materialiser;
    BookingFixtures fx;
    long service;

    @BeforeEach
    void fixtures() {
        fx = new BookingFixtures(api, jdbc);
        service = fx.service(STATION, "生成时段-" + System.nanoTime() % 100000);
    }

    private static LocalDate today() {
        return LocalDate.now(BookingFixtures.ZONE);
    }

    private int slotsOn(long ruleId, LocalDate day) {
        return fx.count("SELECT COUNT(*) FROM booking_slot WHERE rule_id = ? AND slot_date = ?", ruleId, day);
    }

    /** Runs until this instance held the lock once (another run may hold it for a moment); the slots it created. */
    private int run() {
        AtomicInteger created = new AtomicInteger();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            created.set(materialiser.materialiseAllLocked());
            return created.get() >= 0;
        });
        return created.get();
    }

    @Test
    void aRunWithinTheDayCostsTheSameStatementsForFiveRulesAndForFortyFive() {
        for (int i = 0; i < 5; i++) {
            fx.rule(STATION, 5, 0, false, List.of(service));
        }
        run(); // whatever else was due
        // the operations endpoint runs the materialiser (and the reminders) on a request thread, where statements count
        StatementCounter.Counted<JsonNode> five = StatementCounter.count(
                () -> api.post("/api/staff/booking/jobs/run", Map.of(), fx.admin()).expect(200).body());
        for (int i = 0; i < 40; i++) {
            fx.rule(STATION, 5, 0, false, List.of(service));
        }
        StatementCounter.Counted<JsonNode> fortyFive = StatementCounter.count(
                () -> api.post("/api/staff/booking/jobs/run", Map.of(), fx.admin()).expect(200).body());
        assertThat(five.value().path("slotsCreated").asInt()).isZero();
        assertThat(fortyFive.value().path("slotsCreated").asInt()).isZero();
        assertThat(fortyFive.statements()).as("no rule due: nothing visited").isEqualTo(five.statements()).isPositive();
    }

    @Test
    void theNextDaysRunMakesOnlyTheNewDayOfEachRule() {
        long rule = fx.rule(STATION, 5, 0, false, List.of(service)).path("id").asLong();
        LocalDate horizon = today().plusDays(3); // the fixture's rule opens 3 days ahead
        assertThat(slotsOn(rule, horizon)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT materialise_due FROM booking_rule WHERE id = ?", LocalDate.class, rule))
                .isEqualTo(today().plusDays(1));
        run(); // whatever else was due (rules written by SQL in other tests)
        // as yesterday's run left it: through the day before the horizon, due today
        jdbc.update("DELETE FROM booking_slot WHERE rule_id = ? AND slot_date = ?", rule, horizon);
        jdbc.update("UPDATE booking_rule SET materialised_through = ?, materialise_due = ? WHERE id = ?", horizon.minusDays(1),
                today(), rule);
        // a day of the horizon already made is not visited again (removed here: a run that did would make it)
        jdbc.update("DELETE FROM booking_slot WHERE rule_id = ? AND slot_date = ?", rule, horizon.minusDays(1));

        assertThat(run()).isEqualTo(1);
        assertThat(slotsOn(rule, horizon)).isEqualTo(1);
        assertThat(slotsOn(rule, horizon.minusDays(1))).isZero();
        assertThat(jdbc.queryForObject("SELECT materialised_through FROM booking_rule WHERE id = ?", LocalDate.class, rule))
                .isEqualTo(horizon);
        assertThat(run()).isZero();
    }

    @Test
    void aChangedRuleIsMadeAgainOverItsWholeHorizon() {
        long rule = fx.rule(STATION, 5, 0, false, List.of(service)).path("id").asLong();
        assertThat(slotsOn(rule, today().plusDays(5))).isZero();
        api.put("/api/staff/booking/rules/" + rule, BookingFixtures.ruleBody(5, 0, false, 6, List.of(service)), fx.admin())
                .expect(200);
        for (int d = 1; d <= 6; d++) {
            assertThat(slotsOn(rule, today().plusDays(d))).as("day +%d", d).isEqualTo(1);
        }
    }

    @Test
    void reopeningAClosedDayMakesTheSlotsItsRulesSkipped() {
        LocalDate day = today().plusDays(2);
        JsonNode closure = api.post("/api/staff/booking/closures", Map.of("stationId", STATION, "date", day.toString(),
                "reason", "设备检修"), fx.admin()).expect(201).body();
        long rule = fx.rule(STATION, 5, 0, false, List.of(service)).path("id").asLong();
        assertThat(slotsOn(rule, day)).as("closed: not made").isZero();
        assertThat(slotsOn(rule, day.plusDays(1))).isEqualTo(1);

        api.delete("/api/staff/booking/closures/" + closure.path("id").asLong(), fx.admin()).expect(204);
        assertThat(slotsOn(rule, day)).as("made when the day reopened, not at the next run").isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT status FROM booking_slot WHERE rule_id = ? AND slot_date = ?", String.class,
                rule, day)).isEqualTo("OPEN");
    }
}
