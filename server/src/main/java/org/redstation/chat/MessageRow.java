package org.redstation.chat;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDateTime;
import lombok.Data;

/**
 * A stored message in or out (chat_message); {@code conversationId} null while the resident has not named their
 * community yet. Also the staff API's message shape.
 */
@Data
@TableName("chat_message")
class MessageRow {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long conversationId;
    @JsonIgnore
    private String openid;
    private MessageDirection direction;
    private Long staffId;
    private String msgType;
    private String content;
    /** BOT: the answer parts as JSON (cards, chips). */
    @JsonIgnore
    private String partsJson;
    @JsonIgnore
    private Boolean botHandled;
    @JsonIgnore
    private String wxMsgKey;
    private MessageDelivery delivery;
    private String deliveryError;
    private LocalDateTime createdAt;

    public String getDirectionName() {
        return direction == null ? null : direction.label();
    }

    public String getDeliveryName() {
        return delivery == null ? null : delivery.label();
    }
}
