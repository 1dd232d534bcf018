package org.redstation.wish;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.util.List;
import org.redstation.auth.CurrentUser;
import org.redstation.common.BizException;
import org.redstation.wish.WishTransitions.Actor;
import org.redstation.wish.WishViews.WishView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The assignee's side (member, organisation contact, volunteer team): items assigned to me, accept, decline, complete. */
@Service
class WishTaskService {
    private final WishMapper wishes;
    private final WishStore store;
    private final WishTransitions transitions;
    private final WishViews views;
    private final WishNotices notices;

    WishTaskService(WishMapper wishes, WishStore store, WishTransitions transitions, WishViews views, WishNotices notices) {
        this.wishes = wishes;
        this.store = store;
        this.transitions = transitions;
        this.views = views;
        this.notices = notices;
    }

    /** Items dispatched to me or to a team I am in, newest first (open ones and the last done ones). */
    public List<WishView> mine(CurrentUser u) {
        List<Long> teams = store.teamsOf(u.id());
        LambdaQueryWrapper<Wish> q = new LambdaQueryWrapper<Wish>().in(Wish::getState, WishState.DISPATCHED,
                WishState.ACCEPTED, WishState.COMPLETED, WishState.CLOSED).and(x -> {
            x.eq(Wish::getAssigneeUserId, u.id());
            if (!teams.isEmpty()) {
                x.or(y -> y.eq(Wish::getAssigneeKind, AssigneeKind.TEAM).in(Wish::getAssigneeId, teams));
            }
        }).orderByDesc(Wish::getId).last("LIMIT 200");
        return views.list(wishes.selectList(q));
    }

    Wish assigned(CurrentUser u, long id) {
        Wish w = store.get(id);
        if (!store.isAssignee(w, u.id())) {
            throw new BizException(WishError.WISH_NOT_ASSIGNED_TO_YOU);
        }
        return w;
    }

    private Actor actor(Wish w, CurrentUser u) {
        return new Actor(ActorKind.ASSIGNEE, u.id(), w.getAssigneeName());
    }

    @Transactional
    public WishView accept(CurrentUser u, long id) {
        Wish w0 = assigned(u, id);
        Wish w = transitions.apply(w0, WishAction.ACCEPT, actor(w0, u), null, x -> {
            x.setAcceptedAt(x.getUpdatedAt());
            x.setAssigneeUserId(u.id()); // the one who took it answers for it
        });
        notices.accepted(w);
        return views.list(List.of(w)).get(0);
    }

    @Transactional
    public WishView decline(CurrentUser u, long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw BizException.invalid("reason", "请说明退回的原因");
        }
        Wish w0 = assigned(u, id);
        Wish w = transitions.apply(w0, WishAction.DECLINE, actor(w0, u), reason, x -> {
            x.setAssigneeKind(null);
            x.setAssigneeId(null);
            x.setAssigneeUserId(null);
            x.setAssigneeName(null);
            x.setDispatchedAt(null);
        });
        return views.list(List.of(w)).get(0);
    }

    @Transactional
    public WishView complete(CurrentUser u, long id, String note) {
        if (note == null || note.isBlank()) {
            throw BizException.invalid("note", "请简单说明办理情况");
        }
        if (note.length() > 500) {
            throw BizException.invalid("note", "说明不能超过500字");
        }
        Wish w0 = assigned(u, id);
        Wish w = transitions.apply(w0, WishAction.COMPLETE, actor(w0, u), note, x -> {
            x.setCompletedAt(x.getUpdatedAt());
            x.setCompletionNote(note);
        });
        notices.completed(w);
        return views.list(List.of(w)).get(0);
    }
}
