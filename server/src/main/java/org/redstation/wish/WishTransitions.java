package org.redstation.wish;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.function.Consumer;
import org.redstation.common.BizException;
import org.springframework.stereotype.Component;

/**
 * Applies one {@link WishAction} to a need: checks the table, writes the new row with the guarded UPDATE (state and
 * version as read) and records the timeline entry, in the caller's transaction. The only writer of wish.state.
 */
@Component
class WishTransitions {
    private final WishMapper wishes;
    private final WishEventMapper events;
    private final Clock clock;

    WishTransitions(WishMapper wishes, WishEventMapper events, Clock clock) {
        this.wishes = wishes;
        this.events = events;
        this.clock = clock;
    }

    /** Who acts; {@code name} is shown on the resident's timeline. */
    record Actor(ActorKind kind, Long id, String name) {
    }

    LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    /** The row after the action; 409 WISH_CHANGED when another transition won, the table's 409 when illegal. */
    Wish apply(Wish current, WishAction action, Actor actor, String note, Consumer<Wish> change) {
        WishState from = current.getState();
        WishState to = action.check(actor.kind(), from);
        LocalDateTime now = now();
        Wish next = current.copy();
        next.setState(to);
        next.setUpdatedAt(now);
        if (to != from) {
            next.setStateSince(now);
            next.setEscalationLevel(0); // a new stretch: its own escalation clock
        }
        change.accept(next);
        if (wishes.transition(next, from, current.getVersion()) == 0) {
            throw new BizException(WishError.WISH_CHANGED);
        }
        next.setVersion(current.getVersion() + 1);
        record(current.getId(), action, actor, from, to, note, now);
        return next;
    }

    void record(long wishId, WishAction action, Actor actor, WishState from, WishState to, String note, LocalDateTime at) {
        WishEvent e = new WishEvent();
        e.setWishId(wishId);
        e.setAction(action);
        e.setActorKind(actor.kind());
        e.setActorId(actor.id());
        e.setActorName(actor.name());
        e.setFromState(from);
        e.setToState(to);
        e.setNote(note);
        e.setCreatedAt(at);
        events.insert(e);
    }
}
