package org.redstation.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Days and times against a fixed now: Wednesday 2025-11-26 10:00. */
class NluWhenParserTest {
    static final LocalDateTime WEDNESDAY = LocalDateTime.of(2025, 11, 26, 10, 0);
    static final LocalDate TODAY = WEDNESDAY.toLocalDate();

    private static When when(String text) {
        return WhenParser.parse(text, WEDNESDAY);
    }

    @Test
    void relativeDaysCountFromToday() {
        assertThat(when("今天").day()).isEqualTo(TODAY);
        assertThat(when("明天").day()).isEqualTo(TODAY.plusDays(1));
        assertThat(when("后天").day()).isEqualTo(TODAY.plusDays(2));
        assertThat(when("大后天").day()).isEqualTo(TODAY.plusDays(3));
    }

    @Test
    void tonightIsTodaysEvening() {
        When w = when("今晚");
        assertThat(w.day()).isEqualTo(TODAY);
        assertThat(w.start()).isEqualTo(LocalTime.of(18, 0));
        assertThat(w.end()).isEqualTo(LocalTime.of(22, 0));
    }

    @Test
    void aBareWeekdayIsItsNextOccurrenceTodayIncluded() {
        assertThat(when("周六").day()).isEqualTo(LocalDate.of(2025, 11, 29));
        assertThat(when("星期三").day()).isEqualTo(TODAY);
        assertThat(when("周一").day()).isEqualTo(LocalDate.of(2025, 12, 1));
        assertThat(when("周日").day()).isEqualTo(LocalDate.of(2025, 11, 30));
    }

    @Test
    void thisAndNextWeekNameTheirWeek() {
        assertThat(when("下周一").day()).isEqualTo(LocalDate.of(2025, 12, 1));
        assertThat(when("下个星期三").day()).isEqualTo(LocalDate.of(2025, 12, 3));
        assertThat(when("这周一").day()).isEqualTo(LocalDate.of(2025, 11, 24));
        assertThat(when("下下周五").day()).isEqualTo(LocalDate.of(2025, 12, 12));
    }

    @Test
    void theWeekendIsSaturdayToSunday() {
        When w = when("这周末");
        assertThat(w.from()).isEqualTo(LocalDate.of(2025, 11, 29));
        assertThat(w.to()).isEqualTo(LocalDate.of(2025, 11, 30));
        assertThat(when("下周末").from()).isEqualTo(LocalDate.of(2025, 12, 6));
    }

    @Test
    void monthAndDayInDigitsOrChineseNumerals() {
        assertThat(when("12月3号").day()).isEqualTo(LocalDate.of(2025, 12, 3));
        assertThat(when("12月3日").day()).isEqualTo(LocalDate.of(2025, 12, 3));
        assertThat(when("十二月三号").day()).isEqualTo(LocalDate.of(2025, 12, 3));
        assertThat(when("1月5号").day()).isEqualTo(LocalDate.of(2026, 1, 5));
    }

    @Test
    void aBareDayOfMonthIsThisMonthOrElseNext() {
        assertThat(when("28号").day()).isEqualTo(LocalDate.of(2025, 11, 28));
        assertThat(when("3号").day()).isEqualTo(LocalDate.of(2025, 12, 3));
        assertThat(when("3号楼漏水")).isNull();
    }

    @Test
    void partsOfTheDay() {
        assertThat(when("上午").start()).isEqualTo(LocalTime.of(8, 0));
        assertThat(when("中午").start()).isEqualTo(LocalTime.of(11, 30));
        assertThat(when("下午").start()).isEqualTo(LocalTime.of(14, 0));
        assertThat(when("晚上").end()).isEqualTo(LocalTime.of(22, 0));
        assertThat(when("晚上").hasDate()).isFalse();
    }

    @Test
    void clockTimesWithThePartOfTheDay() {
        assertThat(when("18点").start()).isEqualTo(LocalTime.of(18, 0));
        assertThat(when("晚上七点").start()).isEqualTo(LocalTime.of(19, 0));
        assertThat(when("下午三点半").start()).isEqualTo(LocalTime.of(15, 30));
        assertThat(when("上午十点").start()).isEqualTo(LocalTime.of(10, 0));
        assertThat(when("中午一点").start()).isEqualTo(LocalTime.of(13, 0));
        assertThat(when("3点").start()).as("stations are not open at 3 a.m.").isEqualTo(LocalTime.of(15, 0));
        assertThat(when("18点30").start()).isEqualTo(LocalTime.of(18, 30));
    }

    @Test
    void aRangeOfHours() {
        When w = when("明天18点到19点");
        assertThat(w.day()).isEqualTo(TODAY.plusDays(1));
        assertThat(w.start()).isEqualTo(LocalTime.of(18, 0));
        assertThat(w.end()).isEqualTo(LocalTime.of(19, 0));
    }

    @Test
    void nowIsTodayAtThisMinute() {
        When w = when("现在还开着吗");
        assertThat(w.now()).isTrue();
        assertThat(w.day()).isEqualTo(TODAY);
        assertThat(w.start()).isEqualTo(LocalTime.of(10, 0));
    }

    @Test
    void wordsThatAreNotTimesAreNotTimes() {
        assertThat(when("快一点")).isNull();
        assertThat(when("四点半课堂")).isNull();
        assertThat(when("早上好")).isNull();
        assertThat(when("几点开门")).isNull();
        assertThat(when("13月40号")).isNull();
    }
}
