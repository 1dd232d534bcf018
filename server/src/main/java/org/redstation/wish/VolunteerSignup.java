package org.redstation.wish;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import lombok.Data;

/** A row of {@code volunteer_signup}: one volunteer's place at an activity (status ACTIVE or CANCELLED). */
@Data
@TableName("volunteer_signup")
class VolunteerSignup {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long activityId;
    private Long userId;
    private String status;
    private Long activeUser;
    private LocalDateTime checkinAt;
    private Integer minutes;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;
}
