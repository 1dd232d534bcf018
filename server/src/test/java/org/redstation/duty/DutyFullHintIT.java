package org.redstation.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.redstation.support.Api;
import org.redstation.support.StatementCounter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The "full" hint answers claims of a full shift without reading the member or the shift, and never outlives a freed
 * seat: a release or a cancel on one instance makes the shift answer from the database on the other at once.
 */
class DutyFullHintIT extends DutyTestSupport {
    private static ConfigurableApplicationContext second;
    @Autowired
    Clock clock;

    @AfterAll
    static void stopSecond() {
        if (second != null) {
            second.close();
            second = null;
        }
    }

    private static Api.Resp claim(Api on, Member m, long shift) {
        return on.post("/api/duty/shifts/" + shift + "/claim", null, m.token());
    }

    @Test
    void claimsOfAFullShiftRunOnlyTheLoginLookupAndASeatReleasedOnTheOtherInstanceIsClaimableAtOnce() {
        if (second == null) {
            second = startSecondInstance();
        }
        Api api2 = apiOf(second);
        String admin = api.adminLogin();
        Member a = registered(api, admin, true);
        Member b = registered(api, admin, true);
        Member c = registered(api, admin, true);
        long shift = shift(api, admin, LocalDate.now(clock).plusDays(9).atTime(18, 0), 60, 2);
        claim(api, a, shift).expect(200);
        claim(api2, b, shift).expect(200);
        assertThat(claim(api, c, shift).expect(409).code()).isEqualTo("SHIFT_FULL"); // the database says full: hint written
        Api.Resp fromHint = claim(api2, c, shift).expect(409);
        assertThat(fromHint.code()).isEqualTo("SHIFT_FULL");
        assertThat(fromHint.header("Content-Type")).startsWith("application/json");
        assertThat(fromHint.body().path("message").asText()).isEqualTo(DutyError.SHIFT_FULL.message());
        assertThat(fromHint.body().path("requestId").asText()).isEqualTo(fromHint.header("X-Request-Id"));

        long statements = StatementCounter.count(() -> {
            for (int i = 0; i < 5; i++) {
                assertThat(claim(api, c, shift).expect(409).code()).isEqualTo("SHIFT_FULL");
            }
        });
        assertThat(statements).as("at most the login lookup per refusal, nothing of the member or shift").isLessThanOrEqualTo(5);
        assertThat(taken(shift)).isEqualTo(2);

        // a release on instance 2 frees the seat for instance 1 at once
        api2.post("/api/duty/shifts/" + shift + "/release", null, a.token()).expect(200);
        claim(api, c, shift).expect(200);
        assertThat(claim(api, a, shift).expect(409).code()).isEqualTo("SHIFT_FULL");
        assertThat(taken(shift)).isEqualTo(2);

        // a cancel on instance 2: instance 1 says cancelled, not full
        api2.post("/api/staff/duty/shifts/" + shift + "/cancel", null, admin).expect(200);
        assertThat(claim(api, a, shift).expect(409).code()).isEqualTo("SHIFT_CANCELLED");
    }
}
