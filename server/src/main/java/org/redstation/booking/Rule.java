package org.redstation.booking;

import com.baomidou.mybatisplus.annotation.FieldStrategy;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;
import lombok.Getter;
import lombok.Setter;
import lombok.experimental.Accessors;
import org.redstation.booking.BookingStore.Slot;
import org.redstation.common.SlotKind;

/** A weekly rule ({@code booking_rule}): on these ISO weekdays, this time, this many seats, opened N days ahead. */
@Getter
@Setter
@Accessors(fluent = true, chain = true)
@TableName("booking_rule")
class Rule {
    @TableId(type = IdType.AUTO)
    private long id;
    private long stationId;
    private SlotKind kind;
    private String name;
    /** ISO days 1 = Monday … 7 = Sunday, comma separated, e.g. "1,3,5". */
    private String weekdays;
    private LocalTime startTime;
    private LocalTime endTime;
    private int capacity;
    private int openDaysAhead;
    private int cancelCutoffMinutes;
    private boolean waitlistEnabled;
    private boolean active;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;
    /** The last day the materialiser covered (null: none yet, or changed since); written only by RuleMapper. */
    @TableField(insertStrategy = FieldStrategy.NEVER, updateStrategy = FieldStrategy.NEVER)
    private LocalDate materialisedThrough;

    List<Integer> weekdayList() {
        return Arrays.stream(weekdays.split(",")).map(String::trim).filter(x -> !x.isEmpty()).map(Integer::valueOf)
                .distinct().sorted().toList();
    }

    static String joinWeekdays(Collection<Integer> days) {
        return days.stream().distinct().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** Whether the rule has a slot on {@code day}, judged by weekday only (closures are the materialiser's). */
    boolean fallsOn(LocalDate day) {
        return weekdayList().contains(day.getDayOfWeek().getValue());
    }

    /** The slot of this rule on {@code day}, not yet stored. */
    Slot slotOn(LocalDate day, LocalDateTime now) {
        return new Slot().stationId(stationId).ruleId(id).date(day).start(startTime).end(endTime).kind(kind).name(name)
                .capacity(capacity).booked(0).cancelCutoffMinutes(cancelCutoffMinutes).waitlistEnabled(waitlistEnabled)
                .status(SlotStatus.OPEN).createdAt(now);
    }
}
