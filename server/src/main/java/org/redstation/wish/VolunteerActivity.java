package org.redstation.wish;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.Duration;
import java.time.LocalDateTime;
import lombok.Data;

/** A row of {@code volunteer_activity}: an activity at a station with a number of places. */
@Data
@TableName("volunteer_activity")
class VolunteerActivity {
    /** Check-in opens this long before the start. */
    static final Duration CHECKIN_EARLY = Duration.ofMinutes(15);

    @TableId(type = IdType.AUTO)
    private Long id;
    private Long stationId;
    private Long communityId;
    private Long teamId;
    private String title;
    private String description;
    private LocalDateTime startAt;
    private LocalDateTime endAt;
    private Integer capacity;
    private Integer taken;
    private String openTo;
    private ActivityStatus status;
    private Boolean reminded;
    private LocalDateTime createdAt;

    boolean teamOnly() {
        return "TEAM".equals(openTo);
    }

    boolean canSignUp(LocalDateTime now) {
        return status == ActivityStatus.OPEN && now.isBefore(startAt);
    }

    boolean checkInOpen(LocalDateTime now) {
        return status == ActivityStatus.OPEN && !now.isBefore(startAt.minus(CHECKIN_EARLY)) && now.isBefore(endAt);
    }

    /** The service time credited for attending: the activity's length. */
    int minutes() {
        return (int) Duration.between(startAt, endAt).toMinutes();
    }
}
