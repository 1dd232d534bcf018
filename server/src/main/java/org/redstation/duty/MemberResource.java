package org.redstation.duty;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import lombok.Data;

/** One entry of a member's resource list (table {@code member_resource}). */
@Data
@TableName("member_resource")
class MemberResource {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long memberId;
    private ResourceCategory category;
    private String description;
    private LocalDateTime createdAt;
}
