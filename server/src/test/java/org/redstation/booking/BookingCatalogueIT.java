package org.redstation.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redstation.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Rules and bookings name bookable catalogue services the station offers; a failing rule save leaves nothing. */
class BookingCatalogueIT extends IntegrationTest {
    private static final long STATION = 5;

    @Autowired
    JdbcTemplate jdbc;
    BookingFixtures fx;

    @BeforeEach
    void fixtures() {
        fx = new BookingFixtures(api, jdbc);
    }

    private static String unique(String name) {
        return name + "-" + System.nanoTime() % 100000;
    }

    private Map<String, Object> ruleBody(String name, int capacity, List<Long> services) {
        Map<String, Object> r = new HashMap<>();
        r.put("kind", "OTHER");
        r.put("name", name);
        r.put("weekdays", List.of(1, 2, 3, 4, 5, 6, 7));
        r.put("start", "15:00");
        r.put("end", "16:00");
        r.put("capacity", capacity);
        r.put("serviceIds", services);
        return r;
    }

    @Test
    void aRuleOnlyNamesBookableServicesTheStationOffers() {
        long bookable = fx.service(STATION, unique("可约"));
        long staffed = fx.catalogueService(unique("人工"), "STAFFED");
        fx.offer(STATION, staffed);
        long elsewhere = fx.catalogueService(unique("别处"), "BOOKABLE");
        String path = "/api/staff/booking/stations/" + STATION + "/rules";

        JsonNode notHere = api.post(path, ruleBody("规则", 3, List.of(bookable, elsewhere)), fx.admin()).expect(400).body();
        assertThat(notHere.path("code").asText()).isEqualTo("SERVICE_NOT_AT_STATION");
        assertThat(notHere.path("field").asText()).isEqualTo("serviceIds[1]");
        assertThat(api.post(path, ruleBody("规则", 3, List.of(staffed)), fx.admin()).expect(400).code())
                .isEqualTo("SERVICE_NOT_BOOKABLE");
        assertThat(api.post(path, ruleBody("规则", 3, List.of(987654321L)), fx.admin()).expect(400).code())
                .isEqualTo("SERVICE_NOT_FOUND");
        JsonNode ok = api.post(path, ruleBody("规则", 3, List.of(bookable)), fx.admin()).expect(201).body();
        assertThat(ok.path("services")).hasSize(1);
        assertThat(ok.path("services").get(0).path("id").asLong()).isEqualTo(bookable);
    }

    @Test
    void aRuleSaveThatFailsOnItsSecondServiceLeavesNothingBehind() {
        long first = fx.service(STATION, unique("第一项"));
        long second = fx.service(STATION, unique("第二项"));
        long notBookable = fx.catalogueService(unique("不可约"), "SELF_SERVICE");
        fx.offer(STATION, notBookable);
        String name = unique("原子");
        int rules = fx.count("SELECT COUNT(*) FROM booking_rule");
        int links = fx.count("SELECT COUNT(*) FROM booking_rule_service");
        int slots = fx.count("SELECT COUNT(*) FROM booking_slot");

        // the rule row and the first link are written before the second service is refused: all rolled back
        api.post("/api/staff/booking/stations/" + STATION + "/rules", ruleBody(name, 3, List.of(first, notBookable)), fx.admin())
                .expect(400);
        assertThat(fx.count("SELECT COUNT(*) FROM booking_rule")).isEqualTo(rules);
        assertThat(fx.count("SELECT COUNT(*) FROM booking_rule_service")).isEqualTo(links);
        assertThat(fx.count("SELECT COUNT(*) FROM booking_slot")).isEqualTo(slots);

        // an update failing the same way keeps the rule as it was, services included
        long ruleId = api.post("/api/staff/booking/stations/" + STATION + "/rules", ruleBody(name, 3, List.of(first)), fx.admin())
                .expect(201).body().path("id").asLong();
        api.put("/api/staff/booking/rules/" + ruleId, ruleBody(name + "改", 9, List.of(second, notBookable)), fx.admin()).expect(400);
        JsonNode kept = api.get("/api/staff/booking/stations/" + STATION + "/rules", fx.admin()).expect(200).body();
        JsonNode rule = null;
        for (JsonNode r : kept) {
            if (r.path("id").asLong() == ruleId) {
                rule = r;
            }
        }
        assertThat(rule).isNotNull();
        assertThat(rule.path("name").asText()).isEqualTo(name);
        assertThat(rule.path("capacity").asInt()).isEqualTo(3);
        assertThat(rule.path("services")).hasSize(1);
        assertThat(rule.path("services").get(0).path("id").asLong()).isEqualTo(first);
        assertThat(fx.count("SELECT COUNT(*) FROM booking_slot WHERE rule_id = ? AND capacity <> 3", ruleId)).isZero();
    }

    @Test
    void aServiceNoLongerBookableIsRefusedAtBooking() {
        String name = unique("将停约");
        long svc = fx.service(STATION, name);
        long slot = fx.tomorrowSlot(fx.rule(STATION, 3, 60, true, List.of(svc)).path("id").asLong());
        api.put("/api/staff/services/" + svc, Map.of("name", name, "category", "便民服务", "usageMode", "STAFFED"), fx.admin())
                .expect(200);
        String ivy = api.login("booking-ivy");
        JsonNode err = api.post("/api/booking/bookings", BookingFixtures.book(STATION, slot, svc), ivy).expect(400).body();
        assertThat(err.path("code").asText()).isEqualTo("SERVICE_NOT_BOOKABLE");
        assertThat(err.path("field").asText()).isEqualTo("serviceId");
        assertThat(fx.booked(slot)).isZero();
        // and the slot picker no longer lists it
        assertThat(api.get("/api/booking/slots/" + slot, ivy).expect(200).body().path("services")).isEmpty();
    }

    @Test
    void aResidentReadsOneOwnBookingAndOneSlotInTheShapeOfTheirLists() {
        long svc = fx.service(STATION, unique("单条"));
        long slot = fx.tomorrowSlot(fx.rule(STATION, 3, 60, true, List.of(svc)).path("id").asLong());
        String jack = api.login("booking-jack");
        String kate = api.login("booking-kate");
        long id = api.post("/api/booking/bookings", BookingFixtures.book(STATION, slot, svc), jack).expect(201).body().path("id").asLong();

        JsonNode one = api.get("/api/booking/bookings/" + id, jack).expect(200).body();
        JsonNode listed = null;
        for (JsonNode x : api.get("/api/booking/bookings/mine", jack).expect(200).body().path("upcoming")) {
            if (x.path("id").asLong() == id) {
                listed = x;
            }
        }
        assertThat(one).isEqualTo(listed);
        assertThat(one.path("statusName").asText()).isEqualTo("已预约");
        assertThat(api.get("/api/booking/bookings/" + id, kate).expect(404).code()).isEqualTo("BOOKING_NOT_FOUND");
        assertThat(api.get("/api/booking/bookings/" + id).expect(401).code()).isEqualTo("AUTH_TOKEN_MISSING");

        JsonNode slotOne = api.get("/api/booking/slots/" + slot, jack).expect(200).body();
        JsonNode slotListed = null;
        for (JsonNode d : api.get("/api/booking/stations/" + STATION + "/slots", jack).expect(200).body().path("days")) {
            for (JsonNode s : d.path("slots")) {
                if (s.path("id").asLong() == slot) {
                    slotListed = s;
                }
            }
        }
        assertThat(slotOne).isEqualTo(slotListed);
        assertThat(slotOne.path("myBookingId").asLong()).isEqualTo(id);
        assertThat(api.get("/api/booking/slots/" + slot).expect(200).body().has("myBookingId")).isFalse();
        assertThat(api.get("/api/booking/slots/987654321").expect(404).code()).isEqualTo("SLOT_NOT_FOUND");
    }
}
