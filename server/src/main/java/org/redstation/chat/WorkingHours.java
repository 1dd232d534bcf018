package org.redstation.chat;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Set;

/**
 * When staff answer: working days and hours ({@code redstation.chat.work-*}). Outside them the resident is told when
 * to expect a reply. Pure, unit-tested.
 */
record WorkingHours(Set<DayOfWeek> days, LocalTime start, LocalTime end) {

    boolean isOpen(LocalDateTime t) {
        return days.contains(t.getDayOfWeek()) && !t.toLocalTime().isBefore(start) && t.toLocalTime().isBefore(end);
    }

    /** The next moment staff are at work (t itself when they are). */
    LocalDateTime nextOpening(LocalDateTime t) {
        if (isOpen(t)) {
            return t;
        }
        LocalDateTime d = t.toLocalTime().isBefore(start) ? t.toLocalDate().atTime(start) : t.toLocalDate().plusDays(1).atTime(start);
        for (int i = 0; i < 8 && !days.contains(d.getDayOfWeek()); i++) {
            d = d.plusDays(1);
        }
        return d;
    }

    /** Null during working hours, else e.g. "现在是非工作时间，工作人员一般会在明天（周四）09:00后回复您。". */
    String offHoursNotice(LocalDateTime now) {
        if (isOpen(now)) {
            return null;
        }
        LocalDateTime next = nextOpening(now);
        long days = java.time.temporal.ChronoUnit.DAYS.between(now.toLocalDate(), next.toLocalDate());
        String day = days == 0 ? "今天" : days == 1 ? "明天" : next.getMonthValue() + "月" + next.getDayOfMonth() + "日";
        return "现在是非工作时间，工作人员一般会在" + day + "（周" + "一二三四五六日".charAt(next.getDayOfWeek().getValue() - 1) + "）"
                + String.format("%02d:%02d", start.getHour(), start.getMinute()) + "后回复您。";
    }
}
