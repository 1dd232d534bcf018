package org.redstation.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redstation.support.Api;
import org.redstation.support.TwoInstanceTest;
import org.redstation.support.StatementCounter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The "full" hint answers refusals on a full slot without touching the slot, and never outlives a freed seat: a
 * cancellation or a larger capacity on one instance makes the seat bookable on the other at once.
 */
class BookingFullHintIT extends TwoInstanceTest {
    private static final long STATION = 9;   // the concurrency tests' station: 春园's picker stays as the demo made it

    @Autowired
    JdbcTemplate jdbc;
    BookingFixtures fx;

    @BeforeEach
    void setUp() {
        fx = new BookingFixtures(api, jdbc);
    }


    private long service;

    private Api.Resp book(Api on, String token, long slot) {
        return on.post("/api/booking/bookings", BookingFixtures.book(STATION, slot, service), token);
    }

    @Test
    void refusalsOnAFullSlotRunOnlyTheLoginLookupAndAFreedSeatIsBookableOnTheOtherInstanceAtOnce() {
        service = fx.service(STATION, "满员提示-" + System.nanoTime() % 100000);
        JsonNode rule = fx.rule(STATION, 2, 0, true, List.of(service));
        long slot = fx.tomorrowSlot(rule.path("id").asLong());
        String a = api.login("hint-a"), b = api.login("hint-b"), c = api.login("hint-c"), d = api.login("hint-d");
        long bookingOfA = book(api, a, slot).expect(201).body().path("id").asLong();
        book(api2, b, slot).expect(201);
        book(api, c, slot).expect(409); // the database says full: the hint is written
        Api.Resp fromHint = book(api2, c, slot);
        // written by the controller (RefusalWriter), in the one error shape the exception handler writes
        assertThat(fromHint.code()).isEqualTo("SLOT_FULL");
        assertThat(fromHint.header("Content-Type")).startsWith("application/json");
        assertThat(fromHint.body().path("message").asText()).isEqualTo(BookingError.SLOT_FULL.message());
        assertThat(fromHint.body().path("requestId").asText()).isEqualTo(fromHint.header("X-Request-Id"));
        assertThat(fromHint.body().has("field")).isFalse();

        int outboxBefore = fx.count("SELECT COUNT(*) FROM notify_outbox");
        long statements = StatementCounter.count(() -> {
            for (int i = 0; i < 5; i++) {
                assertThat(book(api, c, slot).expect(409).code()).isEqualTo("SLOT_FULL");
            }
        });
        assertThat(statements).as("only the login lookup per refusal, nothing of the slot").isLessThanOrEqualTo(5);
        assertThat(fx.booked(slot)).isEqualTo(2);
        assertThat(fx.count("SELECT COUNT(*) FROM notify_outbox")).isEqualTo(outboxBefore);

        // a cancellation on instance 2 frees the seat for instance 1 at once
        api2.post("/api/booking/bookings/" + bookingOfA + "/cancel", Map.of(), a).expect(200);
        book(api, c, slot).expect(201);
        assertThat(book(api, d, slot).code()).isEqualTo("SLOT_FULL");

        // so does a larger capacity saved on instance 2
        Map<String, Object> bigger = BookingFixtures.ruleBody(3, 0, true, 3, List.of(service));
        api2.put("/api/staff/booking/rules/" + rule.path("id").asLong(), bigger, fx.admin()).expect(200);
        book(api, d, slot).expect(201);
        assertThat(fx.booked(slot)).isEqualTo(3);
        assertThat(fx.count("SELECT COUNT(*) FROM booking WHERE slot_id = ? AND status = 'CONFIRMED'", slot)).isEqualTo(3);
    }
}
