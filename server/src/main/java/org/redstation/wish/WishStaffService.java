package org.redstation.wish;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.redstation.auth.CurrentStaff;
import org.redstation.auth.Role;
import org.redstation.auth.UserDirectory;
import org.redstation.common.BizException;
import org.redstation.station.StationApi;
import org.redstation.station.StationRef;
import org.redstation.wish.AssigneeDirectory.Assignee;
import org.redstation.wish.AssigneeRanking.Candidate;
import org.redstation.wish.AssigneeRanking.Suggestion;
import org.redstation.wish.WishTransitions.Actor;
import org.redstation.wish.WishViews.WishView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Community staff: the queue of their communities, dispatch with suggestions, merge duplicates, service projects. */
@Service
class WishStaffService {
    private final WishMapper wishes;
    private final WishProjectMapper projects;
    private final VolunteerTeamMapper teams;
    private final WishStore store;
    private final WishTransitions transitions;
    private final WishViews views;
    private final WishNotices notices;
    private final StationApi stations;
    private final UserDirectory users;
    private final ObjectProvider<AssigneeDirectory> directory;

    WishStaffService(WishMapper wishes, WishProjectMapper projects, VolunteerTeamMapper teams, WishStore store,
                     WishTransitions transitions, WishViews views, WishNotices notices, StationApi stations,
                     UserDirectory users, ObjectProvider<AssigneeDirectory> directory) {
        this.wishes = wishes;
        this.projects = projects;
        this.teams = teams;
        this.store = store;
        this.transitions = transitions;
        this.views = views;
        this.notices = notices;
        this.stations = stations;
        this.users = users;
        this.directory = directory;
    }

    private static Actor staff(CurrentStaff s) {
        return new Actor(ActorKind.STAFF, s.id(), s.displayName());
    }

    /** Needs of the staff member's communities: escalated first, then oldest first. Two statements whatever the count. */
    public List<WishView> queue(CurrentStaff s, WishState state, Long communityId) {
        LambdaQueryWrapper<Wish> q = new LambdaQueryWrapper<>();
        if (communityId != null) {
            s.requireCommunity(communityId);
            q.eq(Wish::getCommunityId, communityId);
        } else {
            s.scope().ifPresent(ids -> q.in(Wish::getCommunityId, ids));
        }
        if (state != null) {
            q.eq(Wish::getState, state);
        } else {
            q.in(Wish::getState, WishState.OPEN);
        }
        q.orderByDesc(Wish::getEscalationLevel).orderByAsc(Wish::getCreatedAt).last("LIMIT 500");
        return views.list(wishes.selectList(q));
    }

    Wish inScope(CurrentStaff s, long id) {
        Wish w = store.get(id);
        s.requireCommunity(w.getCommunityId());
        return w;
    }

    public WishView detail(CurrentStaff s, long id) {
        Wish w = inScope(s, id);
        List<WishAction> allowed = Arrays.stream(WishAction.values())
                .filter(a -> a.actor() == ActorKind.STAFF && a.allowedFrom(w.getState())).toList();
        return views.detail(w, store.photos(id), store.timeline(id), allowed);
    }

    @Transactional
    public WishView dispatch(CurrentStaff s, long id, AssigneeKind kind, long assigneeId, String note) {
        Wish w0 = inScope(s, id);
        Assignee a = resolve(kind, assigneeId).filter(x -> x.communityId() == w0.getCommunityId() || x.communityId() == 0) // 0: a member known by user id only
                .orElseThrow(() -> new BizException(WishError.WISH_ASSIGNEE_NOT_FOUND));
        if (a.userId() == null) {
            throw new BizException(WishError.WISH_ASSIGNEE_NOT_FOUND, "这个接单对象还没有联系人，无法派单");
        }
        Wish w = transitions.apply(w0, WishAction.DISPATCH, staff(s), "派给" + a.kind().label() + "：" + a.name()
                + (note == null || note.isBlank() ? "" : "（" + note + "）"), x -> {
            x.setAssigneeKind(a.kind());
            x.setAssigneeId(a.id());
            x.setAssigneeUserId(a.userId());
            x.setAssigneeName(a.name());
            x.setDispatchedAt(x.getUpdatedAt());
        });
        notices.dispatched(w);
        return views.list(List.of(w)).get(0);
    }

    /** A team of this module, or an organisation/member from the directory; a member by user id when there is none. */
    Optional<Assignee> resolve(AssigneeKind kind, long id) {
        if (kind == AssigneeKind.TEAM) {
            return Optional.ofNullable(teams.selectById(id)).map(VolunteerService::asAssignee);
        }
        AssigneeDirectory d = directory.getIfAvailable();
        if (d != null) {
            return d.find(kind, id);
        }
        if (kind == AssigneeKind.MEMBER && users.roles(id).contains(Role.MEMBER)) {
            return Optional.of(new Assignee(AssigneeKind.MEMBER, id, "双报到党员", 0, id, Set.of(), null, null));
        }
        return Optional.empty();
    }

    @Transactional
    public WishView merge(CurrentStaff s, long id, long intoId) {
        if (id == intoId) {
            throw BizException.invalid("intoId", "不能合并到自己");
        }
        Wish w0 = inScope(s, id);
        Wish into = inScope(s, intoId);
        if (!into.getCommunityId().equals(w0.getCommunityId()) || !into.getState().isOpen()) {
            throw BizException.invalid("intoId", "只能合并到本社区一条尚未办结的心愿");
        }
        Wish w = transitions.apply(w0, WishAction.MERGE, staff(s), "与第" + intoId + "号重复，合并办理", x -> x.setMergedInto(intoId));
        return views.list(List.of(w)).get(0);
    }

    record ProjectView(long id, long communityId, String title, List<Long> wishIds) {
    }

    /** A service project (为民服务项目) grouping needs of one community. */
    @Transactional
    public ProjectView createProject(CurrentStaff s, long communityId, String title, List<Long> wishIds) {
        s.requireCommunity(communityId);
        if (title == null || title.isBlank() || title.length() > 64) {
            throw BizException.invalid("title", "项目名称不能为空，且不超过64字");
        }
        WishProject p = new WishProject();
        p.setCommunityId(communityId);
        p.setTitle(title.strip());
        p.setCreatedBy(s.id());
        p.setCreatedAt(transitions.now());
        projects.insert(p);
        for (Long wid : wishIds == null ? List.<Long>of() : wishIds) {
            addToProject(s, p, wid);
        }
        return new ProjectView(p.getId(), communityId, p.getTitle(), wishIds == null ? List.of() : wishIds);
    }

    @Transactional
    public ProjectView addToProject(CurrentStaff s, long projectId, long wishId) {
        WishProject p = projects.selectById(projectId);
        if (p == null) {
            throw new BizException(WishError.PROJECT_NOT_FOUND);
        }
        s.requireCommunity(p.getCommunityId());
        addToProject(s, p, wishId);
        return project(s, projectId);
    }

    private void addToProject(CurrentStaff s, WishProject p, long wishId) {
        Wish w = inScope(s, wishId);
        if (!w.getCommunityId().equals(p.getCommunityId())) {
            throw BizException.invalid("wishIds", "只能把本社区的心愿纳入项目");
        }
        transitions.apply(w, WishAction.GROUP, staff(s), "纳入服务项目：" + p.getTitle(), x -> x.setProjectId(p.getId()));
    }

    public ProjectView project(CurrentStaff s, long projectId) {
        WishProject p = projects.selectById(projectId);
        if (p == null) {
            throw new BizException(WishError.PROJECT_NOT_FOUND);
        }
        s.requireCommunity(p.getCommunityId());
        List<Long> ids = wishes.selectList(new LambdaQueryWrapper<Wish>().select(Wish::getId).eq(Wish::getProjectId, projectId))
                .stream().map(Wish::getId).toList();
        return new ProjectView(p.getId(), p.getCommunityId(), p.getTitle(), ids);
    }

    /** Suggested assignees for a need, best first (see {@link AssigneeRanking}). */
    public List<Suggestion> suggestions(CurrentStaff s, long id) {
        Wish w = inScope(s, id);
        List<Candidate> candidates = new ArrayList<>();
        teams.selectList(new LambdaQueryWrapper<VolunteerTeam>().eq(VolunteerTeam::getCommunityId, w.getCommunityId()))
                .forEach(t -> candidates.add(new Candidate(VolunteerService.asAssignee(t), t.getCategory())));
        AssigneeDirectory d = directory.getIfAvailable();
        if (d != null) {
            d.candidates(w.getCommunityId()).forEach(a -> candidates.add(new Candidate(a, null)));
        }
        Map<String, Long> load = wishes.openLoad().stream()
                .collect(Collectors.toMap(c -> AssigneeRanking.key(c.kind(), c.id()), WishMapper.AssigneeCount::n));
        Map<String, Long> done = wishes.completions().stream()
                .collect(Collectors.toMap(c -> AssigneeRanking.key(c.kind(), c.id()), WishMapper.AssigneeCount::n));
        Optional<StationRef> st = w.getStationId() == null ? Optional.empty() : stations.find(w.getStationId());
        return AssigneeRanking.rank(w.getCategory(), st.map(StationRef::latitude).orElse(null),
                st.map(StationRef::longitude).orElse(null), candidates, load, done, 10);
    }
}
