package org.redstation.notify;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import lombok.Data;

/** A row of notify_outbox: one subscribe message to send. */
@Data
@TableName("notify_outbox")
class OutboxRow {
    @TableId(type = IdType.AUTO)
    private Long id;
    private String dedupKey;
    private Long userId;
    private String template;
    private String page;
    private String dataJson;
    private OutboxStatus status;
    private Integer attempts;
    private LocalDateTime nextAttemptAt;
    private String claimedBy;
    private LocalDateTime claimedAt;
    private String lastError;
    private LocalDateTime createdAt;
    private LocalDateTime sentAt;
}
