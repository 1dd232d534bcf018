package org.redstation.wish;

import static org.redstation.wish.WishState.ACCEPTED;
import static org.redstation.wish.WishState.CANCELLED;
import static org.redstation.wish.WishState.CLOSED;
import static org.redstation.wish.WishState.COMPLETED;
import static org.redstation.wish.WishState.DISPATCHED;
import static org.redstation.wish.WishState.MERGED;
import static org.redstation.wish.WishState.SUBMITTED;

import java.util.EnumSet;
import java.util.Set;
import org.redstation.common.BizException;

/**
 * THE transition table of a need: who may do each action, from which states, to which state. Every change of
 * {@code wish.state} goes through {@link #check} and then one conditional UPDATE (state and version as read).
 * POST creates the item; ESCALATE, GROUP and REMIND keep the state (timeline entries only).
 */
enum WishAction {
    POST("提交心愿", ActorKind.RESIDENT, EnumSet.noneOf(WishState.class), SUBMITTED),
    DISPATCH("派单", ActorKind.STAFF, EnumSet.of(SUBMITTED, DISPATCHED), DISPATCHED),
    MERGE("合并重复", ActorKind.STAFF, EnumSet.of(SUBMITTED), MERGED),
    GROUP("纳入服务项目", ActorKind.STAFF, EnumSet.of(SUBMITTED, DISPATCHED, ACCEPTED), null),
    ACCEPT("接单", ActorKind.ASSIGNEE, EnumSet.of(DISPATCHED), ACCEPTED),
    DECLINE("退回", ActorKind.ASSIGNEE, EnumSet.of(DISPATCHED), SUBMITTED),
    COMPLETE("办结", ActorKind.ASSIGNEE, EnumSet.of(ACCEPTED), COMPLETED),
    RATE("确认评价", ActorKind.RESIDENT, EnumSet.of(COMPLETED), CLOSED),
    REOPEN("重新打开", ActorKind.RESIDENT, EnumSet.of(COMPLETED), SUBMITTED),
    CANCEL("撤回", ActorKind.RESIDENT, EnumSet.of(SUBMITTED, DISPATCHED), CANCELLED),
    ESCALATE("超时升级", ActorKind.SYSTEM, EnumSet.of(SUBMITTED, DISPATCHED, ACCEPTED), null),
    REMIND("提醒评价", ActorKind.SYSTEM, EnumSet.of(COMPLETED), null);

    private final String label;
    private final ActorKind actor;
    private final Set<WishState> from;
    private final WishState to;

    WishAction(String label, ActorKind actor, Set<WishState> from, WishState to) {
        this.label = label;
        this.actor = actor;
        this.from = from;
        this.to = to;
    }

    String label() {
        return label;
    }

    ActorKind actor() {
        return actor;
    }

    boolean allowedFrom(WishState s) {
        return from.contains(s);
    }

    /** The state after this action from {@code s} (the same state for ESCALATE, GROUP and REMIND). */
    WishState target(WishState s) {
        return to == null ? s : to;
    }

    /**
     * The state after this action, or 409 with a message naming the state. Who acts is checked by the services
     * (owner, assignee, staff scope); {@code by} must be this action's actor kind.
     */
    WishState check(ActorKind by, WishState current) {
        if (by != actor) {
            throw new IllegalStateException(name() + " is done by " + actor + ", not " + by);
        }
        if (!allowedFrom(current)) {
            if (this == RATE && current == CLOSED) {
                throw new BizException(WishError.WISH_ALREADY_RATED);
            }
            throw new BizException(WishError.WISH_ILLEGAL_TRANSITION,
                    "这条心愿现在是“" + current.label() + "”，不能" + label);
        }
        return target(current);
    }
}
