package org.redstation.station;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.redstation.common.SlotKind;
import org.redstation.support.IntegrationTest;
import org.redstation.support.StatementCounter;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Station search, nearby (with and without a service) and the staff station lists run the same number of SQL
 * statements with two stations as with a hundred more. The stations lie in a street and community of their own,
 * far from the demo stations (around Wuhan), so the other tests' lists do not change.
 */
class StationStatementCountIT extends IntegrationTest {
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(StationStatementCountIT.class);
    private static final double LAT = 30.5928;
    private static final double LNG = 114.3055;

    @Autowired
    StreetMapper streets;
    @Autowired
    CommunityMapper communities;
    @Autowired
    StationMapper stations;
    @Autowired
    StationHoursMapper hours;
    @Autowired
    StationOfferMapper offers;

    private record Measured(long statements, int rows) {
    }

    @Test
    void searchNearbyAndStaffListsRunTheSameStatementsForTwoAndAHundredMoreStations() {
        String tag = "Q" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36).toUpperCase();
        Street street = new Street();
        street.setName("计数街道" + tag);
        street.setKind("STREET");
        streets.insert(street);
        Community community = new Community();
        community.setStreetId(street.getId());
        community.setName("计数社区" + tag);
        communities.insert(community);

        String admin = api.adminLogin();
        String user = "count-" + tag.toLowerCase();
        api.post("/api/staff/accounts", Map.of("username", user, "password", "secret-pass-1", "displayName", "计数员",
                "communityId", community.getId()), admin).expect(201);
        String staff = api.staffLogin(user, "secret-pass-1");
        long serviceId = api.post("/api/staff/services", Map.of("name", "计数服务" + tag, "category", "便民服务",
                "usageMode", "STAFFED"), admin).expect(201).body().path("id").asLong();

        Map<String, Supplier<JsonNode>> calls = new LinkedHashMap<>();
        calls.put("nearby", () -> api.get("/api/stations/nearby?lat=" + LAT + "&lng=" + LNG).expect(200).body());
        calls.put("nearby with service", () -> api.get("/api/stations/nearby?lat=" + LAT + "&lng=" + LNG + "&serviceId="
                + serviceId + "&limit=50").expect(200).body());
        calls.put("search", () -> api.get("/api/stations/search?q=" + tag).expect(200).body().path("stations"));
        calls.put("staff list (district)", () -> api.get("/api/staff/stations", admin).expect(200).body());
        calls.put("staff list (one community)", () -> api.get("/api/staff/stations?communityId=" + community.getId(), admin)
                .expect(200).body());
        calls.put("staff list (community staff)", () -> api.get("/api/staff/stations", staff).expect(200).body());

        addStations(tag, community.getId(), serviceId, 0, 2);
        calls.values().forEach(Supplier::get); // warm up: first requests may load lazily
        Map<String, Measured> few = measure(calls);
        addStations(tag, community.getId(), serviceId, 2, 100);
        Map<String, Measured> many = measure(calls);

        few.forEach((name, before) -> {
            Measured after = many.get(name);
            log.info("{}: {} statements for {} rows, {} for {} rows", name, before.statements(), before.rows(),
                    after.statements(), after.rows());
            assertThat(after.statements()).as(name + " statements (few: " + before + ", many: " + after + ")")
                    .isPositive().isLessThanOrEqualTo(before.statements());
        });
        // the lists did grow: the counts above are of the bigger answers
        assertThat(few.get("staff list (community staff)").rows()).isEqualTo(2);
        assertThat(many.get("staff list (community staff)").rows()).isEqualTo(102);
        assertThat(many.get("staff list (one community)").rows()).isEqualTo(102);
        assertThat(many.get("staff list (district)").rows()).isEqualTo(few.get("staff list (district)").rows() + 100);
        assertThat(few.get("nearby with service").rows()).isEqualTo(2);
        assertThat(many.get("nearby with service").rows()).isEqualTo(50);
        assertThat(many.get("search").rows()).isEqualTo(102); // 20 by name, all 102 through the service
        assertThat(many.get("nearby").rows()).isEqualTo(10);
    }

    private static Map<String, Measured> measure(Map<String, Supplier<JsonNode>> calls) {
        Map<String, Measured> out = new LinkedHashMap<>();
        calls.forEach((name, call) -> {
            StatementCounter.Counted<JsonNode> c = StatementCounter.count(call);
            out.put(name, new Measured(c.statements(), c.value().size()));
        });
        return out;
    }

    /** Stations in the community, each open every day and offering the service, through the mappers. */
    private void addStations(String tag, long communityId, long serviceId, int from, int count) {
        LocalDateTime now = LocalDateTime.now();
        for (int i = from; i < from + count; i++) {
            Station s = new Station();
            s.setCode(tag + i);
            s.setCommunityId(communityId);
            s.setName("计数驿站" + tag + "-" + i);
            s.setAddress("测试路" + i + "号");
            s.setLatitude(LAT + (i % 10) * 0.002);
            s.setLongitude(LNG + (i / 10) * 0.002);
            s.setBuildType(BuildType.NEW);
            s.setStatus(StationStatus.OPEN);
            s.setCreatedAt(now);
            s.setUpdatedAt(now);
            stations.insert(s);
            List<StationHours> week = new ArrayList<>();
            for (int d = 1; d <= 7; d++) {
                week.add(new StationHours(null, s.getId(), d, LocalTime.of(8, 0), LocalTime.of(18, 0), SlotKind.REGULAR));
            }
            hours.insertAll(week);
            offers.insertAll(List.of(new StationOffer(s.getId(), serviceId, 1, null, null)));
        }
    }

}
