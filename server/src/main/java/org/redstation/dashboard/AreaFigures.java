package org.redstation.dashboard;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.redstation.wish.WishAreaFigures;
import org.redstation.wish.WishFigures;

/**
 * What GET /api/staff/figures answers: the district's figures (domain.md) of one community, street or the district —
 * the wish module's needs and volunteer figures (unwrapped, same field names) beside duty's and booking's. Sums and
 * rates are rules here, unit-tested without a database.
 */
final class AreaFigures {
    private AreaFigures() {
    }

    /** Duty and booking figures of one area, before they are put beside the needs. Minutes stay exact until shown. */
    record Extra(long resourceItems, long membersReported, long applicationsWaiting, long bookings, long bookingsAttended,
                 long bookingsNoShow, long dutyMinutes) {
        static final Extra ZERO = new Extra(0, 0, 0, 0, 0, 0, 0);

        Extra plus(Extra o) {
            return new Extra(resourceItems + o.resourceItems, membersReported + o.membersReported,
                    applicationsWaiting + o.applicationsWaiting, bookings + o.bookings, bookingsAttended + o.bookingsAttended,
                    bookingsNoShow + o.bookingsNoShow, dutyMinutes + o.dutyMinutes);
        }
    }

    /**
     * One area: needs and volunteers ({@link WishAreaFigures}), resource-list items and members reported (approved, now),
     * applications waiting (now), bookings by the slot's day (not cancelled) with attended / no-show, duty hours (shifts
     * served in the period) and service hours = duty hours + volunteer hours.
     */
    record Area(@JsonUnwrapped WishAreaFigures needs, long resourceItems, long membersReported, long applicationsWaiting,
                long bookings, long bookingsAttended, long bookingsNoShow, Double bookingAttendanceRate, double dutyHours,
                double serviceHours) {
    }

    static Area of(WishAreaFigures needs, Extra x) {
        double duty = hours(x.dutyMinutes());
        return new Area(needs, x.resourceItems(), x.membersReported(), x.applicationsWaiting(), x.bookings(),
                x.bookingsAttended(), x.bookingsNoShow(), Figures.attendanceRate(x.bookingsAttended(), x.bookingsNoShow()), duty,
                round2(duty + needs.volunteerHours()));
    }

    /** Hours with two decimals (105 minutes = 1.75), like the volunteer hours beside them. */
    static double hours(long minutes) {
        return round2(minutes / 60.0);
    }

    static double round2(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }

    record CommunityArea(long communityId, String communityName, Area figures) {
    }

    record StreetArea(long streetId, String streetName, Area figures, List<CommunityArea> communities) {
    }

    record District(LocalDate from, LocalDate to, Area district, List<StreetArea> streets) {
    }

    /** One month: needs and volunteer hours (wish), bookings by slot day, duty hours by shift start, service hours. */
    record Month(@JsonUnwrapped WishFigures.MonthFigures needs, long bookings, long bookingsAttended, long bookingsNoShow,
                 double dutyHours, double serviceHours) {
    }

    static Month month(WishFigures.MonthFigures needs, long[] bookings, long dutyMinutes) {
        double duty = hours(dutyMinutes);
        return new Month(needs, bookings[0], bookings[1], bookings[2], duty, round2(duty + needs.volunteerHours()));
    }
}
