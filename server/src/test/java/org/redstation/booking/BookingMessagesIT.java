package org.redstation.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redstation.notify.Notifier;
import org.redstation.support.IntegrationTest;
import org.redstation.support.Subscriptions;
import org.redstation.wechat.sandbox.SandboxInbox;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** End to end through WxJava and the sandbox: the messages a resident receives about a booking. */
class BookingMessagesIT extends IntegrationTest {
    // not 春园 (3): the services a test creates join the station's offer, and StationViewIT counts 春园's services
    private static final long STATION = 11;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Notifier notifier;
    @Autowired
    ReminderJob reminders;

    BookingFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new BookingFixtures(api, jdbc);
    }

    private List<SandboxInbox.Message> inbox(String code, String templateId) {
        notifier.dispatchNow();
        return sandbox.inbox().find("subscribe", openidOf(code), null).stream()
                .filter(m -> templateId.equals(m.templateId())).toList();
    }

    private static String field(SandboxInbox.Message m, String key) {
        return m.body().path("data").path(key).path("value").asText();
    }

    @Test
    void confirmedCancelledPromotedAndReminderReachTheResident() {
        long svc = fx.service(STATION, "水电代缴-" + System.nanoTime() % 100000);
        long slot = fx.tomorrowSlot(fx.rule(STATION, 1, 60, true, List.of(svc)).path("id").asLong());
        String a = api.login("booking-msg-a");
        String b = api.login("booking-msg-b");
        // the form asks at the moment of booking: confirmed + reminder + cancelled, promoted for the waiting list
        Subscriptions subs = new Subscriptions(api, sandbox);
        subs.accept("booking-msg-a", a, "booking-confirmed", "booking-reminder", "booking-cancelled");
        subs.accept("booking-msg-a", a, "booking-reminder");
        subs.accept("booking-msg-b", b, "booking-promoted", "booking-reminder", "booking-cancelled");
        long ab = api.post("/api/booking/bookings", BookingFixtures.book(STATION, slot, svc), a).expect(201).body().path("id").asLong();
        Map<String, Object> wait = BookingFixtures.book(STATION, slot, svc);
        wait.put("waitlist", true);
        api.post("/api/booking/bookings", wait, b).expect(201);

        await().atMost(Duration.ofSeconds(10)).until(() -> inbox("booking-msg-a", "tpl-booking-confirmed").size() == 1);
        SandboxInbox.Message confirmed = inbox("booking-msg-a", "tpl-booking-confirmed").get(0);
        assertThat(confirmed.errcode()).isZero();
        assertThat(confirmed.page()).isEqualTo("pages/booking/mine/index");
        assertThat(field(confirmed, "thing1")).startsWith("水电代缴-");
        assertThat(field(confirmed, "time2")).endsWith("10:00~11:00");
        assertThat(field(confirmed, "thing3")).isEqualTo("车城社区·富康商业街红色驿站");

        api.post("/api/booking/bookings/" + ab + "/cancel", null, a).expect(200);
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox("booking-msg-a", "tpl-booking-cancelled").size() == 1
                && inbox("booking-msg-b", "tpl-booking-promoted").size() == 1);
        assertThat(field(inbox("booking-msg-a", "tpl-booking-cancelled").get(0), "thing4")).isEqualTo("已取消：本人取消");
        assertThat(field(inbox("booking-msg-b", "tpl-booking-promoted").get(0), "thing4")).contains("候补成功");
        assertThat(inbox("booking-msg-b", "tpl-booking-confirmed")).isEmpty();

        // reminder: a slot starting in 30 minutes
        long ruleId = fx.rule(STATION, 3, 0, true, List.of(svc)).path("id").asLong();
        LocalDateTime start = LocalDateTime.now(BookingFixtures.ZONE).plusMinutes(30).withSecond(0).withNano(0);
        jdbc.update("DELETE FROM booking_slot WHERE rule_id = ? AND slot_date = ?", ruleId, start.toLocalDate());
        long soon = fx.slotAt(ruleId, STATION, start, 3);
        api.post("/api/booking/bookings", BookingFixtures.book(STATION, soon, svc), a).expect(201);
        reminders.sendDue();
        reminders.sendDue();
        await().atMost(Duration.ofSeconds(10)).until(() -> inbox("booking-msg-a", "tpl-booking-reminder").size() == 1);
        assertThat(inbox("booking-msg-a", "tpl-booking-reminder")).hasSize(1);
    }

    @Test
    void residentWhoRefusedMessagesStillBooksAndTheRefusalIsRecorded() {
        long svc = fx.service(STATION, "健康咨询-" + System.nanoTime() % 100000);
        long slot = fx.tomorrowSlot(fx.rule(STATION, 2, 60, true, List.of(svc)).path("id").asLong());
        String nosub = api.login("nosub-booker");
        // reported as accepted by the page, but WeChat refuses this user: 43101 is recorded
        new Subscriptions(api, sandbox).accept("nosub-booker", nosub, "booking-confirmed");
        JsonNode b = api.post("/api/booking/bookings", BookingFixtures.book(STATION, slot, svc), nosub).expect(201).body();
        assertThat(b.path("status").asText()).isEqualTo("CONFIRMED");
        String dedup = "booking-confirmed:" + b.path("id").asLong();
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            notifier.dispatchNow();
            return "REFUSED".equals(jdbc.queryForObject("SELECT status FROM notify_outbox WHERE dedup_key = ?", String.class, dedup));
        });
        assertThat(fx.booked(slot)).isEqualTo(1);
    }
}
