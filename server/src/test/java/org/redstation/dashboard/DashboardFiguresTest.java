package org.redstation.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DashboardFiguresTest {
    private static Figures.Row row(long street, long attended, long noShow, Double reply, long replied, double hours) {
        return new Figures.Row(1L, "c", street, "s", attended + noShow, attended, noShow, Figures.attendanceRate(attended, noShow),
                2, 1, 3, hours, 1, replied, replied, reply, 0);
    }

    @Test
    void attendanceRateCountsOnlyMarkedBookingsAndIsUnknownUntilOneIsMarked() {
        assertThat(Figures.attendanceRate(0, 0)).isNull();
        assertThat(Figures.attendanceRate(3, 1)).isEqualTo(75.0);
        assertThat(Figures.attendanceRate(2, 1)).isEqualTo(66.7);
    }

    @Test
    void aStreetSumsItsCommunitiesAndWeighsReplyTimeByRepliedConversations() {
        Figures.Row street = Figures.sum(7, "东风街道", List.of(row(7, 3, 1, 10.0, 1, 1.5), row(7, 1, 1, 30.0, 3, 2.25), row(7, 0, 0, null, 0, 0)));
        assertThat(street.bookings()).isEqualTo(6);
        assertThat(street.attendanceRate()).isEqualTo(66.7);
        assertThat(street.avgReplyMinutes()).isEqualTo(25.0);
        assertThat(street.serviceHours()).isEqualTo(3.8);
        assertThat(street.membersReported()).isEqualTo(6);
    }

    @Test
    void everyDistrictFigureHasAChineseLabelAndIsLiveNowThatNeedsAndVolunteersAreRecorded() {
        for (DistrictFigure f : DistrictFigure.values()) {
            assertThat(f.label()).matches(".*\\p{IsHan}.*");
        }
        assertThat(DistrictFigure.MEMBERS_REPORTED.reported()).isEqualTo(15013);
        assertThat(DistrictFigure.values()).allMatch(DistrictFigure::live);
    }

    @Test
    void serviceHoursAreDutyPlusVolunteerHoursAndStreetExtrasSumExactly() {
        AreaFigures.Extra a = new AreaFigures.Extra(3, 2, 1, 3, 2, 1, 105);
        AreaFigures.Extra b = new AreaFigures.Extra(1, 1, 0, 4, 0, 0, 20);
        AreaFigures.Extra sum = a.plus(b);
        assertThat(sum).isEqualTo(new AreaFigures.Extra(4, 3, 1, 7, 2, 1, 125));
        org.redstation.wish.WishAreaFigures needs = new org.redstation.wish.WishAreaFigures(7, 3, 3, 1, 0, 44.0, 4.0, 2, 0.5, 1, 0,
                2, 3, 2, 3, 2, 3.5);
        AreaFigures.Area area = AreaFigures.of(needs, a);
        assertThat(area.dutyHours()).isEqualTo(1.75);
        assertThat(area.serviceHours()).isEqualTo(5.25);
        assertThat(area.bookingAttendanceRate()).isEqualTo(66.7);
        assertThat(AreaFigures.of(needs, AreaFigures.Extra.ZERO).bookingAttendanceRate()).as("nothing marked yet").isNull();
    }
}
