package org.redstation.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redstation.infra.EmbeddedRedis;
import org.redstation.support.Api;
import org.redstation.support.TestInfra;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;

/** Our own embedded Redis on a free port and an app instance using it: stop it, claims/check-ins answer 503, restart. */
class DutyRedisDownIT extends DutyTestSupport {
    @Autowired
    Clock clock;

    @Test
    void withRedisStoppedClaimsAndCheckInsFailFastWith503AndWorkAgainAfterwards() throws Exception {
        int port = TestInfra.freePort();
        Path dir = Files.createTempDirectory("duty-redis");
        EmbeddedRedis redis = EmbeddedRedis.start(dir, port);
        try (ConfigurableApplicationContext app = startSecondInstance("--spring.data.redis.port=" + port,
                "--redstation.redis.prefix=duty-down-" + TestInfra.runId(), "--redstation.redis.timeout-ms=500",
                "--redstation.duty.housekeeping-delay=PT1H")) {
            Api other = apiOf(app);
            String admin = other.adminLogin();
            Member m = registered(other, admin, true);
            long first = shift(other, admin, LocalDate.now(clock).plusDays(2).atTime(18, 0), 60, 2);
            long second = shift(other, admin, LocalDate.now(clock).plusDays(3).atTime(18, 0), 60, 2);
            long now = shift(other, admin, LocalDateTime.now(clock).plusMinutes(5), 30, 2);
            other.post("/api/duty/shifts/" + first + "/claim", null, m.token()).expect(200);
            other.post("/api/duty/shifts/" + now + "/claim", null, m.token()).expect(200);

            redis.close();
            long t0 = System.nanoTime();
            Api.Resp claim = other.post("/api/duty/shifts/" + second + "/claim", null, m.token());
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertThat(claim.status()).isEqualTo(503);
            assertThat(claim.code()).isIn("SERVICE_BUSY", "DUTY_UNAVAILABLE");
            assertThat(claim.body().path("message").asText()).contains("稍后再试");
            assertThat(ms).as("fails fast").isLessThan(10_000);
            Api.Resp checkIn = other.post("/api/duty/check-in", Map.of("scene", "st=CY01"), m.token());
            assertThat(checkIn.status()).isEqualTo(503);
            // nothing half-written
            assertThat(taken(second)).isZero();
            assertThat(taken(first)).isEqualTo(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM duty_claim WHERE member_id = ? AND checkin_at IS NOT NULL",
                    Integer.class, m.memberId())).isZero();
            // the station view still answers (from the database)
            other.get("/api/duty/stations/" + CY01 + "/on-duty").expect(200);

            redis = EmbeddedRedis.start(dir, port);
            // sessions lived in the stopped Redis: log in again, then everything works
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> other.post("/api/auth/login", Map.of("code", m.code())).status() == 200);
            String token = other.login(m.code());
            other.post("/api/duty/shifts/" + second + "/claim", null, token).expect(200);
            other.post("/api/duty/check-in", Map.of("scene", "st=CY01"), token).expect(200);
            assertThat(taken(second)).isEqualTo(1);
            assertThat(other.get("/api/duty/stations/" + CY01 + "/on-duty").expect(200).body().toString()).contains("张**");
        } finally {
            redis.close();
        }
    }
}
