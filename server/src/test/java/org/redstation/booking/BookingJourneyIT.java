package org.redstation.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
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

/** Bookings for a person (contact, family member, what to bring) and arrival at the station (queue numbers). */
class BookingJourneyIT extends IntegrationTest {
    // 车城 (11, code CC01), not 春园: StationViewIT counts 春园's services
    private static final long STATION = 11;
    private static final String SCENE = "st=CC01";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Notifier notifier;
    @Autowired
    ReminderJob reminders;
    @Autowired
    BookingStore store;

    BookingFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new BookingFixtures(api, jdbc);
    }

    private long serviceBringing(String name, String bring) {
        long id = api.post("/api/staff/services", Map.of("name", name, "category", "事务代办", "usageMode", "BOOKABLE",
                "whatToBring", bring), fx.admin()).expect(201).body().path("id").asLong();
        fx.offer(STATION, id);
        return id;
    }

    private static Map<String, Object> bookFor(long slot, long svc, String name, String phone, String relation) {
        Map<String, Object> b = BookingFixtures.book(STATION, slot, svc);
        b.put("contactName", name);
        b.put("contactPhone", phone);
        if (relation != null) {
            b.put("relation", relation);
        }
        return b;
    }

    @Test
    void contactIsMaskedInListsAndShownInFullOnlyThroughTheAuditedReveal() {
        long svc = fx.service(STATION, "联系人-" + System.nanoTime() % 100000);
        long slot = fx.tomorrowSlot(fx.rule(STATION, 3, 60, true, List.of(svc)).path("id").asLong());
        String token = api.login("journey-contact");
        assertThat(api.get("/api/booking/config", token).expect(200).body().path("noShowRule").asText()).contains("3次未到场");

        assertThat(api.post("/api/booking/bookings", bookFor(slot, svc, "王小明", "1381234567", null), token).expect(400)
                .body().toString()).contains("请填写11位手机号");
        JsonNode b = api.post("/api/booking/bookings", bookFor(slot, svc, "王小明", "13912345678", null), token).expect(201).body();
        assertThat(b.path("contact").path("name").asText()).isEqualTo("王**");
        assertThat(b.path("contact").path("phone").asText()).isEqualTo("139****5678");
        long id = b.path("id").asLong();
        assertThat(api.get("/api/booking/bookings/mine", token).expect(200).body().path("upcoming").get(0).path("contact")
                .path("phone").asText()).isEqualTo("139****5678");
        JsonNode rows = api.get("/api/staff/booking/slots/" + slot + "/bookings", fx.admin()).expect(200).body();
        assertThat(rows.toString()).contains("139****5678").doesNotContain("13912345678");

        JsonNode shown = api.post("/api/staff/booking/bookings/" + id + "/contact", Map.of("reason", "确认到场时间"), fx.admin())
                .expect(200).body();
        assertThat(shown.path("name").asText()).isEqualTo("王小明");
        assertThat(shown.path("phone").asText()).isEqualTo("13912345678");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM contact_audit WHERE subject_kind = 'BOOKING' AND subject_id = ? "
                + "AND reason = '确认到场时间'", Integer.class, id)).isEqualTo(1);
    }

    @Test
    void phoneFromWeChatsPhoneButtonIsKeptWithTheBooking() {
        long svc = fx.service(STATION, "手机号-" + System.nanoTime() % 100000);
        long slot = fx.tomorrowSlot(fx.rule(STATION, 3, 60, true, List.of(svc)).path("id").asLong());
        String token = api.login("journey-phonecode");
        Map<String, Object> req = BookingFixtures.book(STATION, slot, svc);
        req.put("contactName", "李四");
        req.put("phoneCode", "phone-13700001111");
        long id = api.post("/api/booking/bookings", req, token).expect(201).body().path("id").asLong();
        assertThat(jdbc.queryForObject("SELECT contact_phone FROM booking WHERE id = ?", String.class, id)).isEqualTo("13700001111");
    }

    @Test
    void familyBookingKeepsWhoComesAndTheReminderTellsTheBookerWhatToBring() {
        long svc = serviceBringing("优待证-" + System.nanoTime() % 100000, "身份证、一寸照片");
        long ruleId = fx.rule(STATION, 3, 0, true, List.of(svc)).path("id").asLong();
        String code = "journey-family";
        String token = api.login(code);
        new Subscriptions(api, sandbox).accept(code, token, "booking-reminder");
        // the form shows what to bring before booking: the slot's services carry it via the catalogue
        long tomorrow = fx.tomorrowSlot(ruleId);
        org.assertj.core.api.Assertions.assertThat(api.get("/api/booking/slots/" + tomorrow, token).expect(200).body()
                .path("services").get(0).path("whatToBring").asText()).isEqualTo("身份证、一寸照片");
        Map<String, Object> incomplete = BookingFixtures.book(STATION, tomorrow, svc);
        incomplete.put("relation", "母亲");
        incomplete.put("contactName", "张桂兰");
        assertThat(api.post("/api/booking/bookings", incomplete, token).expect(400).code()).isEqualTo("CONTACT_INCOMPLETE");

        LocalDateTime start = LocalDateTime.now(BookingFixtures.ZONE).plusMinutes(30).withSecond(0).withNano(0);
        jdbc.update("DELETE FROM booking_slot WHERE rule_id = ? AND slot_date = ?", ruleId, start.toLocalDate());
        long soon = fx.slotAt(ruleId, STATION, start, 3);
        JsonNode b = api.post("/api/booking/bookings", bookFor(soon, svc, "张桂兰", "13800002222", "母亲"), token).expect(201).body();
        assertThat(b.path("contact").path("relation").asText()).isEqualTo("母亲");
        assertThat(b.path("contact").path("name").asText()).isEqualTo("张**");
        assertThat(b.path("whatToBring").asText()).isEqualTo("身份证、一寸照片");
        assertThat(api.get("/api/booking/bookings/" + b.path("id").asLong(), token).expect(200).body().path("whatToBring")
                .asText()).isEqualTo("身份证、一寸照片");

        reminders.sendDue();
        await().atMost(Duration.ofSeconds(10)).until(() -> reminderTo(code).size() == 1);
        SandboxInbox.Message m = reminderTo(code).get(0);
        assertThat(m.errcode()).isZero();
        assertThat(m.body().path("data").path("thing4").path("value").asText()).isEqualTo("请携带：身份证、一寸照片");
    }

    private List<SandboxInbox.Message> reminderTo(String code) {
        notifier.dispatchNow();
        return sandbox.inbox().find("subscribe", openidOf(code), null).stream()
                .filter(m -> "tpl-booking-reminder".equals(m.templateId())).toList();
    }

    @Test
    void scanningTheStationCodeDuringTheSlotChecksInWithQueueNumbersInArrivalOrder() {
        long svc = fx.service(STATION, "到场-" + System.nanoTime() % 100000);
        long ruleId = fx.rule(STATION, 5, 60, true, List.of(svc)).path("id").asLong();
        LocalDateTime now = LocalDateTime.now(BookingFixtures.ZONE).withNano(0);
        // a slot under way (started 5 minutes ago), unless that would be yesterday
        LocalDateTime start = now.toLocalTime().isBefore(LocalTime.of(0, 10)) ? now : now.minusMinutes(5);
        jdbc.update("DELETE FROM booking_slot WHERE rule_id = ? AND slot_date = ?", ruleId, start.toLocalDate());
        long slot = fx.slotAt(ruleId, STATION, start, 5);
        String a = api.login("arrive-a");
        String b = api.login("arrive-b");
        long ba = fx.bookingInto(slot, STATION, fx.userId(a), svc);
        long bb = fx.bookingInto(slot, STATION, fx.userId(b), svc);

        JsonNode first = api.post("/api/booking/arrivals", Map.of("scene", SCENE), b).expect(200).body();
        assertThat(first.path("id").asLong()).isEqualTo(bb);
        assertThat(first.path("status").asText()).isEqualTo("ATTENDED");
        assertThat(first.path("queueNo").asInt()).isEqualTo(1);
        JsonNode second = api.post("/api/booking/arrivals", Map.of("scene", SCENE), a).expect(200).body();
        assertThat(second.path("id").asLong()).isEqualTo(ba);
        assertThat(second.path("queueNo").asInt()).isEqualTo(2);
        // scanning again keeps the number
        assertThat(api.post("/api/booking/arrivals", Map.of("scene", SCENE), b).expect(200).body().path("queueNo").asInt()).isEqualTo(1);
        // a checked-in resident cannot be recorded as a no-show
        assertThat(api.post("/api/staff/booking/bookings/" + ba + "/attendance", Map.of("attended", false), fx.admin())
                .expect(409).code()).isEqualTo("ARRIVED_ALREADY");
        assertThat(jdbc.queryForObject("SELECT arrivals FROM booking_slot WHERE id = ?", Integer.class, slot)).isEqualTo(2);
    }

    @Test
    void aScanInTheLastQuarterHourOfTheDayFindsTheSlotUnderWay() {
        // the early window (15 minutes) of a scan at 23:50 ends past midnight: it must not wrap to 00:05
        long svc = fx.service(STATION, "午夜-" + System.nanoTime() % 100000);
        long ruleId = fx.rule(STATION, 5, 60, true, List.of(svc)).path("id").asLong();
        LocalDateTime start = LocalDateTime.now(BookingFixtures.ZONE).plusDays(3).withHour(23).withMinute(30)
                .withSecond(0).withNano(0);
        jdbc.update("DELETE FROM booking_slot WHERE rule_id = ? AND slot_date = ?", ruleId, start.toLocalDate());
        long slot = fx.slotAt(ruleId, STATION, start, 5); // 23:30–23:59:59
        String token = api.login("arrive-late");
        long id = fx.bookingInto(slot, STATION, fx.userId(token), svc);
        assertThat(store.arrivable(fx.userId(token), STATION, start.withMinute(50), ArrivalService.EARLY))
                .map(BookingStore.Booking::id).contains(id);
        assertThat(store.arrivable(fx.userId(token), STATION, start.withMinute(20), ArrivalService.EARLY))
                .map(BookingStore.Booking::id).contains(id); // 10 minutes early
        assertThat(store.arrivable(fx.userId(token), STATION, start.plusMinutes(31), ArrivalService.EARLY)).isEmpty();
    }

    @Test
    void scanningOutsideTheSlotOrAtAnotherStationChecksNothingIn() {
        long svc = fx.service(STATION, "未到时-" + System.nanoTime() % 100000);
        long slot = fx.tomorrowSlot(fx.rule(STATION, 3, 60, true, List.of(svc)).path("id").asLong());
        String token = api.login("arrive-early");
        long id = api.post("/api/booking/bookings", BookingFixtures.book(STATION, slot, svc), token).expect(201).body().path("id").asLong();
        assertThat(api.post("/api/booking/arrivals", Map.of("scene", SCENE), token).expect(409).code()).isEqualTo("ARRIVAL_NO_BOOKING");
        assertThat(api.post("/api/booking/arrivals", Map.of("scene", "st=NOPE99"), token).expect(404).code())
                .isEqualTo("ARRIVAL_STATION_NOT_FOUND");
        assertThat(jdbc.queryForObject("SELECT status FROM booking WHERE id = ?", String.class, id)).isEqualTo("CONFIRMED");
    }
}
