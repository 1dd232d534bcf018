package org.redstation.booking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.redstation.booking.BookingStore.Booking;
import org.redstation.booking.BookingStore.Slot;
import org.redstation.common.SlotKind;

/** The rules that live on the booking types, without a database. */
class BookingStatusTest {
    private static final LocalDateTime START = LocalDateTime.of(2030, 1, 7, 18, 0);
    private static final Duration CUTOFF = Duration.ofMinutes(60);

    @Test
    void labelsAreTheOnesResidentsSee() {
        assertThat(Arrays.stream(BookingStatus.values()).map(BookingStatus::label))
                .containsExactly("已预约", "候补中", "已取消", "已到场", "未到场");
        assertThat(CancelledBy.RESIDENT.label()).isEqualTo("本人取消");
    }

    @Test
    void onlyConfirmedAndWaitingBookingsAreActive() {
        assertThat(Arrays.stream(BookingStatus.values()).filter(BookingStatus::isActive))
                .containsExactly(BookingStatus.CONFIRMED, BookingStatus.WAITING);
    }

    @Test
    void aSeatMayBeCancelledUntilTheCutOffAndAWaitingPlaceAnyTime() {
        assertThat(BookingStatus.CONFIRMED.cancellableBy(START.minusMinutes(61), START, CUTOFF)).isTrue();
        assertThat(BookingStatus.CONFIRMED.cancellableBy(START.minusMinutes(60), START, CUTOFF)).isTrue();
        assertThat(BookingStatus.CONFIRMED.cancellableBy(START.minusMinutes(59), START, CUTOFF)).isFalse();
        assertThat(BookingStatus.WAITING.cancellableBy(START.plusHours(1), START, CUTOFF)).isTrue();
        assertThat(BookingStatus.CANCELLED.cancellableBy(START.minusDays(1), START, CUTOFF)).isFalse();
        assertThat(BookingStatus.ATTENDED.cancellableBy(START.minusDays(1), START, CUTOFF)).isFalse();
    }

    @Test
    void attendanceIsRecordedForSeatsOnly() {
        assertThat(Arrays.stream(BookingStatus.values()).filter(BookingStatus::attendanceCanBeRecorded))
                .containsExactly(BookingStatus.CONFIRMED, BookingStatus.ATTENDED, BookingStatus.NO_SHOW);
    }

    @Test
    void aBookingAsksItsSlotForTheDeadline() {
        Slot slot = new Slot().date(START.toLocalDate()).start(LocalTime.of(18, 0)).end(LocalTime.of(19, 0))
                .cancelCutoffMinutes(60).kind(SlotKind.EVENING_EXTRA).name("x").capacity(2).booked(2).waitlistEnabled(true)
                .status(SlotStatus.OPEN);
        Booking b = new Booking().status(BookingStatus.CONFIRMED);
        assertThat(b.active()).isTrue();
        assertThat(b.cancellableBy(START.minusHours(2), slot)).isTrue();
        assertThat(b.cancellableBy(START.minusMinutes(30), slot)).isFalse();
        assertThat(slot.cancelDeadline()).isEqualTo(START.minusHours(1));
        assertThat(slot.seatsLeft()).isZero();
        assertThat(slot.waitlistOpen()).isTrue();
        assertThat(slot.status(SlotStatus.CLOSED).waitlistOpen()).isFalse();
        assertThat(slot.kindName()).isEqualTo("晚间一小时");
        assertThat(slot.kind(SlotKind.OTHER).name("四点半课堂").kindName()).isEqualTo("四点半课堂");
    }

    @Test
    void aRuleKeepsItsWeekdaysSortedAndMakesSlotsOnThem() {
        Rule r = new Rule().id(4).stationId(3).kind(SlotKind.RED_WEEKEND).name("红色周末")
                .weekdays(Rule.joinWeekdays(List.of(7, 6, 6))).startTime(LocalTime.of(9, 0)).endTime(LocalTime.of(11, 30))
                .capacity(12).cancelCutoffMinutes(120).waitlistEnabled(true);
        assertThat(r.weekdays()).isEqualTo("6,7");
        assertThat(r.weekdayList()).containsExactly(6, 7);
        LocalDate saturday = LocalDate.of(2030, 1, 12);
        assertThat(r.fallsOn(saturday)).isTrue();
        assertThat(r.fallsOn(saturday.minusDays(1))).isFalse();
        Slot s = r.slotOn(saturday, START);
        assertThat(s.ruleId()).isEqualTo(4);
        assertThat(s.capacity()).isEqualTo(12);
        assertThat(s.booked()).isZero();
        assertThat(s.status()).isEqualTo(SlotStatus.OPEN);
    }
}
