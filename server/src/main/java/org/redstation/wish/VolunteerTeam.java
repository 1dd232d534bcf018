package org.redstation.wish;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import lombok.Data;

/** A row of {@code volunteer_team}: a volunteer team (志愿服务队) of a community. */
@Data
@TableName("volunteer_team")
class VolunteerTeam {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long communityId;
    private String name;
    private TeamCategory category;
    private Long leaderUserId;
    private String leaderName;
    private LocalDateTime createdAt;
}
