package org.redstation.station;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.redstation.auth.CurrentStaff;
import org.redstation.common.BizException;
import org.redstation.common.CommonError;
import org.redstation.station.StationModel.StationInfo;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Staff changes to stations and the service catalogue; every change is audited and evicts the cached views. */
@Service
class StationAdminService {
    private final StationRepository repo;
    private final JdbcTemplate jdbc;
    private final StationViewCache cache;
    private final ObjectMapper json;
    private final Clock clock;

    StationAdminService(StationRepository repo, StationViewCache cache, ObjectMapper json, Clock clock) {
        this.repo = repo;
        this.jdbc = repo.jdbc();
        this.cache = cache;
        this.json = json;
        this.clock = clock;
    }

    record StationFields(String name, String address, Double latitude, Double longitude, String phone, String buildType,
                         String coBuildingUnit, String photoUrl, String notice) {
    }

    record HoursWindow(int dayOfWeek, String start, String end, String kind) {
    }

    record Offer(long serviceId, String note, String hours) {
    }

    record ServiceFields(String name, String category, String description, String usageMode, Boolean enabled) {
    }

    record AuditEntry(long id, long staffId, String staffName, Long stationId, Long serviceId, String action,
                      String detail, String createdAt) {
    }

    /** The station (any status) after checking the staff member may manage its community. */
    StationInfo require(CurrentStaff staff, long id) {
        StationInfo s = repo.info(id).orElseThrow(() -> new BizException(StationError.STATION_NOT_FOUND, "没有找到这个驿站"));
        staff.requireCommunity(s.communityId());
        return s;
    }

    List<StationInfo> list(CurrentStaff staff, Long communityId) {
        Long c = staff.communityId() != null ? staff.communityId() : communityId;
        if (communityId != null) {
            staff.requireCommunity(communityId);
        }
        List<Long> ids = c == null ? jdbc.queryForList("SELECT id FROM station ORDER BY id", Long.class)
                : jdbc.queryForList("SELECT id FROM station WHERE community_id = ? ORDER BY id", Long.class, c);
        return ids.stream().map(id -> repo.info(id).orElseThrow()).toList();
    }

    @Transactional
    public StationInfo create(CurrentStaff staff, String code, long communityId, StationFields f) {
        staff.requireCommunity(communityId);
        Integer exists = jdbc.queryForObject("SELECT COUNT(*) FROM community WHERE id = ?", Integer.class, communityId);
        if (exists == null || exists == 0) {
            throw BizException.invalid("communityId", "社区不存在");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement("INSERT INTO station (code, community_id, name, address, latitude, "
                        + "longitude, phone, build_type, co_building_unit, photo_url, status, notice, created_at, updated_at) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?,'OPEN',?,?,?)", Statement.RETURN_GENERATED_KEYS);
                ps.setString(1, code);
                ps.setLong(2, communityId);
                ps.setString(3, f.name());
                ps.setString(4, f.address());
                ps.setDouble(5, f.latitude());
                ps.setDouble(6, f.longitude());
                ps.setString(7, f.phone());
                ps.setString(8, f.buildType());
                ps.setString(9, f.coBuildingUnit());
                ps.setString(10, f.photoUrl());
                ps.setString(11, f.notice());
                ps.setObject(12, now);
                ps.setObject(13, now);
                return ps;
            }, key);
        } catch (DuplicateKeyException e) {
            throw new BizException(StationError.STATION_CODE_TAKEN, StationError.STATION_CODE_TAKEN.message(), "code");
        }
        long id = key.getKey().longValue();
        audit(staff, id, null, "STATION_CREATE", Map.of("code", code, "communityId", communityId, "fields", f));
        evictAfterCommit(id);
        return repo.info(id).orElseThrow();
    }

    @Transactional
    public StationInfo update(CurrentStaff staff, long id, StationFields f) {
        StationInfo before = require(staff, id);
        lock(id);
        Map<String, Object[]> changes = new LinkedHashMap<>();
        diff(changes, "name", before.name(), f.name());
        diff(changes, "address", before.address(), f.address());
        diff(changes, "latitude", before.latitude(), f.latitude());
        diff(changes, "longitude", before.longitude(), f.longitude());
        diff(changes, "phone", before.phone(), f.phone());
        diff(changes, "buildType", before.buildType(), f.buildType());
        diff(changes, "coBuildingUnit", before.coBuildingUnit(), f.coBuildingUnit());
        diff(changes, "photoUrl", before.photoUrl(), f.photoUrl());
        diff(changes, "notice", before.notice(), f.notice());
        jdbc.update("UPDATE station SET name = ?, address = ?, latitude = ?, longitude = ?, phone = ?, build_type = ?, "
                        + "co_building_unit = ?, photo_url = ?, notice = ?, version = version + 1, updated_at = ? WHERE id = ?",
                f.name(), f.address(), f.latitude(), f.longitude(), f.phone(), f.buildType(), f.coBuildingUnit(),
                f.photoUrl(), f.notice(), LocalDateTime.now(clock), id);
        audit(staff, id, null, "STATION_UPDATE", changes);
        evictAfterCommit(id);
        return repo.info(id).orElseThrow();
    }

    @Transactional
    public StationInfo status(CurrentStaff staff, long id, String status, String notice) {
        StationInfo before = require(staff, id);
        lock(id);
        jdbc.update("UPDATE station SET status = ?, notice = ?, version = version + 1, updated_at = ? WHERE id = ?",
                status, notice, LocalDateTime.now(clock), id);
        Map<String, Object[]> changes = new LinkedHashMap<>();
        diff(changes, "status", before.status(), status);
        diff(changes, "notice", before.notice(), notice);
        audit(staff, id, null, "STATION_STATUS", changes);
        evictAfterCommit(id);
        return repo.info(id).orElseThrow();
    }

    @Transactional
    public List<StationModel.Day> hours(CurrentStaff staff, long id, List<HoursWindow> windows) {
        require(staff, id);
        lock(id);
        List<StationModel.Day> before = repo.schedule(id);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < windows.size(); i++) {
            HoursWindow w = windows.get(i);
            LocalTime open = time("windows[" + i + "].start", w.start());
            LocalTime close = time("windows[" + i + "].end", w.end());
            if (!close.isAfter(open)) {
                throw BizException.invalid("windows[" + i + "].end", "结束时间要晚于开始时间");
            }
            if (!seen.add(w.dayOfWeek() + "@" + open)) {
                throw BizException.invalid("windows[" + i + "].start", "同一天有两个相同开始时间的时段");
            }
        }
        jdbc.update("DELETE FROM station_hours WHERE station_id = ?", id);
        for (HoursWindow w : windows) {
            jdbc.update("INSERT INTO station_hours (station_id, day_of_week, open_time, close_time, kind) VALUES (?,?,?,?,?)",
                    id, w.dayOfWeek(), LocalTime.parse(w.start()), LocalTime.parse(w.end()), w.kind());
        }
        touch(id);
        audit(staff, id, null, "STATION_HOURS", Map.of("before", before, "after", windows));
        evictAfterCommit(id);
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
    public List<StationModel.ServiceEntry> services(CurrentStaff staff, long id, List<Offer> offers) {
        require(staff, id);
        lock(id);
        List<Long> before = repo.services(id).stream().map(StationModel.ServiceEntry::id).toList();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < offers.size(); i++) {
            long sid = offers.get(i).serviceId();
            if (!seen.add(sid)) {
                throw BizException.invalid("services[" + i + "].serviceId", "服务重复");
            }
            Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM service_item WHERE id = ?", Integer.class, sid);
            if (n == null || n == 0) {
                throw new BizException(StationError.SERVICE_NOT_FOUND, "没有找到这项服务：" + sid, "services[" + i + "].serviceId");
            }
        }
        jdbc.update("DELETE FROM station_service WHERE station_id = ?", id);
        int order = 1;
        for (Offer o : offers) {
            jdbc.update("INSERT INTO station_service (station_id, service_id, sort_order, note, hours) VALUES (?,?,?,?,?)",
                    id, o.serviceId(), order++, o.note(), o.hours());
        }
        touch(id);
        audit(staff, id, null, "STATION_SERVICES", Map.of("before", before, "after", offers));
        evictAfterCommit(id);
        return repo.services(id);
    }

    List<Map<String, Object>> catalogue() {
        return jdbc.queryForList("SELECT id, name, category, description, usage_mode AS usageMode, enabled FROM service_item ORDER BY id");
    }

    @Transactional
    public Map<String, Object> createService(CurrentStaff staff, ServiceFields f) {
        staff.requireAdmin();
        LocalDateTime now = LocalDateTime.now(clock);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.update(con -> {
                PreparedStatement ps = con.prepareStatement("INSERT INTO service_item (name, category, description, usage_mode, "
                        + "enabled, created_at, updated_at) VALUES (?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS);
                ps.setString(1, f.name());
                ps.setString(2, f.category());
                ps.setString(3, f.description());
                ps.setString(4, f.usageMode());
                ps.setBoolean(5, f.enabled() == null || f.enabled());
                ps.setObject(6, now);
                ps.setObject(7, now);
                return ps;
            }, key);
        } catch (DuplicateKeyException e) {
            throw new BizException(StationError.SERVICE_NAME_TAKEN, StationError.SERVICE_NAME_TAKEN.message(), "name");
        }
        long id = key.getKey().longValue();
        audit(staff, null, id, "SERVICE_CREATE", f);
        return service(id);
    }

    @Transactional
    public Map<String, Object> updateService(CurrentStaff staff, long id, ServiceFields f) {
        staff.requireAdmin();
        Map<String, Object> before = service(id);
        try {
            jdbc.update("UPDATE service_item SET name = ?, category = ?, description = ?, usage_mode = ?, enabled = ?, "
                    + "updated_at = ? WHERE id = ?", f.name(), f.category(), f.description(), f.usageMode(),
                    f.enabled() == null || f.enabled(), LocalDateTime.now(clock), id);
        } catch (DuplicateKeyException e) {
            throw new BizException(StationError.SERVICE_NAME_TAKEN, StationError.SERVICE_NAME_TAKEN.message(), "name");
        }
        audit(staff, null, id, "SERVICE_UPDATE", Map.of("before", before, "after", f));
        repo.stationsOffering(id).forEach(this::evictAfterCommit);
        return service(id);
    }

    private Map<String, Object> service(long id) {
        List<Map<String, Object>> r = jdbc.queryForList("SELECT id, name, category, description, usage_mode AS usageMode, "
                + "enabled FROM service_item WHERE id = ?", id);
        if (r.isEmpty()) {
            throw new BizException(StationError.SERVICE_NOT_FOUND);
        }
        return r.get(0);
    }

    List<AuditEntry> auditOf(CurrentStaff staff, long stationId) {
        require(staff, stationId);
        return jdbc.query("SELECT * FROM station_audit WHERE station_id = ? ORDER BY id DESC LIMIT 200", (rs, i) -> new AuditEntry(
                rs.getLong("id"), rs.getLong("staff_id"), rs.getString("staff_name"), (Long) rs.getObject("station_id", Long.class),
                (Long) rs.getObject("service_id", Long.class), rs.getString("action"), rs.getString("detail"),
                rs.getObject("created_at", LocalDateTime.class).toString()), stationId);
    }

    /** Serialises concurrent edits of one station (row lock until commit). */
    private void lock(long id) {
        jdbc.queryForObject("SELECT id FROM station WHERE id = ? FOR UPDATE", Long.class, id);
    }

    private void touch(long id) {
        jdbc.update("UPDATE station SET version = version + 1, updated_at = ? WHERE id = ?", LocalDateTime.now(clock), id);
    }

    private static void diff(Map<String, Object[]> changes, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changes.put(field, new Object[] {before, after});
        }
    }

    private void audit(CurrentStaff staff, Long stationId, Long serviceId, String action, Object detail) {
        String d;
        try {
            d = json.writeValueAsString(detail);
        } catch (JsonProcessingException e) {
            d = String.valueOf(detail);
        }
        jdbc.update("INSERT INTO station_audit (staff_id, staff_name, station_id, service_id, action, detail, created_at) "
                + "VALUES (?,?,?,?,?,?,?)", staff.id(), staff.username(), stationId, serviceId, action, d, LocalDateTime.now(clock));
    }

    /** Evict the cached view once the change is committed (never before: a reader could cache the old row again). */
    private void evictAfterCommit(long id) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    cache.evict(id);
                }
            });
        } else {
            cache.evict(id);
        }
    }
}
