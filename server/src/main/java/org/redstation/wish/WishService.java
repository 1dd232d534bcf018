package org.redstation.wish;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import org.redstation.auth.CurrentUser;
import org.redstation.common.BizException;
import org.redstation.station.StationApi;
import org.redstation.station.StationError;
import org.redstation.station.StationRef;
import org.redstation.wish.WishTransitions.Actor;
import org.redstation.wish.WishViews.WishView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The resident's side: post a need, see mine with the timeline, withdraw, confirm and rate, or reopen. */
@Service
class WishService {
    private final WishMapper wishes;
    private final WishStore store;
    private final WishTransitions transitions;
    private final WishViews views;
    private final StationApi stations;

    WishService(WishMapper wishes, WishStore store, WishTransitions transitions, WishViews views, StationApi stations) {
        this.wishes = wishes;
        this.store = store;
        this.transitions = transitions;
        this.views = views;
        this.stations = stations;
    }

    record NewWish(WishCategory category, String content, Long stationId, Long communityId, boolean mayContact) {
    }

    static Actor resident(CurrentUser u) {
        return new Actor(ActorKind.RESIDENT, u.id(), "居民本人");
    }

    @Transactional
    public WishView post(CurrentUser u, NewWish n) {
        String content = n.content() == null ? "" : n.content().strip();
        if (content.isEmpty()) {
            throw BizException.invalid("content", "请写下您的心愿或诉求");
        }
        if (content.codePointCount(0, content.length()) > 500) {
            throw BizException.invalid("content", "内容不能超过500字");
        }
        long communityId;
        Long stationId = n.stationId();
        if (stationId != null) {
            StationRef s = stations.find(stationId).orElseThrow(() -> new BizException(StationError.STATION_NOT_FOUND));
            communityId = s.communityId();
        } else if (n.communityId() != null) {
            communityId = stations.community(n.communityId())
                    .orElseThrow(() -> BizException.invalid("communityId", "没有这个社区")).id();
        } else {
            throw BizException.invalid("communityId", "请选择驿站或社区");
        }
        LocalDateTime now = transitions.now();
        Wish w = new Wish();
        w.setUserId(u.id());
        w.setCommunityId(communityId);
        w.setStationId(stationId);
        w.setCategory(n.category());
        w.setContent(content);
        w.setMayContact(n.mayContact());
        w.setState(WishAction.POST.target(null));
        w.setVersion(0);
        w.setPhotoCount(0);
        w.setEscalationLevel(0);
        w.setStateSince(now);
        w.setCreatedAt(now);
        w.setUpdatedAt(now);
        wishes.insert(w);
        transitions.record(w.getId(), WishAction.POST, resident(u), null, w.getState(), null, now);
        return views.list(List.of(w)).get(0);
    }

    public List<WishView> mine(CurrentUser u) {
        return views.list(wishes.selectList(new LambdaQueryWrapper<Wish>().eq(Wish::getUserId, u.id())
                .orderByDesc(Wish::getId).last("LIMIT 200")));
    }

    /** The owner sees it with the timeline; so does its assignee (for the task page). */
    public WishView detail(CurrentUser u, long id) {
        Wish w = store.get(id);
        boolean owner = w.ownedBy(u.id());
        if (!owner && !store.isAssignee(w, u.id())) {
            throw new BizException(WishError.WISH_NOT_YOURS, "只能查看自己的心愿或派给自己的任务");
        }
        ActorKind as = owner ? ActorKind.RESIDENT : ActorKind.ASSIGNEE;
        List<WishAction> allowed = Arrays.stream(WishAction.values())
                .filter(a -> a.actor() == as && a.allowedFrom(w.getState()) && a != WishAction.POST).toList();
        return views.detail(w, store.photos(id), store.timeline(id), allowed);
    }

    private Wish mine(CurrentUser u, long id) {
        Wish w = store.get(id);
        if (!w.ownedBy(u.id())) {
            throw new BizException(WishError.WISH_NOT_YOURS);
        }
        return w;
    }

    @Transactional
    public WishView cancel(CurrentUser u, long id, String reason) {
        Wish w = transitions.apply(mine(u, id), WishAction.CANCEL, resident(u), reason, x -> {
        });
        return views.list(List.of(w)).get(0);
    }

    @Transactional
    public WishView rate(CurrentUser u, long id, int rating, String comment) {
        if (rating < 1 || rating > 5) {
            throw BizException.invalid("rating", "评分应为1到5星");
        }
        Wish w = transitions.apply(mine(u, id), WishAction.RATE, resident(u), rating + "星" + (comment == null ? "" : "：" + comment), x -> {
            x.setRating(rating);
            x.setRatingComment(comment);
            x.setClosedAt(x.getUpdatedAt());
        });
        return views.list(List.of(w)).get(0);
    }

    @Transactional
    public WishView reopen(CurrentUser u, long id, String reason) {
        if (reason == null || reason.isBlank()) {
            throw BizException.invalid("reason", "请说明为什么还没有解决");
        }
        Wish w = transitions.apply(mine(u, id), WishAction.REOPEN, resident(u), reason, x -> {
            x.setAssigneeKind(null);
            x.setAssigneeId(null);
            x.setAssigneeUserId(null);
            x.setAssigneeName(null);
            x.setCompletedAt(null);
            x.setAcceptedAt(null);
            x.setDispatchedAt(null);
        });
        return views.list(List.of(w)).get(0);
    }
}
