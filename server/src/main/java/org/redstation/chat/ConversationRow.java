package org.redstation.chat;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import lombok.Data;

/** A conversation (chat_conversation); {@code openKey} is the openid while open, so a resident has one open at a time. */
@Data
@TableName("chat_conversation")
class ConversationRow {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long communityId;
    private String openid;
    private ChatChannel channel;
    private Long appUserId;
    private ConversationStatus status;
    private String openKey;
    private Long assignedStaffId;
    private LocalDateTime createdAt;
    private LocalDateTime lastMessageAt;
    private LocalDateTime closedAt;
    private Long closedBy;
    /** The first resident message since the last staff reply; null = nothing waiting. */
    private LocalDateTime waitingSince;
    /** 0 none, 1 the community's other staff told, 2 the street told. */
    private Integer escalation;

    boolean open() {
        return status.acceptsReplies();
    }

    /** How a staff member sees the assignment in the WeChat queue. */
    String assignmentFor(long staffId) {
        if (assignedStaffId == null) {
            return "（未接单）";
        }
        return assignedStaffId == staffId ? "（我已接单）" : "（他人已接单）";
    }
}
