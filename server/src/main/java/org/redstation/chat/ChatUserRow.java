package org.redstation.chat;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import lombok.Data;

/** A follower of the official account (chat_user). */
@Data
@TableName("chat_user")
class ChatUserRow {
    @TableId(type = IdType.INPUT)
    private String openid;
    private String unionid;
    private Long appUserId;
    private Long communityId;
    private Boolean awaitingCommunity;
    private LocalDateTime createdAt;
    private LocalDateTime lastInAt;
}
