package org.redstation.wish;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import lombok.Data;

/** A row of {@code wish_project}: a service project (为民服务项目) grouping several needs. */
@Data
@TableName("wish_project")
class WishProject {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long communityId;
    private String title;
    private Long createdBy;
    private LocalDateTime createdAt;
}
