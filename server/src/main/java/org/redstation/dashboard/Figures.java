package org.redstation.dashboard;

import java.util.List;

/** What the dashboard answers. Rates are rules here, unit-tested without a database. */
final class Figures {
    private Figures() {
    }

    /** One community's or street's figures for the period (and "now" for onDutyNow / conversationsOpen). */
    record Row(Long communityId, String communityName, long streetId, String streetName, long bookings, long attended,
               long noShow, Double attendanceRate, long membersReported, long applicationsWaiting, long shiftsServed,
               double serviceHours, long onDutyNow, long conversations, long replied, Double avgReplyMinutes,
               long conversationsOpen) {
    }

    /** Share of marked bookings that were attended (attended / (attended + no-show)); null until one is marked. */
    static Double attendanceRate(long attended, long noShow) {
        long marked = attended + noShow;
        return marked == 0 ? null : Math.round(attended * 1000.0 / marked) / 10.0;
    }

    static double hours(long minutes) {
        return Math.round(minutes / 6.0) / 10.0;
    }

    /** A mean weighted by the number of replied conversations (for a street's or the district's reply time). */
    static Double weightedMinutes(List<Row> rows) {
        double sum = 0;
        long n = 0;
        for (Row r : rows) {
            if (r.avgReplyMinutes() != null && r.replied() > 0) {
                sum += r.avgReplyMinutes() * r.replied();
                n += r.replied();
            }
        }
        return n == 0 ? null : Math.round(sum / n * 10) / 10.0;
    }

    /** Sum of community rows as one street row (or the district's, with streetId 0). */
    static Row sum(long streetId, String streetName, List<Row> rows) {
        long bookings = 0, attended = 0, noShow = 0, members = 0, waiting = 0, shifts = 0, onDuty = 0, conv = 0, replied = 0, open = 0;
        double hours = 0;
        for (Row r : rows) {
            bookings += r.bookings();
            attended += r.attended();
            noShow += r.noShow();
            members += r.membersReported();
            waiting += r.applicationsWaiting();
            shifts += r.shiftsServed();
            hours += r.serviceHours();
            onDuty += r.onDutyNow();
            conv += r.conversations();
            replied += r.replied();
            open += r.conversationsOpen();
        }
        return new Row(null, null, streetId, streetName, bookings, attended, noShow, attendanceRate(attended, noShow), members,
                waiting, shifts, Math.round(hours * 10) / 10.0, onDuty, conv, replied, weightedMinutes(rows), open);
    }

    record Day(String date, long bookings, long attended, long noShow) {
    }

    record District(String key, String label, Long reported, Long live) {
    }

    record Dashboard(String from, String to, Row total, List<Row> streets, List<Row> communities, List<Day> bookingsPerDay,
                     List<District> district) {
    }
}
