package org.redstation.wish;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import lombok.Data;

/** A row of {@code wish}: one need or micro-wish of a resident; its state changes only through {@link WishAction}. */
@Data
@TableName("wish")
class Wish {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long userId;
    private Long communityId;
    private Long stationId;
    private WishCategory category;
    private String content;
    private Boolean mayContact;
    private WishState state;
    private Integer version;
    private Integer photoCount;
    private Long projectId;
    private Long mergedInto;
    /** The official-account conversation it was turned from (转心愿), null when posted. */
    private Long conversationId;
    private AssigneeKind assigneeKind;
    private Long assigneeId;
    private Long assigneeUserId;
    private String assigneeName;
    private Integer escalationLevel;
    /** The version whose completion was reminded to rate (请评价), null = never; see {@link WishRateReminders}. */
    private Integer rateRemindedVersion;
    private LocalDateTime stateSince;
    private LocalDateTime dispatchedAt;
    private LocalDateTime acceptedAt;
    private LocalDateTime completedAt;
    private LocalDateTime closedAt;
    private String completionNote;
    private Integer rating;
    private String ratingComment;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;

    Wish copy() {
        Wish w = new Wish();
        w.id = id; w.userId = userId; w.communityId = communityId; w.stationId = stationId; w.category = category;
        w.content = content; w.mayContact = mayContact; w.state = state; w.version = version; w.photoCount = photoCount;
        w.projectId = projectId; w.mergedInto = mergedInto; w.conversationId = conversationId; w.assigneeKind = assigneeKind; w.assigneeId = assigneeId;
        w.assigneeUserId = assigneeUserId; w.assigneeName = assigneeName; w.escalationLevel = escalationLevel;
        w.rateRemindedVersion = rateRemindedVersion;
        w.stateSince = stateSince; w.dispatchedAt = dispatchedAt; w.acceptedAt = acceptedAt;
        w.completedAt = completedAt; w.closedAt = closedAt; w.completionNote = completionNote; w.rating = rating;
        w.ratingComment = ratingComment; w.createdAt = createdAt; w.updatedAt = updatedAt;
        return w;
    }

    boolean ownedBy(long user) {
        return userId != null && userId == user;
    }
}
