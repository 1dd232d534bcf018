package org.redstation.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;

/** Public read API of the booking module for other modules (e.g. the official-account chat bot). */
@Service
public class BookingQueries {
    private final BookingStore store;
    private final BookingViews views;
    private final Clock clock;

    BookingQueries(BookingStore store, BookingViews views, Clock clock) {
        this.store = store;
        this.views = views;
        this.clock = clock;
    }

    /**
     * A short Chinese text of the user's upcoming bookings, e.g. for a chat reply:
     * "您有2个待参加的预约：\n1. 12月1日（周一）18:00-19:00 春园社区红色驿站 水电代办代缴（已预约）…".
     */
    public String myBookingsText(long userId) {
        LocalDateTime now = LocalDateTime.now(clock);
        List<String> lines = new ArrayList<>();
        List<BookingStore.Booking> all = new ArrayList<>(store.bookingsOf(userId, 50));
        java.util.Collections.reverse(all);
        for (BookingStore.Booking b : all) {
            if (!b.active()) {
                continue;
            }
            BookingStore.Slot s = store.slot(b.slotId()).orElse(null);
            if (s == null || !s.date().atTime(s.end()).isAfter(now)) {
                continue;
            }
            BookingViews.BookingView v = views.view(b);
            LocalDate d = s.date();
            String line = (lines.size() + 1) + ". " + d.getMonthValue() + "月" + d.getDayOfMonth() + "日（" + v.weekday() + "）"
                    + v.start() + "-" + v.end() + " " + v.stationName() + " " + v.serviceName() + "（" + v.statusName()
                    + ("WAITING".equals(b.status()) ? "第" + v.waitlistPosition() + "位" : "") + "）";
            lines.add(line);
            if (lines.size() == 5) {
                break;
            }
        }
        if (lines.isEmpty()) {
            return "您目前没有待参加的预约。可在小程序“红色驿站”中预约晚间一小时、红色周末服务。";
        }
        return "您有" + lines.size() + "个待参加的预约：\n" + String.join("\n", lines) + "\n取消或查看详情请进入小程序“我的预约”。";
    }
}
