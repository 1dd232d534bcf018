package org.redstation.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redstation.notify.Notifier;
import org.redstation.station.NextSlotsProvider;
import org.redstation.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

class BookingIT extends IntegrationTest {
    private static final long STATION = 5;
    private static final long OTHER_STATION = 6;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Notifier notifier;
    @Autowired
    ReminderJob reminders;
    @Autowired
    NextSlotsProvider nextSlots;
    @Autowired
    BookingQueries queries;
    @Autowired
    SlotMaterialiser materialiser;

    BookingFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new BookingFixtures(api, jdbc);
    }

    @Test
    void demoRulesAreMaterialisedIdempotentlyAndShownInTheSlotPicker() {
        // -1 = the scheduled run of this or another instance holds the lock right now
        org.awaitility.Awaitility.await().until(() -> materialiser.materialiseAllLocked() >= 0);
        int slots = fx.count("SELECT COUNT(*) FROM booking_slot WHERE station_id = 3");
        assertThat(materialiser.materialiseAllLocked()).isLessThanOrEqualTo(0);
        assertThat(fx.count("SELECT COUNT(*) FROM booking_slot WHERE station_id = 3")).isEqualTo(slots).isGreaterThan(0);

        JsonNode page = api.get("/api/booking/stations/3/slots").expect(200).body();
        assertThat(page.path("stationName").asText()).isEqualTo("春园社区红色驿站");
        for (JsonNode day : page.path("days")) {
            for (JsonNode s : day.path("slots")) {
                LocalDate d = LocalDate.parse(s.path("date").asText());
                boolean weekend = d.getDayOfWeek().getValue() >= 6;
                assertThat(s.path("kindName").asText()).isEqualTo(weekend ? "红色周末" : "晚间一小时");
                assertThat(s.path("start").asText()).isEqualTo(weekend ? "09:00" : "18:00");
                assertThat(s.path("services").size()).isEqualTo(5);
                assertThat(s.path("seatsLeft").asInt()).isEqualTo(s.path("capacity").asInt());
            }
        }
        assertThat(nextSlots.nextSlots(3, 3)).hasSizeLessThanOrEqualTo(3).allSatisfy(s -> assertThat(s.seatsLeft()).isPositive());
        JsonNode cfg = api.get("/api/booking/config").expect(200).body();
        assertThat(cfg.path("templates").path("booking-confirmed").asText()).isEqualTo("tpl-booking-confirmed");
        assertThat(cfg.path("templateIds").size()).isEqualTo(4);
    }

    @Test
    void bookCancelAndRebookWithMessagesInTheOutbox() {
        long svc = fx.service(STATION, "水电代办代缴-" + System.nanoTime() % 100000);
        JsonNode rule = fx.rule(STATION, 2, 60, true, List.of(svc));
        long slot = fx.tomorrowSlot(rule.path("id").asLong());
        String alice = api.login("booking-alice");
        long aliceId = fx.userId(alice);

        Map<String, Object> req = BookingFixtures.book(STATION, slot, svc);
        req.put("note", "带上水费单");
        JsonNode b = api.post("/api/booking/bookings", req, alice).expect(201).body();
        assertThat(b.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(b.path("cancellable").asBoolean()).isTrue();
        assertThat(fx.booked(slot)).isEqualTo(1);
        assertThat(nextSlots.nextSlots(STATION, 50)).anySatisfy(s -> {
            assertThat(s.slotId()).isEqualTo(slot);
            assertThat(s.seatsLeft()).isEqualTo(1);
        });
        // second booking of the same slot
        assertThat(api.post("/api/booking/bookings", req, alice).expect(409).code()).isEqualTo("ALREADY_BOOKED");
        JsonNode mine = api.get("/api/booking/bookings/mine", alice).expect(200).body();
        assertThat(mine.path("upcoming")).anySatisfy(x -> assertThat(x.path("id").asLong()).isEqualTo(b.path("id").asLong()));
        assertThat(queries.upcoming(aliceId, 5)).anySatisfy(u -> {
            assertThat(u.bookingId()).isEqualTo(b.path("id").asLong());
            assertThat(u.stationName()).isEqualTo("中车社区红色驿站");
            assertThat(u.start()).hasToString("10:00");
            assertThat(u.statusLabel()).isEqualTo("已预约");
        });

        JsonNode cancelled = api.post("/api/booking/bookings/" + b.path("id").asLong() + "/cancel", null, alice).expect(200).body();
        assertThat(cancelled.path("status").asText()).isEqualTo("CANCELLED");
        assertThat(fx.booked(slot)).isZero();
        assertThat(api.post("/api/booking/bookings/" + b.path("id").asLong() + "/cancel", null, alice).expect(409).code())
                .isEqualTo("BOOKING_NOT_ACTIVE");
        assertThat(api.get("/api/booking/bookings/mine", alice).body().path("past"))
                .anySatisfy(x -> assertThat(x.path("statusName").asText()).isEqualTo("已取消"));
        // the seat came back: booking again works
        assertThat(api.post("/api/booking/bookings", req, alice).expect(201).body().path("status").asText()).isEqualTo("CONFIRMED");

        List<Map<String, Object>> confirmed = fx.outbox(aliceId, "booking-confirmed");
        assertThat(confirmed).hasSize(2);
        assertThat((String) confirmed.get(0).get("data_json")).contains("水电代办代缴").contains("10:00~11:00").contains("中车社区红色驿站");
        assertThat(confirmed.get(0).get("page")).isEqualTo("pages/booking/mine/index");
        assertThat(fx.outbox(aliceId, "booking-cancelled")).hasSize(1)
                .allSatisfy(m -> assertThat((String) m.get("data_json")).contains("本人取消"));
    }

    @Test
    void badInputIsRefusedWithClearCodesAndNothingWritten() {
        long svc = fx.service(STATION, "法律咨询-" + System.nanoTime() % 100000);
        long otherSvc = fx.service(STATION, "健康咨询-" + System.nanoTime() % 100000);
        JsonNode rule = fx.rule(STATION, 5, 60, true, List.of(svc));
        long ruleId = rule.path("id").asLong();
        long slot = fx.tomorrowSlot(ruleId);
        String bob = api.login("booking-bob");
        String carol = api.login("booking-carol");
        int before = fx.count("SELECT COUNT(*) FROM booking");
        int outboxBefore = fx.count("SELECT COUNT(*) FROM notify_outbox");

        // slot of another station
        assertThat(api.post("/api/booking/bookings", BookingFixtures.book(OTHER_STATION, slot, svc), bob).expect(400).code())
                .isEqualTo("SLOT_OTHER_STATION");
        // service not offered in the slot
        assertThat(api.post("/api/booking/bookings", BookingFixtures.book(STATION, slot, otherSvc), bob).expect(400).code())
                .isEqualTo("SERVICE_NOT_OFFERED");
        // past slot
        long past = fx.slotAt(ruleId, STATION, LocalDateTime.now(BookingFixtures.ZONE).minusDays(2).withHour(10).withMinute(0), 5);
        JsonNode pastErr = api.post("/api/booking/bookings", BookingFixtures.book(STATION, past, svc), bob).expect(400).body();
        assertThat(pastErr.path("code").asText()).isEqualTo("SLOT_PAST");
        assertThat(pastErr.path("message").asText()).contains("已经开始或已过去");
        // unknown slot, missing service
        assertThat(api.post("/api/booking/bookings", BookingFixtures.book(STATION, 987654321L, svc), bob).expect(404).code())
                .isEqualTo("SLOT_NOT_FOUND");
        assertThat(api.post("/api/booking/bookings", Map.of("slotId", slot), bob).expect(400).body().path("field").asText())
                .isEqualTo("serviceId");
        // not logged in
        assertThat(api.post("/api/booking/bookings", BookingFixtures.book(STATION, slot, svc)).expect(401).code())
                .isEqualTo("AUTH_TOKEN_MISSING");
        assertThat(fx.count("SELECT COUNT(*) FROM booking")).isEqualTo(before);
        assertThat(fx.count("SELECT COUNT(*) FROM notify_outbox")).isEqualTo(outboxBefore);
        assertThat(fx.booked(slot)).isZero();

        // cancel someone else's booking
        long id = api.post("/api/booking/bookings", BookingFixtures.book(STATION, slot, svc), bob).expect(201).body().path("id").asLong();
        assertThat(api.post("/api/booking/bookings/" + id + "/cancel", null, carol).expect(403).code()).isEqualTo("BOOKING_NOT_YOURS");
        assertThat(fx.booked(slot)).isEqualTo(1);

        // cancel after the cut-off (a rule whose cut-off is a week)
        JsonNode strict = fx.rule(STATION, 5, 7 * 24 * 60, true, List.of(svc));
        long strictSlot = fx.tomorrowSlot(strict.path("id").asLong());
        long sid = api.post("/api/booking/bookings", BookingFixtures.book(STATION, strictSlot, svc), bob).expect(201).body().path("id").asLong();
        JsonNode late = api.post("/api/booking/bookings/" + sid + "/cancel", null, bob).expect(409).body();
        assertThat(late.path("code").asText()).isEqualTo("CANCEL_TOO_LATE");
        assertThat(late.path("message").asText()).contains("取消截止");
        assertThat(fx.booked(strictSlot)).isEqualTo(1);
    }

    @Test
    void idempotencyKeyReturnsTheSameBooking() {
        long svc = fx.service(STATION, "老年公交充值-" + System.nanoTime() % 100000);
        long slot = fx.tomorrowSlot(fx.rule(STATION, 3, 60, true, List.of(svc)).path("id").asLong());
        String dave = api.login("booking-dave");
        Map<String, Object> req = BookingFixtures.book(STATION, slot, svc);
        req.put("idempotencyKey", "tap-123");
        long first = api.post("/api/booking/bookings", req, dave).expect(201).body().path("id").asLong();
        JsonNode again = api.post("/api/booking/bookings", req, dave).expect(200).body();
        assertThat(again.path("id").asLong()).isEqualTo(first);
        assertThat(fx.booked(slot)).isEqualTo(1);
        assertThat(fx.outbox(fx.userId(dave), "booking-confirmed")).hasSize(1);
    }

    @Test
    void fullSlotOffersTheWaitingListAndAFreedSeatGoesToTheFirstWaiter() {
        long svc = fx.service(STATION, "老年优待证-" + System.nanoTime() % 100000);
        long slot = fx.tomorrowSlot(fx.rule(STATION, 1, 60, true, List.of(svc)).path("id").asLong());
        String first = api.login("booking-w1");
        String second = api.login("booking-w2");
        String third = api.login("booking-w3");
        long firstBooking = api.post("/api/booking/bookings", BookingFixtures.book(STATION, slot, svc), first).expect(201)
                .body().path("id").asLong();
        JsonNode full = api.post("/api/booking/bookings", BookingFixtures.book(STATION, slot, svc), second).expect(409).body();
        assertThat(full.path("code").asText()).isEqualTo("SLOT_FULL");
        assertThat(api.get("/api/booking/stations/" + STATION + "/slots", second).body().path("days").findValues("slots").stream()
                .flatMap(a -> java.util.stream.StreamSupport.stream(a.spliterator(), false))
                .filter(s -> s.path("id").asLong() == slot).findFirst().orElseThrow().path("waitlistOpen").asBoolean()).isTrue();

        Map<String, Object> wait = BookingFixtures.book(STATION, slot, svc);
        wait.put("waitlist", true);
        JsonNode w2 = api.post("/api/booking/bookings", wait, second).expect(201).body();
        assertThat(w2.path("status").asText()).isEqualTo("WAITING");
        assertThat(w2.path("waitlistPosition").asInt()).isEqualTo(1);
        JsonNode w3 = api.post("/api/booking/bookings", wait, third).expect(201).body();
        assertThat(w3.path("waitlistPosition").asInt()).isEqualTo(2);

        api.post("/api/booking/bookings/" + firstBooking + "/cancel", null, first).expect(200);
        assertThat(fx.booked(slot)).isEqualTo(1);
        JsonNode promoted = api.get("/api/booking/bookings/mine", second).body().path("upcoming");
        assertThat(promoted).anySatisfy(x -> {
            assertThat(x.path("id").asLong()).isEqualTo(w2.path("id").asLong());
            assertThat(x.path("status").asText()).isEqualTo("CONFIRMED");
        });
        assertThat(fx.outbox(fx.userId(second), "booking-promoted")).hasSize(1)
                .allSatisfy(m -> assertThat((String) m.get("data_json")).contains("候补成功"));
        // the third is now first in line; leaving the waiting list frees nothing
        JsonNode mine3 = api.get("/api/booking/bookings/mine", third).body().path("upcoming").get(0);
        assertThat(mine3.path("waitlistPosition").asInt()).isEqualTo(1);
        api.post("/api/booking/bookings/" + w3.path("id").asLong() + "/cancel", null, third).expect(200);
        assertThat(fx.booked(slot)).isEqualTo(1);
    }

    @Test
    void staffCancelWithReasonWithinTheirCommunityAndMarkAttendance() {
        long svc = fx.service(STATION, "健康咨询-" + System.nanoTime() % 100000);
        long ruleId = fx.rule(STATION, 4, 60, true, List.of(svc)).path("id").asLong();
        long slot = fx.tomorrowSlot(ruleId);
        String erin = api.login("booking-erin");
        long erinId = fx.userId(erin);
        long id = api.post("/api/booking/bookings", BookingFixtures.book(STATION, slot, svc), erin).expect(201).body().path("id").asLong();

        String otherName = "bk-staff-other-" + System.nanoTime() % 100000;
        api.post("/api/staff/accounts", Map.of("username", otherName, "password", "secret-pass-1", "displayName", "王主任",
                "communityId", 6), fx.admin()).expect(201);
        String otherStaff = api.staffLogin(otherName, "secret-pass-1");
        assertThat(api.post("/api/staff/booking/bookings/" + id + "/cancel", Map.of("reason", "设备检修"), otherStaff).expect(403)
                .code()).isEqualTo("FORBIDDEN");
        String ownName = "bk-staff-own-" + System.nanoTime() % 100000;
        api.post("/api/staff/accounts", Map.of("username", ownName, "password", "secret-pass-1", "displayName", "刘主任",
                "communityId", 5), fx.admin()).expect(201);
        String ownStaff = api.staffLogin(ownName, "secret-pass-1");
        assertThat(api.post("/api/staff/booking/bookings/" + id + "/cancel", Map.of("reason", ""), ownStaff).expect(400)
                .body().path("field").asText()).isEqualTo("reason");
        JsonNode c = api.post("/api/staff/booking/bookings/" + id + "/cancel", Map.of("reason", "设备检修"), ownStaff).expect(200).body();
        assertThat(c.path("cancelledBy").asText()).isEqualTo("STAFF");
        assertThat(fx.booked(slot)).isZero();
        assertThat(fx.outbox(erinId, "booking-cancelled")).anySatisfy(m -> assertThat((String) m.get("data_json")).contains("设备检修"));
        assertThat(api.get("/api/staff/booking/slots/" + slot + "/bookings", ownStaff).expect(200).body().path("bookings").size()).isEqualTo(1);

        // attendance: not before the slot starts; after it, attended / no-show
        long b2 = api.post("/api/booking/bookings", BookingFixtures.book(STATION, slot, svc), erin).expect(201).body().path("id").asLong();
        assertThat(api.post("/api/staff/booking/bookings/" + b2 + "/attendance", Map.of("attended", true), ownStaff).expect(409).code())
                .isEqualTo("ATTENDANCE_TOO_EARLY");
        long past = fx.slotAt(ruleId, STATION, LocalDateTime.now(BookingFixtures.ZONE).minusDays(1).withHour(10).withMinute(0), 4);
        long pb = fx.bookingInto(past, STATION, erinId, svc);
        assertThat(api.post("/api/staff/booking/bookings/" + pb + "/attendance", Map.of("attended", false), ownStaff).expect(200)
                .body().path("status").asText()).isEqualTo("NO_SHOW");
        assertThat(api.get("/api/booking/bookings/mine", erin).body().path("past"))
                .anySatisfy(x -> assertThat(x.path("statusName").asText()).isEqualTo("未到场"));
    }

    @Test
    void repeatedNoShowsLimitBooking() {
        long svc = fx.service(STATION, "代办-" + System.nanoTime() % 100000);
        long ruleId = fx.rule(STATION, 9, 60, true, List.of(svc)).path("id").asLong();
        long slot = fx.tomorrowSlot(ruleId);
        String frank = api.login("booking-frank");
        long frankId = fx.userId(frank);
        String staff = fx.admin();
        for (int i = 1; i <= 3; i++) {
            long ruleI = fx.rule(STATION, 2, 60, true, List.of(svc)).path("id").asLong();
            long past = fx.slotAt(ruleI, STATION, LocalDateTime.now(BookingFixtures.ZONE).minusDays(i).withHour(10).withMinute(0), 2);
            long pb = fx.bookingInto(past, STATION, frankId, svc);
            api.post("/api/staff/booking/bookings/" + pb + "/attendance", Map.of("attended", false), staff).expect(200);
        }
        assertThat(api.post("/api/booking/bookings", BookingFixtures.book(STATION, slot, svc), frank).expect(403).code())
                .isEqualTo("BOOKING_RESTRICTED");
    }

    @Test
    void closureCancelsTheDaysBookingsAndStopsNewSlots() {
        long svc = fx.service(STATION, "闭站测试-" + System.nanoTime() % 100000);
        long ruleId = fx.rule(STATION, 3, 60, true, List.of(svc)).path("id").asLong();
        long slot = fx.tomorrowSlot(ruleId);
        String gina = api.login("booking-gina");
        long id = api.post("/api/booking/bookings", BookingFixtures.book(STATION, slot, svc), gina).expect(201).body().path("id").asLong();
        LocalDate tomorrow = LocalDate.now(BookingFixtures.ZONE).plusDays(1);
        JsonNode c = api.post("/api/staff/booking/closures", Map.of("stationId", STATION, "date", tomorrow.toString(), "reason", "停电检修"),
                fx.admin()).expect(201).body();
        assertThat(c.path("cancelledBookings").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(api.post("/api/booking/bookings", BookingFixtures.book(STATION, slot, svc), gina).expect(409).code())
                .isEqualTo("SLOT_CLOSED");
        JsonNode b = api.get("/api/booking/bookings/mine", gina).body().path("past");
        assertThat(b).anySatisfy(x -> {
            assertThat(x.path("id").asLong()).isEqualTo(id);
            assertThat(x.path("cancelReason").asText()).contains("停电检修");
        });
        assertThat(fx.outbox(fx.userId(gina), "booking-cancelled")).anySatisfy(m -> assertThat((String) m.get("data_json")).contains("停电检修"));
        // a new rule does not create a slot on the closed day
        long rule2 = fx.rule(STATION, 3, 60, true, List.of(svc)).path("id").asLong();
        assertThat(fx.count("SELECT COUNT(*) FROM booking_slot WHERE rule_id = ? AND slot_date = ?", rule2, tomorrow)).isZero();
        api.delete("/api/staff/booking/closures/" + c.path("id").asLong(), fx.admin()).expect(204);
        assertThat(fx.count("SELECT COUNT(*) FROM booking_slot WHERE id = ? AND status = 'OPEN'", slot)).isEqualTo(1);
    }

    @Test
    void reminderIsQueuedOnceForSlotsStartingWithinTheHour() {
        long svc = fx.service(STATION, "提醒测试-" + System.nanoTime() % 100000);
        long ruleId = fx.rule(STATION, 3, 0, true, List.of(svc)).path("id").asLong();
        LocalDateTime start = LocalDateTime.now(BookingFixtures.ZONE).plusMinutes(30).withSecond(0).withNano(0);
        jdbc.update("DELETE FROM booking_slot WHERE rule_id = ? AND slot_date = ?", ruleId, start.toLocalDate());
        long slot = fx.slotAt(ruleId, STATION, start, 3);
        String hank = api.login("booking-hank");
        api.post("/api/booking/bookings", BookingFixtures.book(STATION, slot, svc), hank).expect(201);
        reminders.sendDue();
        reminders.sendDue();
        List<Map<String, Object>> r = fx.outbox(fx.userId(hank), "booking-reminder");
        assertThat(r).hasSize(1);
        assertThat((String) r.get(0).get("dedup_key")).startsWith("booking-reminder:");
    }
}
