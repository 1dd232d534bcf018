package org.redstation.chat;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import lombok.Data;

/** A resident who writes to the bot (chat_user): an official-account follower or a mini-program user. */
@Data
@TableName("chat_user")
class ChatUserRow {
    @TableId(type = IdType.INPUT)
    private String openid;
    private ChatChannel channel;
    private String unionid;
    private Long appUserId;
    private Long communityId;
    private Long stationId;
    private Boolean awaitingCommunity;
    private LocalDateTime createdAt;
    private LocalDateTime lastInAt;
    /** MA: last message to mini-program customer service (its 48-hour window). */
    private LocalDateTime kefuAt;
}
