package org.redstation.notify;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import lombok.Data;

/** A row of notify_message: one notification in the user's message centre (消息中心). */
@Data
@TableName("notify_message")
class InboxRow {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long userId;
    private String template;
    private String dedupKey;
    private String title;
    private String body;
    private String page;
    private LocalDateTime createdAt;
    private LocalDateTime readAt;
}
