package org.redstation.wish;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.redstation.auth.CurrentStaff;
import org.redstation.auth.CurrentUser;
import org.redstation.common.BizException;
import org.redstation.station.StationApi;
import org.redstation.station.StationError;
import org.redstation.station.StationRef;
import org.redstation.wish.AssigneeDirectory.Assignee;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Volunteer teams and activities: sign-up and cancel guarded by the database (conditional place update plus a
 * unique active sign-up), check-in by scanning the station's code during the activity, hours credited once.
 */
@Service
class VolunteerService {
    private final VolunteerTeamMapper teams;
    private final VolunteerMemberMapper members;
    private final VolunteerActivityMapper activities;
    private final VolunteerSignupMapper signups;
    private final StationApi stations;
    private final WishTransitions time;

    VolunteerService(VolunteerTeamMapper teams, VolunteerMemberMapper members, VolunteerActivityMapper activities,
                     VolunteerSignupMapper signups, StationApi stations, WishTransitions time) {
        this.teams = teams;
        this.members = members;
        this.activities = activities;
        this.signups = signups;
        this.stations = stations;
        this.time = time;
    }

    static Assignee asAssignee(VolunteerTeam t) {
        return new Assignee(AssigneeKind.TEAM, t.getId(), t.getName(), t.getCommunityId(), t.getLeaderUserId(),
                Set.of(t.getCategory().name()), null, null);
    }

    record TeamView(long id, long communityId, String name, String category, String categoryName, String leaderName,
                    long members) {
    }

    record ActivityView(long id, long stationId, String stationName, Long teamId, String title, String description,
                        LocalDateTime startAt, LocalDateTime endAt, int capacity, int taken, int placesLeft, String openTo,
                        String status, String statusName, boolean joined, boolean checkedIn, int minutes) {
    }

    // ---- teams ----

    @Transactional
    public TeamView createTeam(CurrentStaff s, long communityId, String name, TeamCategory category, long leaderUserId,
                               String leaderName) {
        s.requireCommunity(communityId);
        stations.community(communityId).orElseThrow(() -> BizException.invalid("communityId", "没有这个社区"));
        VolunteerTeam t = new VolunteerTeam();
        t.setCommunityId(communityId);
        t.setName(name.strip());
        t.setCategory(category);
        t.setLeaderUserId(leaderUserId);
        t.setLeaderName(leaderName.strip());
        t.setCreatedAt(time.now());
        teams.insert(t);
        addMember(t.getId(), leaderUserId, leaderName);
        return teamView(t, 1);
    }

    public List<TeamView> teams(Long communityId) {
        LambdaQueryWrapper<VolunteerTeam> q = new LambdaQueryWrapper<VolunteerTeam>().orderByAsc(VolunteerTeam::getId);
        if (communityId != null) {
            q.eq(VolunteerTeam::getCommunityId, communityId);
        }
        List<VolunteerTeam> list = teams.selectList(q);
        Map<Long, Long> counts = list.isEmpty() ? Map.of() : members.selectList(new LambdaQueryWrapper<VolunteerMember>()
                .in(VolunteerMember::getTeamId, list.stream().map(VolunteerTeam::getId).toList()))
                .stream().collect(Collectors.groupingBy(VolunteerMember::getTeamId, Collectors.counting()));
        return list.stream().map(t -> teamView(t, counts.getOrDefault(t.getId(), 0L))).toList();
    }

    /** A resident registers as a volunteer of a team (joining twice is harmless). */
    @Transactional
    public TeamView join(CurrentUser u, long teamId, String name) {
        VolunteerTeam t = team(teamId);
        addMember(teamId, u.id(), name);
        return teamView(t, members.selectCount(new LambdaQueryWrapper<VolunteerMember>().eq(VolunteerMember::getTeamId, teamId)));
    }

    @Transactional
    public TeamView addMember(CurrentStaff s, long teamId, long userId, String name) {
        VolunteerTeam t = team(teamId);
        s.requireCommunity(t.getCommunityId());
        addMember(teamId, userId, name);
        return teamView(t, members.selectCount(new LambdaQueryWrapper<VolunteerMember>().eq(VolunteerMember::getTeamId, teamId)));
    }

    private void addMember(long teamId, long userId, String name) {
        boolean there = members.selectCount(new LambdaQueryWrapper<VolunteerMember>().eq(VolunteerMember::getTeamId, teamId)
                .eq(VolunteerMember::getUserId, userId)) > 0;
        if (!there) {
            VolunteerMember m = new VolunteerMember();
            m.setTeamId(teamId);
            m.setUserId(userId);
            m.setName(name == null || name.isBlank() ? "志愿者" : name.strip());
            m.setJoinedAt(time.now());
            try {
                members.insert(m);
            } catch (DuplicateKeyException raced) {
                // joined at the same moment from another request: already a member
            }
        }
    }

    VolunteerTeam team(long id) {
        VolunteerTeam t = teams.selectById(id);
        if (t == null) {
            throw new BizException(WishError.TEAM_NOT_FOUND);
        }
        return t;
    }

    private static TeamView teamView(VolunteerTeam t, long members) {
        return new TeamView(t.getId(), t.getCommunityId(), t.getName(), t.getCategory().name(), t.getCategory().label(),
                t.getLeaderName(), members);
    }

    // ---- activities ----

    record NewActivity(long stationId, Long teamId, String title, String description, LocalDateTime startAt,
                       LocalDateTime endAt, int capacity, boolean teamOnly) {
    }

    @Transactional
    public ActivityView createActivity(CurrentStaff s, NewActivity n) {
        StationRef st = stations.find(n.stationId()).orElseThrow(() -> new BizException(StationError.STATION_NOT_FOUND));
        s.requireCommunity(st.communityId());
        if (!n.endAt().isAfter(n.startAt())) {
            throw BizException.invalid("endAt", "结束时间要晚于开始时间");
        }
        if (n.teamId() != null) {
            s.requireCommunity(team(n.teamId()).getCommunityId());
        } else if (n.teamOnly()) {
            throw BizException.invalid("teamId", "仅限队员参加的活动要指定服务队");
        }
        VolunteerActivity a = new VolunteerActivity();
        a.setStationId(st.id());
        a.setCommunityId(st.communityId());
        a.setTeamId(n.teamId());
        a.setTitle(n.title().strip());
        a.setDescription(n.description());
        a.setStartAt(n.startAt());
        a.setEndAt(n.endAt());
        a.setCapacity(n.capacity());
        a.setTaken(0);
        a.setOpenTo(n.teamOnly() ? "TEAM" : "ALL");
        a.setStatus(ActivityStatus.OPEN);
        a.setReminded(false);
        a.setCreatedAt(time.now());
        activities.insert(a);
        return view(a, st.name(), null);
    }

    /** Upcoming (not yet ended) open activities, optionally at one station; three statements whatever the count. */
    public List<ActivityView> upcoming(CurrentUser u, Long stationId) {
        LambdaQueryWrapper<VolunteerActivity> q = new LambdaQueryWrapper<VolunteerActivity>()
                .eq(VolunteerActivity::getStatus, ActivityStatus.OPEN).gt(VolunteerActivity::getEndAt, time.now())
                .orderByAsc(VolunteerActivity::getStartAt).last("LIMIT 100");
        if (stationId != null) {
            q.eq(VolunteerActivity::getStationId, stationId);
        }
        return views(activities.selectList(q), u);
    }

    public List<ActivityView> mine(CurrentUser u) {
        List<VolunteerSignup> mine = signups.selectList(new LambdaQueryWrapper<VolunteerSignup>()
                .eq(VolunteerSignup::getUserId, u.id()).eq(VolunteerSignup::getStatus, "ACTIVE"));
        if (mine.isEmpty()) {
            return List.of();
        }
        return views(activities.selectList(new LambdaQueryWrapper<VolunteerActivity>().in(VolunteerActivity::getId,
                mine.stream().map(VolunteerSignup::getActivityId).toList()).orderByDesc(VolunteerActivity::getStartAt)), u);
    }

    private List<ActivityView> views(List<VolunteerActivity> list, CurrentUser u) {
        if (list.isEmpty()) {
            return List.of();
        }
        Map<Long, StationRef> st = stations.findAll(list.stream().map(VolunteerActivity::getStationId).collect(Collectors.toSet()));
        Map<Long, VolunteerSignup> mine = u == null ? Map.of() : signups.selectList(new LambdaQueryWrapper<VolunteerSignup>()
                .eq(VolunteerSignup::getUserId, u.id()).eq(VolunteerSignup::getStatus, "ACTIVE")
                .in(VolunteerSignup::getActivityId, list.stream().map(VolunteerActivity::getId).toList()))
                .stream().collect(Collectors.toMap(VolunteerSignup::getActivityId, x -> x, (a, b) -> a));
        return list.stream().map(a -> view(a, st.containsKey(a.getStationId()) ? st.get(a.getStationId()).name() : null,
                mine.get(a.getId()))).toList();
    }

    private static ActivityView view(VolunteerActivity a, String stationName, VolunteerSignup s) {
        return new ActivityView(a.getId(), a.getStationId(), stationName, a.getTeamId(), a.getTitle(), a.getDescription(),
                a.getStartAt(), a.getEndAt(), a.getCapacity(), a.getTaken(), Math.max(0, a.getCapacity() - a.getTaken()),
                a.getOpenTo(), a.getStatus().name(), a.getStatus().label(), s != null, s != null && s.getCheckinAt() != null,
                s == null ? 0 : s.getMinutes());
    }

    VolunteerActivity activity(long id) {
        VolunteerActivity a = activities.selectById(id);
        if (a == null) {
            throw new BizException(WishError.ACTIVITY_NOT_FOUND);
        }
        return a;
    }

    private VolunteerSignup active(long activityId, long userId) {
        return signups.selectOne(new LambdaQueryWrapper<VolunteerSignup>().eq(VolunteerSignup::getActivityId, activityId)
                .eq(VolunteerSignup::getActiveUser, userId));
    }

    /** Takes a place: the conditional update decides (no oversell across instances), the unique key stops a double sign-up. */
    @Transactional
    public ActivityView signUp(CurrentUser u, long id) {
        VolunteerActivity a = activity(id);
        LocalDateTime now = time.now();
        if (!a.canSignUp(now)) {
            throw new BizException(WishError.ACTIVITY_CLOSED);
        }
        if (a.teamOnly() && members.selectCount(new LambdaQueryWrapper<VolunteerMember>()
                .eq(VolunteerMember::getTeamId, a.getTeamId()).eq(VolunteerMember::getUserId, u.id())) == 0) {
            throw new BizException(WishError.ACTIVITY_TEAM_ONLY);
        }
        if (active(id, u.id()) != null) {
            throw new BizException(WishError.ACTIVITY_ALREADY_JOINED);
        }
        if (activities.takePlace(id, now) == 0) {
            throw new BizException(WishError.ACTIVITY_FULL);
        }
        VolunteerSignup s = new VolunteerSignup();
        s.setActivityId(id);
        s.setUserId(u.id());
        s.setStatus("ACTIVE");
        s.setActiveUser(u.id());
        s.setMinutes(0);
        s.setCreatedAt(now);
        s.setUpdatedAt(now);
        try {
            signups.insert(s);
        } catch (DuplicateKeyException twice) {
            // two sign-ups of one user at once: the place taken above is rolled back with this transaction
            throw new BizException(WishError.ACTIVITY_ALREADY_JOINED);
        }
        return viewOf(activity(id), s);
    }

    @Transactional
    public ActivityView cancel(CurrentUser u, long id) {
        if (!activity(id).canSignUp(time.now())) {
            throw new BizException(WishError.ACTIVITY_CLOSED, "活动已开始或已取消，不能再取消报名");
        }
        VolunteerSignup s = active(id, u.id());
        if (s == null || signups.cancel(s.getId(), time.now()) == 0) {
            throw new BizException(WishError.ACTIVITY_NOT_JOINED);
        }
        activities.releasePlace(id);
        return viewOf(activity(id), null);
    }

    /** Check-in by the station's code (scene {@code st=CODE} or the code) during the activity; hours credited once. */
    @Transactional
    public ActivityView checkIn(CurrentUser u, long id, String scene) {
        VolunteerActivity a = activity(id);
        String code = scene == null ? "" : java.net.URLDecoder.decode(scene, java.nio.charset.StandardCharsets.UTF_8).trim();
        if (code.startsWith("st=")) {
            code = code.substring(3);
        }
        StationRef st = stations.findByCode(code).orElseThrow(() -> new BizException(WishError.CHECKIN_WRONG_STATION));
        if (st.id() != a.getStationId()) {
            throw new BizException(WishError.CHECKIN_WRONG_STATION);
        }
        LocalDateTime now = time.now();
        if (!a.checkInOpen(now)) {
            throw new BizException(WishError.CHECKIN_NOT_NOW);
        }
        VolunteerSignup s = active(id, u.id());
        if (s == null) {
            throw new BizException(WishError.ACTIVITY_NOT_JOINED);
        }
        if (signups.checkIn(s.getId(), a.minutes(), now) == 0) {
            throw new BizException(WishError.CHECKIN_TWICE);
        }
        s.setCheckinAt(now);
        s.setMinutes(a.minutes());
        return view(a, st.name(), s);
    }

    private ActivityView viewOf(VolunteerActivity a, VolunteerSignup s) {
        return view(a, stations.find(a.getStationId()).map(StationRef::name).orElse(null), s);
    }
}
