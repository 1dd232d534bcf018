package org.redstation.station;

import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Collectors;
import org.redstation.station.StationModel.Day;
import org.redstation.station.StationModel.Window;

/** Open-now and today's hours from a weekly schedule. */
final class OpeningHours {
    private OpeningHours() {
    }

    static Day today(List<Day> schedule, LocalDateTime now) {
        int dow = now.getDayOfWeek().getValue();
        return schedule.stream().filter(d -> d.dayOfWeek() == dow).findFirst()
                .orElse(new Day(dow, StationModel.DAY_NAMES[dow], List.of()));
    }

    static boolean openNow(String status, Day today, LocalDateTime now) {
        if (!"OPEN".equals(status)) {
            return false;
        }
        String t = StationRepository.hhmm(now.toLocalTime());
        for (Window w : today.windows()) {
            if (t.compareTo(w.start()) >= 0 && t.compareTo(w.end()) < 0) {
                return true;
            }
        }
        return false;
    }

    static String todayText(String status, Day today) {
        if ("PAUSED".equals(status)) {
            return "今天暂停服务";
        }
        if ("CLOSED".equals(status)) {
            return "已关闭";
        }
        if (today.windows().isEmpty()) {
            return "今天不开放";
        }
        return "今天 " + today.windows().stream()
                .map(w -> w.start() + "-" + w.end() + ("REGULAR".equals(w.kind()) ? "" : "（" + w.kindName() + "）"))
                .collect(Collectors.joining("、"));
    }
}
