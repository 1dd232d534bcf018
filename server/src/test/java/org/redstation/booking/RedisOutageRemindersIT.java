package org.redstation.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redstation.RedStationApplication;
import org.redstation.infra.EmbeddedRedis;
import org.redstation.notify.Notifier;
import org.redstation.support.IntegrationTest;
import org.redstation.support.MutableClock;
import org.redstation.support.TestInfra;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A Redis outage far longer than five minutes on an instance with its own Redis and a clock the test moves (a day
 * ahead of the shared instance, so only this instance ever finds these rows due): the reminder job cannot take its
 * lock and queues the reminder through database claims (once, however often it runs); the WeChat send (access token
 * in Redis) fails and backs off instead of giving up; after Redis is back the reminder is sent exactly once.
 */
class RedisOutageRemindersIT extends IntegrationTest {
    private static final long STATION = 11;
    @Autowired
    JdbcTemplate jdbc;

    private Map<String, Object> outbox(String dedup) {
        return jdbc.queryForMap("SELECT status, attempts, next_attempt_at FROM notify_outbox WHERE dedup_key = ?", dedup);
    }

    private int attempts(String dedup) {
        return ((Number) outbox(dedup).get("attempts")).intValue();
    }

    private ConfigurableApplicationContext instance(MutableClock clock, int redisPort) {
        return new SpringApplicationBuilder(RedStationApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("clock", clock))
                .run("--server.port=0", "--redstation.wechat.sandbox.enabled=false",
                        "--redstation.wechat.api-host=" + sandbox.baseUrl(), "--redstation.wechat.max-retry-times=0",
                        "--spring.data.redis.port=" + redisPort, "--redstation.redis.prefix=redis-outage-" + TestInfra.runId(),
                        "--redstation.redis.timeout-ms=500",
                        // the test drives every job of this instance itself
                        "--redstation.booking.reminder-initial-delay=PT1H", "--redstation.booking.materialise-initial-delay=PT1H",
                        "--redstation.duty.housekeeping-delay=PT1H", "--redstation.notify.poll-initial-delay=PT1H",
                        "--redstation.chat.sweep-initial-millis=3600000", "--redstation.retention.initial-delay=PT1H");
    }

    @Test
    void aRedisOutageOfHoursStillQueuesTheReminderOnceAndSendsItOnceAfterRecovery() throws Exception {
        BookingFixtures fx = new BookingFixtures(api, jdbc);
        long svc = fx.service(STATION, "停电预约-" + System.nanoTime() % 100000);
        long ruleId = fx.rule(STATION, 3, 0, true, List.of(svc)).path("id").asLong();
        MutableClock clock = new MutableClock(Instant.now().plus(Duration.ofDays(1)), ZoneId.of("Asia/Shanghai"));
        LocalDateTime start = LocalDateTime.now(clock).plusMinutes(30).withSecond(0).withNano(0);
        jdbc.update("DELETE FROM booking_slot WHERE rule_id = ? AND slot_date = ?", ruleId, start.toLocalDate());
        long slot = fx.slotAt(ruleId, STATION, start, 3);
        String resident = api.login("redis-outage-resident");
        // as the booking form does: the resident accepts the confirmation and the reminder
        new org.redstation.support.Subscriptions(api, sandbox).accept("redis-outage-resident", resident,
                "booking-confirmed", "booking-reminder");
        long booking = api.post("/api/booking/bookings", BookingFixtures.book(STATION, slot, svc), resident).expect(201)
                .body().path("id").asLong();
        String dedup = "booking-reminder:" + booking;

        int port = TestInfra.freePort();
        Path dir = Files.createTempDirectory("redis-outage");
        EmbeddedRedis redis = EmbeddedRedis.start(dir, port);
        try (ConfigurableApplicationContext other = instance(clock, port)) {
            ReminderJob reminders = other.getBean(ReminderJob.class);
            Notifier notifier = other.getBean(Notifier.class);
            redis.close();
            LocalDateTime outageStart = LocalDateTime.now(clock);

            // the lock is unavailable: the job falls back to database claims, and a second run adds nothing
            reminders.scheduled();
            reminders.scheduled();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notify_outbox WHERE dedup_key = ?", Integer.class, dedup)).isEqualTo(1);
            await().atMost(Duration.ofSeconds(30)).until(() -> attempts(dedup) >= 1);

            // hours of outage, each attempt when its back-off has passed
            while (Duration.between(outageStart, LocalDateTime.now(clock)).compareTo(Duration.ofMinutes(30)) < 0) {
                int before = attempts(dedup);
                clock.moveTo(((LocalDateTime) outbox(dedup).get("next_attempt_at")).plusSeconds(1));
                notifier.dispatchNow();
                await().atMost(Duration.ofSeconds(30)).until(() -> attempts(dedup) > before);
                assertThat(outbox(dedup).get("status")).as("still queued, not given up").isEqualTo("PENDING");
            }
            assertThat(attempts(dedup)).isGreaterThan(6); // the old policy gave up after 6 attempts (~5 minutes)
            assertThat(sandbox.inbox().find("subscribe", openidOf("redis-outage-resident"), null).stream()
                    .filter(m -> "tpl-booking-reminder".equals(m.templateId()))).isEmpty();

            redis = EmbeddedRedis.start(dir, port);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
                clock.moveTo(((LocalDateTime) outbox(dedup).get("next_attempt_at")).plusSeconds(1));
                notifier.dispatchNow();
                return "SENT".equals(outbox(dedup).get("status"));
            });
            clock.advance(Duration.ofHours(2));
            reminders.scheduled();
            notifier.dispatchNow();
            assertThat(sandbox.inbox().find("subscribe", openidOf("redis-outage-resident"), null).stream()
                    .filter(m -> "tpl-booking-reminder".equals(m.templateId()) && m.errcode() == 0)).hasSize(1);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notify_outbox WHERE dedup_key = ?", Integer.class, dedup)).isEqualTo(1);
        } finally {
            redis.close();
        }
    }
}
