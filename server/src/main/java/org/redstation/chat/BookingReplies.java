package org.redstation.chat;

import java.time.format.DateTimeFormatter;
import java.util.List;
import org.redstation.booking.BookingQueries.UpcomingBooking;
import org.redstation.common.Weekday;

/** The Chinese text of "我的预约", from the booking module's data. Pure, unit-tested. */
final class BookingReplies {
    static final int SHOWN = 5;
    private static final DateTimeFormatter HM = DateTimeFormatter.ofPattern("HH:mm");

    private BookingReplies() {
    }

    static String upcoming(List<UpcomingBooking> bookings) {
        if (bookings.isEmpty()) {
            return "您目前没有待参加的预约。可在小程序“红色驿站”中预约晚间一小时、红色周末服务。";
        }
        StringBuilder b = new StringBuilder("您有").append(bookings.size()).append("个待参加的预约：");
        int i = 1;
        for (UpcomingBooking u : bookings) {
            b.append('\n').append(i++).append(". ").append(line(u));
        }
        return b.append("\n取消或查看详情请进入小程序“我的预约”。").toString();
    }

    /** e.g. "12月1日（周一）18:00-19:00 春园社区红色驿站 水电代办代缴（候补中第2位）". */
    static String line(UpcomingBooking u) {
        return u.date().getMonthValue() + "月" + u.date().getDayOfMonth() + "日（" + Weekday.of(u.date().getDayOfWeek()).label() + "）"
                + u.start().format(HM) + "-" + u.end().format(HM) + " " + u.stationName() + " " + u.serviceName()
                + "（" + u.statusLabel() + (u.waiting() ? "第" + u.waitlistPosition() + "位" : "") + "）";
    }
}
