package org.redstation.chat;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import lombok.Data;

/** An outgoing customer-service message (chat_delivery), written with the business data, sent after commit. */
@Data
@TableName("chat_delivery")
class DeliveryRow {
    @TableId(type = IdType.AUTO)
    private Long id;
    private DeliveryKind kind;
    /** MP: official-account API; MA: mini-program customer-service API. */
    private ChatChannel app;
    private String toOpenid;
    private String content;
    /** REPLY: the chat_message delivered. */
    private Long messageId;
    private Long conversationId;
    /** REPLY: the staff member told how it went. */
    private String reportOpenid;
    private DeliveryStatus status;
    private DeliveryChannel channel;
    private Integer attempts;
    /** When the sweeper may try again (PENDING); indexed with status. */
    private LocalDateTime nextAttemptAt;
    private LocalDateTime claimedAt;
    private String lastError;
    private LocalDateTime createdAt;
    private LocalDateTime sentAt;
}
