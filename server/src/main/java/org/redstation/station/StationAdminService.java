package org.redstation.station;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.redstation.auth.CurrentStaff;
import org.redstation.common.BizException;
import org.redstation.common.CommonError;
import org.redstation.common.SlotKind;
import org.redstation.common.Weekday;
import org.redstation.station.StationAuditLog.AuditEntry;
import org.redstation.station.StationModel.StaticView;
import org.redstation.station.StationModel.StationInfo;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff changes to stations, their hours and services. Every check of the staff member's scope happens here;
 * every change runs under the station's row lock, is audited in the same transaction and evicts the cached
 * view after commit.
 */
@Service
class StationAdminService {
    private final StationMapper stations;
    private final CommunityMapper communities;
    private final StationHoursMapper hours;
    private final StationOfferMapper offers;
    private final ServiceItemMapper items;
    private final StationRepository repo;
    private final StationAuditLog audit;
    private final StationViewCache cache;
    private final Clock clock;

    StationAdminService(StationMapper stations, CommunityMapper communities, StationHoursMapper hours, StationOfferMapper offers,
                        ServiceItemMapper items, StationRepository repo, StationAuditLog audit, StationViewCache cache,
                        Clock clock) {
        this.stations = stations;
        this.communities = communities;
        this.hours = hours;
        this.offers = offers;
        this.items = items;
        this.repo = repo;
        this.audit = audit;
        this.cache = cache;
        this.clock = clock;
    }

    /** {@code allowUnverifiedCheckin}: duty check-in without proof allowed; null keeps the current value (new: no). */
    record StationFields(String name, String address, Double latitude, Double longitude, String phone, BuildType buildType,
                         String coBuildingUnit, String photoUrl, String notice, Boolean allowUnverifiedCheckin) {
        StationFields(String name, String address, Double latitude, Double longitude, String phone, BuildType buildType,
                      String coBuildingUnit, String photoUrl, String notice) {
            this(name, address, latitude, longitude, phone, buildType, coBuildingUnit, photoUrl, notice, null);
        }
    }

    record HoursWindow(int dayOfWeek, String start, String end, String kind) {
    }

    record Offer(long serviceId, String note, String hours) {
    }

    /** The station (any status) after checking the staff member may manage its community. */
    StationInfo require(CurrentStaff staff, long id) {
        StationInfo s = repo.info(id).orElseThrow(() -> new BizException(StationError.STATION_NOT_FOUND, "没有找到这个驿站"));
        staff.requireCommunity(s.communityId());
        return s;
    }

    /** The stations the staff member may see, optionally of one community; one statement whatever their number. */
    List<StationInfo> list(CurrentStaff staff, Long communityId) {
        Collection<Long> filter = staff.scope().orElse(null);
        if (communityId != null) {
            staff.requireCommunity(communityId);
            filter = List.of(communityId);
        }
        return stations.inCommunities(filter).stream().map(Station::toInfo).toList();
    }

    /** The whole static view, also of a closed station. */
    StaticView detail(CurrentStaff staff, long id) {
        require(staff, id);
        return repo.staticView(id).orElseThrow(() -> new BizException(StationError.STATION_NOT_FOUND));
    }

    List<StationModel.OfferEntry> offers(CurrentStaff staff, long id) {
        require(staff, id);
        return repo.offers(id);
    }

    List<AuditEntry> auditOf(CurrentStaff staff, long stationId) {
        require(staff, stationId);
        return audit.latest(stationId);
    }

    @Transactional
    public StationInfo create(CurrentStaff staff, String code, long communityId, StationFields f) {
        staff.requireCommunity(communityId);
        if (communities.selectById(communityId) == null) {
            throw BizException.invalid("communityId", "社区不存在");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        Station s = new Station();
        s.setCode(code);
        s.setCommunityId(communityId);
        apply(s, f);
        s.setStatus(StationStatus.OPEN);
        s.setCreatedAt(now);
        s.setUpdatedAt(now);
        try {
            stations.insert(s);
        } catch (DuplicateKeyException e) {
            throw new BizException(StationError.STATION_CODE_TAKEN, StationError.STATION_CODE_TAKEN.message(), "code");
        }
        audit.record(staff, s.getId(), null, "STATION_CREATE", Map.of("code", code, "communityId", communityId, "fields", f));
        cache.evictAfterCommit(s.getId());
        return repo.info(s.getId()).orElseThrow();
    }

    @Transactional
    public StationInfo update(CurrentStaff staff, long id, StationFields f) {
        Station before = lock(staff, id);
        Map<String, Object[]> changes = new LinkedHashMap<>();
        diff(changes, "name", before.getName(), f.name());
        diff(changes, "address", before.getAddress(), f.address());
        diff(changes, "latitude", before.getLatitude(), f.latitude());
        diff(changes, "longitude", before.getLongitude(), f.longitude());
        diff(changes, "phone", before.getPhone(), f.phone());
        diff(changes, "buildType", before.getBuildType(), f.buildType());
        diff(changes, "coBuildingUnit", before.getCoBuildingUnit(), f.coBuildingUnit());
        diff(changes, "photoUrl", before.getPhotoUrl(), f.photoUrl());
        diff(changes, "notice", before.getNotice(), f.notice());
        boolean allow = f.allowUnverifiedCheckin() != null ? f.allowUnverifiedCheckin()
                : Boolean.TRUE.equals(before.getAllowUnverifiedCheckin());
        diff(changes, "allowUnverifiedCheckin", Boolean.TRUE.equals(before.getAllowUnverifiedCheckin()), allow);
        Station after = new Station();
        after.setId(id);
        after.setVersion(before.getVersion());
        apply(after, f);
        after.setAllowUnverifiedCheckin(allow);
        after.setUpdatedAt(LocalDateTime.now(clock));
        changed(stations.updateDetails(after));
        audit.record(staff, id, null, "STATION_UPDATE", changes);
        cache.evictAfterCommit(id);
        return repo.info(id).orElseThrow();
    }

    @Transactional
    public StationInfo status(CurrentStaff staff, long id, StationStatus status, String notice) {
        Station before = lock(staff, id);
        changed(stations.updateStatus(id, before.getVersion(), status, notice, LocalDateTime.now(clock)));
        Map<String, Object[]> changes = new LinkedHashMap<>();
        diff(changes, "status", before.getStatus(), status);
        diff(changes, "notice", before.getNotice(), notice);
        audit.record(staff, id, null, "STATION_STATUS", changes);
        cache.evictAfterCommit(id);
        return repo.info(id).orElseThrow();
    }

    @Transactional
    public List<StationModel.Day> hours(CurrentStaff staff, long id, List<HoursWindow> windows) {
        lock(staff, id);
        List<StationModel.Day> before = repo.schedule(id);
        Set<String> seen = new HashSet<>();
        List<StationHours> rows = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            HoursWindow w = windows.get(i);
            if (!Weekday.isValid(w.dayOfWeek())) {
                throw BizException.invalid("windows[" + i + "].dayOfWeek", "应为1到7");
            }
            SlotKind kind = SlotKind.parse(w.kind());
            if (kind == null || !kind.allowedForHours()) {
                throw BizException.invalid("windows[" + i + "].kind", "应为REGULAR、EVENING_EXTRA或RED_WEEKEND");
            }
            LocalTime open = time("windows[" + i + "].start", w.start());
            LocalTime close = time("windows[" + i + "].end", w.end());
            if (!close.isAfter(open)) {
                throw BizException.invalid("windows[" + i + "].end", "结束时间要晚于开始时间");
            }
            if (!seen.add(w.dayOfWeek() + "@" + open)) {
                throw BizException.invalid("windows[" + i + "].start", "同一天有两个相同开始时间的时段");
            }
            rows.add(new StationHours(null, id, w.dayOfWeek(), open, close, kind));
        }
        hours.delete(new LambdaQueryWrapper<StationHours>().eq(StationHours::getStationId, id));
        if (!rows.isEmpty()) {
            hours.insertAll(rows);
        }
        stations.touch(id, LocalDateTime.now(clock));
        audit.record(staff, id, null, "STATION_HOURS", Map.of("before", before, "after", windows));
        cache.evictAfterCommit(id);
        return repo.schedule(id);
    }

    private static LocalTime time(String field, String v) {
        try {
            return LocalTime.parse(v);
        } catch (RuntimeException e) {
            throw BizException.invalid(field, "时间格式应为HH:mm");
        }
    }

    /** Sets the station's services in the given order (add, remove, reorder, notes and hours at once). */
    @Transactional
    public List<StationModel.ServiceEntry> services(CurrentStaff staff, long id, List<Offer> list) {
        lock(staff, id);
        List<Long> before = repo.services(id).stream().map(StationModel.ServiceEntry::id).toList();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            if (!seen.add(list.get(i).serviceId())) {
                throw BizException.invalid("services[" + i + "].serviceId", "服务重复");
            }
        }
        Set<Long> known = new HashSet<>();
        if (!seen.isEmpty()) {
            items.selectByIds(seen).forEach(s -> known.add(s.getId()));
        }
        List<StationOffer> rows = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Offer o = list.get(i);
            if (!known.contains(o.serviceId())) {
                throw new BizException(StationError.SERVICE_NOT_FOUND, "没有找到这项服务：" + o.serviceId(), "services[" + i + "].serviceId");
            }
            rows.add(new StationOffer(id, o.serviceId(), i + 1, o.note(), o.hours()));
        }
        offers.delete(new LambdaQueryWrapper<StationOffer>().eq(StationOffer::getStationId, id));
        if (!rows.isEmpty()) {
            offers.insertAll(rows);
        }
        stations.touch(id, LocalDateTime.now(clock));
        audit.record(staff, id, null, "STATION_SERVICES", Map.of("before", before, "after", list));
        cache.evictAfterCommit(id);
        return repo.services(id);
    }

    /** Locks the station's row until commit (serialises concurrent edits), then checks the staff member's scope. */
    private Station lock(CurrentStaff staff, long id) {
        Station s = stations.lock(id);
        if (s == null) {
            throw new BizException(StationError.STATION_NOT_FOUND, "没有找到这个驿站");
        }
        staff.requireCommunity(s.getCommunityId());
        return s;
    }

    /** Under the row lock the version cannot move; a miss means someone wrote around the lock. */
    private static void changed(int rows) {
        if (rows != 1) {
            throw new BizException(CommonError.CONFLICT, "驿站刚被其他人修改，请刷新后再试");
        }
    }

    private static void apply(Station s, StationFields f) {
        s.setName(f.name());
        s.setAddress(f.address());
        s.setLatitude(f.latitude());
        s.setLongitude(f.longitude());
        s.setPhone(f.phone());
        s.setBuildType(f.buildType());
        s.setCoBuildingUnit(f.coBuildingUnit());
        s.setPhotoUrl(f.photoUrl());
        s.setNotice(f.notice());
        s.setAllowUnverifiedCheckin(Boolean.TRUE.equals(f.allowUnverifiedCheckin()));
    }

    private static void diff(Map<String, Object[]> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.put(field, new Object[] {before, after});
        }
    }
}
