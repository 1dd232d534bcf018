package org.redstation.station;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.redstation.common.SlotKind;
import org.redstation.common.Weekday;
import org.redstation.station.StationModel.Day;
import org.redstation.station.StationModel.Window;

/** The weekly schedule from hours rows, open-now and today's hours (pure functions, unit-tested without a database). */
final class OpeningHours {
    private OpeningHours() {
    }

    /** Seven days, Monday first, each with its windows in time order ({@code rows} of one station, any order). */
    static List<Day> schedule(List<StationHours> rows) {
        List<List<Window>> byDay = new ArrayList<>();
        for (int d = 1; d <= 7; d++) {
            byDay.add(new ArrayList<>());
        }
        rows.stream().sorted(java.util.Comparator.comparing(StationHours::getDayOfWeek).thenComparing(StationHours::getOpenTime))
                .forEach(h -> byDay.get(h.getDayOfWeek() - 1).add(new Window(hhmm(h.getOpenTime()), hhmm(h.getCloseTime()),
                        h.getKind(), h.getKind().label())));
        List<Day> days = new ArrayList<>();
        for (Weekday w : Weekday.values()) {
            days.add(new Day(w.iso(), w.label(), List.copyOf(byDay.get(w.iso() - 1))));
        }
        return days;
    }

    static Day today(List<Day> schedule, LocalDateTime now) {
        Weekday w = Weekday.of(now.getDayOfWeek());
        return schedule.stream().filter(d -> d.dayOfWeek() == w.iso()).findFirst()
                .orElse(new Day(w.iso(), w.label(), List.of()));
    }

    static boolean openNow(StationStatus status, Day today, LocalDateTime now) {
        if (!status.mayBeOpenNow()) {
            return false;
        }
        String t = hhmm(now.toLocalTime());
        for (Window w : today.windows()) {
            if (t.compareTo(w.start()) >= 0 && t.compareTo(w.end()) < 0) {
                return true;
            }
        }
        return false;
    }

    static String todayText(StationStatus status, Day today) {
        switch (status) {
            case PAUSED:
                return "今天暂停服务";
            case CLOSED:
                return status.label();
            default:
                break;
        }
        if (today.windows().isEmpty()) {
            return "今天不开放";
        }
        return "今天 " + today.windows().stream()
                .map(w -> w.start() + "-" + w.end() + (w.kind() == SlotKind.REGULAR ? "" : "（" + w.kindName() + "）"))
                .collect(Collectors.joining("、"));
    }

    static String hhmm(LocalTime t) {
        int h = t.getHour();
        int m = t.getMinute();
        return new String(new char[] {(char) ('0' + h / 10), (char) ('0' + h % 10), ':', (char) ('0' + m / 10), (char) ('0' + m % 10)});
    }
}
