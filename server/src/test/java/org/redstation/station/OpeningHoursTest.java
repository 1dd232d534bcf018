package org.redstation.station;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redstation.common.SlotKind;
import org.redstation.station.StationModel.Day;

/** Schedule building, open now and today's text, without a database. */
class OpeningHoursTest {
    // 2026-03-02 is a Monday
    private static final LocalDateTime MONDAY_NINE = LocalDateTime.of(2026, 3, 2, 9, 0);

    private static StationHours row(int day, String open, String close, SlotKind kind) {
        return new StationHours(null, 1L, day, LocalTime.parse(open), LocalTime.parse(close), kind);
    }

    private static final List<Day> WEEK = OpeningHours.schedule(List.of(
            row(1, "18:00", "19:00", SlotKind.EVENING_EXTRA), row(1, "08:30", "12:00", SlotKind.REGULAR),
            row(6, "09:00", "11:30", SlotKind.RED_WEEKEND)));

    @Test
    void theScheduleHasSevenNamedDaysWithWindowsInTimeOrder() {
        assertThat(WEEK).hasSize(7);
        assertThat(WEEK.get(0).dayName()).isEqualTo("周一");
        assertThat(WEEK.get(6).dayName()).isEqualTo("周日");
        assertThat(WEEK.get(0).windows()).extracting(StationModel.Window::start).containsExactly("08:30", "18:00");
        assertThat(WEEK.get(0).windows().get(1).kindName()).isEqualTo("晚间一小时");
        assertThat(WEEK.get(5).windows().get(0).kindName()).isEqualTo("红色周末");
        assertThat(WEEK.get(1).windows()).isEmpty();
    }

    @Test
    void anOpenStationIsOpenInsideAWindowOnly() {
        Day monday = OpeningHours.today(WEEK, MONDAY_NINE);
        assertThat(OpeningHours.openNow(StationStatus.OPEN, monday, MONDAY_NINE)).isTrue();
        assertThat(OpeningHours.openNow(StationStatus.OPEN, monday, MONDAY_NINE.withHour(12))).isFalse(); // end is exclusive
        assertThat(OpeningHours.openNow(StationStatus.OPEN, monday, MONDAY_NINE.withHour(18).withMinute(30))).isTrue();
    }

    @Test
    void aPausedOrClosedStationIsNeverOpenNow() {
        Day monday = OpeningHours.today(WEEK, MONDAY_NINE);
        assertThat(OpeningHours.openNow(StationStatus.PAUSED, monday, MONDAY_NINE)).isFalse();
        assertThat(OpeningHours.openNow(StationStatus.CLOSED, monday, MONDAY_NINE)).isFalse();
    }

    @Test
    void todayTextNamesTheExtraKindsAndThePause() {
        Day monday = OpeningHours.today(WEEK, MONDAY_NINE);
        assertThat(OpeningHours.todayText(StationStatus.OPEN, monday)).isEqualTo("今天 08:30-12:00、18:00-19:00（晚间一小时）");
        assertThat(OpeningHours.todayText(StationStatus.PAUSED, monday)).isEqualTo("今天暂停服务");
        assertThat(OpeningHours.todayText(StationStatus.CLOSED, monday)).isEqualTo("已关闭");
        assertThat(OpeningHours.todayText(StationStatus.OPEN, OpeningHours.today(WEEK, MONDAY_NINE.plusDays(1))))
                .isEqualTo("今天不开放");
    }

    @Test
    void aStationWithoutHoursHasSevenEmptyDays() {
        assertThat(OpeningHours.schedule(List.of())).hasSize(7).allMatch(d -> d.windows().isEmpty());
    }
}
