package org.redstation.wish;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import lombok.Data;

/** A row of {@code wish_event}: one entry of a need's timeline. */
@Data
@TableName("wish_event")
class WishEvent {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long wishId;
    private WishAction action;
    private ActorKind actorKind;
    private Long actorId;
    private String actorName;
    private WishState fromState;
    private WishState toState;
    private String note;
    private LocalDateTime createdAt;
}
