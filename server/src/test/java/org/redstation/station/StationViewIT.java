package org.redstation.station;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redstation.support.Api;
import org.redstation.support.IntegrationTest;

/** Resident side: station view by scene and id, nearby, search and every bad-input case (real DB, Redis). */
class StationViewIT extends IntegrationTest {

    @Test
    void scanOpensChunyuanWithItsTwentyOneServicesGroupedByCategory() {
        JsonNode v = api.get("/api/stations/scan?scene=st%3DCY01").expect(200).body();
        assertThat(v.path("station").path("code").asText()).isEqualTo("CY01");
        assertThat(v.path("station").path("name").asText()).isEqualTo("春园社区红色驿站");
        assertThat(v.path("station").path("communityName").asText()).isEqualTo("春园社区");
        assertThat(v.path("station").path("streetName").asText()).isEqualTo("紫贞街道");
        assertThat(v.path("station").path("buildTypeName").asText()).isEqualTo("改建");
        assertThat(v.path("serviceCount").asInt()).isEqualTo(21);
        int inGroups = 0;
        List<String> categories = new ArrayList<>();
        for (JsonNode g : v.path("serviceGroups")) {
            categories.add(g.path("category").asText());
            inGroups += g.path("services").size();
        }
        assertThat(inGroups).isEqualTo(21);
        assertThat(categories).contains("便民服务", "事务代办", "延时服务").doesNotHaveDuplicates();
        assertThat(v.path("bookable").asBoolean()).isTrue();
        assertThat(v.path("notice").asText()).contains("晚间一小时");
        assertThat(v.path("schedule")).hasSize(7);
        assertThat(v.path("schedule").get(0).path("windows").toString()).contains("EVENING_EXTRA", "晚间一小时");
        assertThat(v.path("schedule").get(5).path("windows").toString()).contains("RED_WEEKEND");
        assertThat(v.has("openNow")).isTrue();
        assertThat(v.path("todayText").asText()).isNotBlank();
        assertThat(v.path("today").path("dayOfWeek").asInt()).isBetween(1, 7);
        assertThat(v.path("onDuty").isArray()).isTrue();
        // whoever the duty module has checked in here is shown with a masked name only
        for (JsonNode person : v.path("onDuty")) {
            assertThat(person.path("maskedName").asText()).matches(".\\*{1,2}");
        }
        assertThat(v.path("nextSlots").isArray()).isTrue();

        // the same station by id, without a token (public), and a scene that arrives already decoded
        long id = v.path("station").path("id").asLong();
        assertThat(api.get("/api/stations/" + id).expect(200).body().path("station").path("code").asText()).isEqualTo("CY01");
        assertThat(api.get("/api/stations/scan?scene=st=cy01").expect(200).body().path("station").path("id").asLong()).isEqualTo(id);
        // a double-encoded scene still works
        assertThat(api.get("/api/stations/scan?scene=st%253DCY01").expect(200).body().path("station").path("id").asLong()).isEqualTo(id);
    }

    @Test
    void everyDemoStationOpensByItsScene() {
        for (String code : List.of("DSQ01", "CYG01", "CY01", "YL01", "ZC01", "GZ01", "XW01", "CCH01", "WYH01", "DF01", "CC01", "DFS01")) {
            JsonNode v = api.get("/api/stations/scan?scene=st%3D" + code).expect(200).body();
            assertThat(v.path("serviceCount").asInt()).as(code).isGreaterThanOrEqualTo(4);
        }
        assertThat(api.get("/api/stations/scan?scene=st%3DXW01").body().toString()).contains("复称");
    }

    @Test
    void unknownStationIs404WithAChineseMessage() {
        Api.Resp r = api.get("/api/stations/scan?scene=st%3DNOPE99").expect(404);
        assertThat(r.code()).isEqualTo("STATION_NOT_FOUND");
        assertThat(r.body().path("message").asText()).isEqualTo("没有找到这个驿站，请确认二维码是否正确");
        assertThat(api.get("/api/stations/987654").expect(404).code()).isEqualTo("STATION_NOT_FOUND");
    }

    @Test
    void malformedScenesAre400NamingTheField() {
        for (String bad : List.of("", "CY01", "st%3D", "id%3DCY01", "st%3DCY-01", "st%3D" + "A".repeat(40), "%E4%BD%A0", "st%3DCY01%26x%3D1")) {
            Api.Resp r = api.get("/api/stations/scan?scene=" + bad).expect(400);
            assertThat(r.body().path("field").asText()).as(bad).isEqualTo("scene");
            assertThat(r.body().path("message").asText()).as(bad).isNotBlank();
        }
        assertThat(api.get("/api/stations/scan").expect(400).body().path("field").asText()).isEqualTo("scene");
        assertThat(api.get("/api/stations/abc").expect(400).body().path("field").asText()).isEqualTo("id");
    }

    @Test
    void nearbyIsSortedByDistanceWithMetresAndFiltersByService() {
        // standing at the Chunyuan station
        JsonNode list = api.get("/api/stations/nearby?lat=32.07812&lng=112.14321").expect(200).body();
        assertThat(list.size()).isBetween(2, 10);
        // 园林社区 is the next demo station (other tests make stations of their own, some close by: demo codes only)
        List<String> demo = new java.util.ArrayList<>();
        list.forEach(s -> {
            if (s.path("code").asText().matches("[A-Z]{2}\\d{2}")) {
                demo.add(s.path("code").asText());
            }
        });
        assertThat(demo.get(0)).isEqualTo("CY01");
        assertThat(list.get(0).path("distanceMeters").asInt()).isLessThan(5);
        assertThat(demo.get(1)).isEqualTo("YL01");
        int last = -1;
        for (JsonNode s : list) {
            int d = s.path("distanceMeters").asInt();
            assertThat(d).isGreaterThanOrEqualTo(last);
            last = d;
            assertThat(s.has("openNow")).isTrue();
        }
        // 复称 (service 22) is only at the Xiewa market
        JsonNode reweigh = api.get("/api/stations/nearby?lat=32.07812&lng=112.14321&serviceId=22").expect(200).body();
        assertThat(reweigh).hasSize(1);
        assertThat(reweigh.get(0).path("code").asText()).isEqualTo("XW01");
        assertThat(reweigh.get(0).path("distanceMeters").asInt()).isBetween(8000, 12000);
        assertThat(api.get("/api/stations/nearby?lat=32.07&lng=112.14&limit=3").expect(200).body()).hasSize(3);
    }

    @Test
    void nearbyRejectsBadCoordinatesNamingTheField() {
        Map<String, String> cases = Map.of(
                "lat=91&lng=112", "lat", "lat=-90.5&lng=112", "lat", "lat=32&lng=180.01", "lng",
                "lat=abc&lng=112", "lat", "lat=32&lng=", "lng", "lng=112", "lat", "lat=32&lng=NaN", "lng",
                "lat=32&lng=112&limit=0", "limit");
        cases.forEach((q, field) -> {
            Api.Resp r = api.get("/api/stations/nearby?" + q).expect(400);
            assertThat(r.body().path("field").asText()).as(q).isEqualTo(field);
            assertThat(r.code()).isEqualTo("VALIDATION_FAILED");
        });
    }

    @Test
    void searchFindsStationsAndServices() {
        JsonNode r = api.get("/api/stations/search?q=" + enc("春园")).expect(200).body();
        assertThat(r.path("stations").get(0).path("code").asText()).isEqualTo("CY01");

        JsonNode s = api.get("/api/stations/search?q=" + enc("复称")).expect(200).body();
        assertThat(s.path("services")).hasSize(1);
        assertThat(s.path("services").get(0).path("name").asText()).isEqualTo("复称");
        assertThat(s.path("services").get(0).path("stations").get(0).path("code").asText()).isEqualTo("XW01");
        assertThat(s.path("stations").get(0).path("code").asText()).isEqualTo("XW01");

        JsonNode legal = api.get("/api/stations/search?q=" + enc("法律")).expect(200).body();
        assertThat(legal.path("services").toString()).contains("法律援助");

        assertThat(api.get("/api/stations/search?q=" + enc("没有这种东西")).expect(200).body().path("stations")).isEmpty();
        assertThat(api.get("/api/stations/search?q=%25").expect(200).body().path("stations")).isEmpty(); // % is literal
        assertThat(api.get("/api/stations/search?q=%20").expect(400).body().path("field").asText()).isEqualTo("q");
        assertThat(api.get("/api/stations/search?q=" + "x".repeat(33)).expect(400).body().path("field").asText()).isEqualTo("q");
    }

    static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

}
