package org.redstation.wish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.redstation.wish.WishFixtures.assertError;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.Test;
import org.redstation.support.Api;
import org.redstation.support.IntegrationTest;

/**
 * The figures API and the monthly 民情 report against the demo data of 东风社区 (sql/demo/R__demo_50_wish.sql for needs
 * and volunteers, R__demo_60_figures.sql for members, resource lists, duty and bookings).
 */
class WishFiguresIT extends IntegrationTest {
    private static final long DONGFENG = 12;

    private static JsonNode community(JsonNode figures, long id) {
        for (JsonNode street : figures.path("streets")) {
            for (JsonNode c : street.path("communities")) {
                if (c.path("communityId").asLong() == id) {
                    return c;
                }
            }
        }
        throw new AssertionError("community " + id + " not in " + figures);
    }

    @Test
    void districtFiguresCountTheDemoDataOfDongfengCommunity() {
        String admin = api.adminLogin();
        JsonNode all = api.get("/api/staff/figures", admin).expect(200).body();
        JsonNode c = community(all, DONGFENG);
        assertThat(c.path("communityName").asText()).isEqualTo("东风社区");
        JsonNode f = c.path("figures");
        assertThat(f.path("needsCollected").asLong()).as("merged duplicate not counted").isEqualTo(7);
        assertThat(f.path("needsCompleted").asLong()).isEqualTo(3);
        assertThat(f.path("needsOpen").asLong()).isEqualTo(3);
        assertThat(f.path("needsCancelled").asLong()).isEqualTo(1);
        assertThat(f.path("avgCompletionHours").asDouble()).isEqualTo(44.0);   // (48 + 24 + 60) / 3
        assertThat(f.path("avgRating").asDouble()).isEqualTo(4.0);             // 5 and 3
        assertThat(f.path("satisfactionRate").asDouble()).isEqualTo(0.5);      // one of two rated 4 or more
        assertThat(f.path("projects").asLong()).isEqualTo(1);
        assertThat(f.path("projectsCompleted").asLong()).isZero();
        assertThat(f.path("teams").asLong()).isEqualTo(2);
        assertThat(f.path("volunteers").asLong()).as("吴医生 in two teams counts once").isEqualTo(3);
        assertThat(f.path("activities").asLong()).isEqualTo(2);
        assertThat(f.path("signups").asLong()).isEqualTo(3);
        assertThat(f.path("attendance").asLong()).isEqualTo(2);
        assertThat(f.path("volunteerHours").asDouble()).isEqualTo(3.5);
        // beside them: duty's and booking's figures of the same community
        assertThat(f.path("resourceItems").asLong()).as("the waiting applicant's item not counted").isEqualTo(3);
        assertThat(f.path("membersReported").asLong()).isEqualTo(2);
        assertThat(f.path("applicationsWaiting").asLong()).isEqualTo(1);
        assertThat(f.path("bookings").asLong()).as("the cancelled one not counted").isEqualTo(3);
        assertThat(f.path("bookingsAttended").asLong()).isEqualTo(2);
        assertThat(f.path("bookingsNoShow").asLong()).isEqualTo(1);
        assertThat(f.path("bookingAttendanceRate").asDouble()).isEqualTo(66.7);
        assertThat(f.path("dutyHours").asDouble()).isEqualTo(1.75);              // 60 + 45 minutes
        assertThat(f.path("serviceHours").asDouble()).isEqualTo(5.25);           // duty 1.75 + volunteers 3.5
        for (String key : List.of("needsCollected", "needsCompleted", "needsOpen", "needsCancelled", "avgCompletionHours",
                "avgRating", "satisfactionRate", "projects", "teams", "volunteers", "activities", "signups", "attendance",
                "volunteerHours", "resourceItems", "membersReported", "bookings", "bookingsAttended", "dutyHours", "serviceHours")) {
            assertThat(f.path(key).asDouble()).as("demo figure " + key).isPositive();
        }
        // every state of the machine appears in the demo data of 东风社区
        for (WishState state : WishState.values()) {
            assertThat(api.get("/api/staff/wishes?communityId=" + DONGFENG + "&state=" + state, admin).expect(200).body().size())
                    .as(state.name()).isPositive();
        }

        // the street 东风街道 sums its communities; the district at least holds them
        JsonNode street = null;
        for (JsonNode s : all.path("streets")) {
            if (s.path("streetName").asText().equals("东风街道")) {
                street = s;
            }
        }
        assertThat(street).isNotNull();
        assertThat(street.path("figures").path("needsCollected").asLong()).isGreaterThanOrEqualTo(7);
        assertThat(street.path("figures").path("membersReported").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(street.path("figures").path("serviceHours").asDouble()).isGreaterThanOrEqualTo(5.25);
        assertThat(all.path("district").path("needsCollected").asLong()).isGreaterThanOrEqualTo(9);
        assertThat(all.path("district").path("bookings").asLong()).isGreaterThanOrEqualTo(3);
        // one community only
        JsonNode only = api.get("/api/staff/figures?communityId=" + DONGFENG, admin).expect(200).body();
        assertThat(only.path("streets").findValuesAsText("communityId")).containsExactly(String.valueOf(DONGFENG));
        assertThat(only.path("district").path("membersReported").asLong()).isEqualTo(2);

        // a date range: October 2025 only
        JsonNode oct = community(api.get("/api/staff/figures?from=2025-10-01&to=2025-10-31", admin).expect(200).body(), DONGFENG);
        assertThat(oct.path("figures").path("needsCollected").asLong()).isEqualTo(6);
        assertThat(oct.path("figures").path("volunteerHours").asDouble()).isEqualTo(2.0);
        assertThat(oct.path("figures").path("bookings").asLong()).isEqualTo(3);
        assertThat(oct.path("figures").path("dutyHours").asDouble()).isEqualTo(1.75);
        assertThat(oct.path("figures").path("serviceHours").asDouble()).isEqualTo(3.75);
        JsonNode sep = community(api.get("/api/staff/figures?from=2025-09-01&to=2025-09-30", admin).expect(200).body(), DONGFENG);
        assertThat(sep.path("figures").path("bookings").asLong()).isZero();
        assertThat(sep.path("figures").path("dutyHours").asDouble()).isZero();
        assertThat(sep.path("figures").path("membersReported").asLong()).as("members and resources are counted now").isEqualTo(2);
    }

    @Test
    void monthByMonthFiguresOfOneCommunity() {
        String admin = api.adminLogin();
        JsonNode months = api.get("/api/staff/figures/monthly?from=2025-09&to=2025-11&communityId=12", admin).expect(200).body();
        assertThat(months.findValuesAsText("month")).containsExactly("2025-09", "2025-10", "2025-11");
        JsonNode sep = months.get(0);
        JsonNode oct = months.get(1);
        JsonNode nov = months.get(2);
        assertThat(sep.path("needsCollected").asLong()).isZero();
        assertThat(oct.path("needsCollected").asLong()).isEqualTo(6);
        assertThat(oct.path("needsCompleted").asLong()).isEqualTo(2);
        assertThat(oct.path("avgCompletionHours").asDouble()).isEqualTo(36.0);
        assertThat(oct.path("avgRating").asDouble()).isEqualTo(5.0);
        assertThat(oct.path("volunteerHours").asDouble()).isEqualTo(2.0);
        assertThat(oct.path("bookings").asLong()).isEqualTo(3);
        assertThat(oct.path("bookingsAttended").asLong()).isEqualTo(2);
        assertThat(oct.path("bookingsNoShow").asLong()).isEqualTo(1);
        assertThat(oct.path("dutyHours").asDouble()).isEqualTo(1.75);
        assertThat(oct.path("serviceHours").asDouble()).isEqualTo(3.75);
        assertThat(nov.path("needsCollected").asLong()).isEqualTo(1);
        assertThat(nov.path("needsCompleted").asLong()).isEqualTo(1);
        assertThat(nov.path("avgCompletionHours").asDouble()).isEqualTo(60.0);
        assertThat(nov.path("volunteerHours").asDouble()).isEqualTo(1.5);
        assertThat(nov.path("bookings").asLong()).isZero();
        assertThat(nov.path("serviceHours").asDouble()).isEqualTo(1.5);
        assertError(api.get("/api/staff/figures/monthly?from=2025-11&to=2025-09", admin), 400, "VALIDATION_FAILED");
    }

    @Test
    void monthlyReportIsAnXlsxWithCategoriesAndEveryItemAndOnlyForTheCommunitysStaff() throws Exception {
        String admin = api.adminLogin();
        Api.Resp r = api.get("/api/staff/figures/report?communityId=12&month=2025-10", admin).expect(200);
        assertThat(r.header("Content-Type")).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(r.header("Content-Disposition")).contains("attachment").contains(".xlsx");
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(r.raw()))) {
            List<Sheet> sheets = wb.getSheets().toList();
            assertThat(sheets).extracting(Sheet::getName).containsExactly("民情概况", "需求明细");
            List<Row> summary = sheets.get(0).read();
            assertThat(summary.get(0).getCellText(0)).contains("东风社区").contains("2025年10月");
            assertThat(summary.get(1).getCellText(1)).isEqualTo("6");
            assertThat(summary.get(2).getCellText(1)).isEqualTo("2");
            List<String> categories = summary.stream().dropWhile(x -> !"类别".equals(x.getCellText(0))).skip(1).map(x -> x.getCellText(0)).collect(Collectors.toList());
            assertThat(categories).containsExactlyInAnyOrder("法律咨询", "医疗健康", "矛盾调解", "文体活动");
            List<Row> items = sheets.get(1).read();
            assertThat(items).hasSize(7); // header + 6 items (the merged duplicate is left out)
            assertThat(items.stream().skip(1).map(x -> x.getCellText(4)).toList()).contains("已办结", "待评价", "办理中", "待接单", "待派单", "已撤回");
        }
        String yuanlin = WishFixtures.communityStaff(api, admin, 4);
        assertError(api.get("/api/staff/figures/report?communityId=12&month=2025-10", yuanlin), 403, "FORBIDDEN");
        // community staff see their own community only in the figures
        JsonNode own = api.get("/api/staff/figures", yuanlin).expect(200).body();
        assertThat(own.path("streets").findValuesAsText("communityId")).containsExactly("4");
    }
}
