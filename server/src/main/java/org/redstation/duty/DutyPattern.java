package org.redstation.duty;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import lombok.Data;

/**
 * A weekly shift pattern of a station (table {@code duty_pattern}): on these weekdays, from start to end, this role
 * with this many seats. While active it keeps its shifts materialised {@link PatternService#horizonDays} ahead.
 */
@Data
@TableName("duty_pattern")
class DutyPattern {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long stationId;
    private Long communityId;
    /** ISO days, comma separated ("1,3,5"). */
    private String weekdays;
    private LocalTime startTime;
    private LocalTime endTime;
    private String roleName;
    private int seats;
    private Long orgId;
    private boolean active = true;
    private Long createdBy;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;

    /** Filled by the joined select of {@link DutyPatternMapper} only. */
    @TableField(exist = false)
    private String orgName;
    /** Future open shifts of the pattern and how many of them somebody claimed (the joined select only). */
    @TableField(exist = false)
    private Integer upcoming;
    @TableField(exist = false)
    private Integer upcomingClaimed;

    Set<Integer> weekdaySet() {
        return Arrays.stream(weekdays.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Integer::valueOf)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    static String weekdaysOf(Collection<Integer> days) {
        return new TreeSet<>(days).stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /**
     * The shift starts this pattern wants in [from, to] that are still ahead of {@code now} (none when inactive),
     * in order.
     */
    Set<LocalDateTime> startsBetween(LocalDate from, LocalDate to, LocalDateTime now) {
        Set<LocalDateTime> out = new LinkedHashSet<>();
        if (!active) {
            return out;
        }
        Set<Integer> days = weekdaySet();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            DayOfWeek w = d.getDayOfWeek();
            LocalDateTime start = d.atTime(startTime);
            if (days.contains(w.getValue()) && start.isAfter(now)) {
                out.add(start);
            }
        }
        return out;
    }
}
