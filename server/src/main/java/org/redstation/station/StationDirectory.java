package org.redstation.station;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;

/** {@link StationApi} straight from the database. */
@Service
class StationDirectory implements StationApi {
    private static final String SELECT = "SELECT s.id, s.code, s.name, s.community_id, c.name AS community_name, s.address, "
            + "s.latitude, s.longitude, s.status FROM station s JOIN community c ON c.id = s.community_id ";
    private static final RowMapper<StationRef> ROW = (rs, i) -> new StationRef(rs.getLong("id"), rs.getString("code"),
            rs.getString("name"), rs.getLong("community_id"), rs.getString("community_name"), rs.getString("address"),
            rs.getDouble("latitude"), rs.getDouble("longitude"), rs.getString("status"));
    private static final String COMMUNITY = "SELECT c.id, c.name, c.street_id, t.name AS street_name, c.phone "
            + "FROM community c JOIN street t ON t.id = c.street_id ";
    private static final RowMapper<CommunityRef> COMMUNITY_ROW = (rs, i) -> new CommunityRef(rs.getLong("id"),
            rs.getString("name"), rs.getLong("street_id"), rs.getString("street_name"), rs.getString("phone"));
    private static final String SERVICE = "SELECT si.id, si.name, si.category, si.usage_mode, si.enabled FROM service_item si ";
    private static final RowMapper<CatalogueService> SERVICE_ROW = (rs, i) -> new CatalogueService(rs.getLong("id"),
            rs.getString("name"), rs.getString("category"), UsageMode.valueOf(rs.getString("usage_mode")),
            rs.getBoolean("enabled"));
    private final JdbcTemplate jdbc;

    StationDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<StationRef> find(long stationId) {
        List<StationRef> r = jdbc.query(SELECT + "WHERE s.id = ?", ROW, stationId);
        return r.stream().findFirst();
    }

    @Override
    public Optional<StationRef> findByCode(String code) {
        List<StationRef> r = jdbc.query(SELECT + "WHERE s.code = ?", ROW, code);
        return r.stream().findFirst();
    }

    @Override
    public List<Nearby> nearby(double latitude, double longitude, int limit) {
        return nearby(latitude, longitude, limit, null);
    }

    /** Nearby stations, optionally only those offering a service. */
    List<Nearby> nearby(double latitude, double longitude, int limit, Long serviceId) {
        List<StationRef> all = serviceId == null
                ? jdbc.query(SELECT + "WHERE s.status <> 'CLOSED'", ROW)
                : jdbc.query(SELECT + "WHERE s.status <> 'CLOSED' AND EXISTS (SELECT 1 FROM station_service ss "
                        + "WHERE ss.station_id = s.id AND ss.service_id = ?)", ROW, serviceId);
        return all.stream()
                .map(s -> new Nearby(s, Geo.distanceMeters(latitude, longitude, s.latitude(), s.longitude())))
                .sorted(java.util.Comparator.comparingInt(Nearby::distanceMeters))
                .limit(limit)
                .toList();
    }

    @Override
    public List<StationRef> search(String keyword, int limit) {
        String like = like(keyword);
        return jdbc.query(SELECT + "WHERE s.status <> 'CLOSED' AND (s.name LIKE ? OR s.address LIKE ? OR c.name LIKE ?) "
                + "ORDER BY s.id LIMIT ?", ROW, like, like, like, limit);
    }

    static String like(String keyword) {
        return "%" + keyword.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** Open or paused stations offering a service. */
    List<StationRef> offering(long serviceId) {
        return jdbc.query(SELECT + "JOIN station_service ss ON ss.station_id = s.id "
                + "WHERE s.status <> 'CLOSED' AND ss.service_id = ? ORDER BY s.id", ROW, serviceId);
    }

    @Override
    public Map<Long, StationRef> findAll(Collection<Long> stationIds) {
        Map<Long, StationRef> out = new LinkedHashMap<>();
        if (!stationIds.isEmpty()) {
            jdbc.query(SELECT + "WHERE s.id IN (" + marks(stationIds) + ")", ROW, stationIds.toArray())
                    .forEach(r -> out.put(r.id(), r));
        }
        return out;
    }

    @Override
    public Optional<CommunityRef> community(long communityId) {
        return jdbc.query(COMMUNITY + "WHERE c.id = ?", COMMUNITY_ROW, communityId).stream().findFirst();
    }

    @Override
    public Map<Long, CommunityRef> communities(Collection<Long> communityIds) {
        Map<Long, CommunityRef> out = new LinkedHashMap<>();
        if (!communityIds.isEmpty()) {
            jdbc.query(COMMUNITY + "WHERE c.id IN (" + marks(communityIds) + ")", COMMUNITY_ROW, communityIds.toArray())
                    .forEach(r -> out.put(r.id(), r));
        }
        return out;
    }

    @Override
    public List<CommunityRef> communitiesOfStreet(long streetId) {
        return jdbc.query(COMMUNITY + "WHERE c.street_id = ? ORDER BY c.name", COMMUNITY_ROW, streetId);
    }

    @Override
    public Optional<CatalogueService> service(long serviceId) {
        return jdbc.query(SERVICE + "WHERE si.id = ?", SERVICE_ROW, serviceId).stream().findFirst();
    }

    @Override
    public Map<Long, CatalogueService> services(Collection<Long> serviceIds) {
        Map<Long, CatalogueService> out = new LinkedHashMap<>();
        if (!serviceIds.isEmpty()) {
            jdbc.query(SERVICE + "WHERE si.id IN (" + marks(serviceIds) + ")", SERVICE_ROW, serviceIds.toArray())
                    .forEach(r -> out.put(r.id(), r));
        }
        return out;
    }

    @Override
    public List<CatalogueService> offeredServices(long stationId) {
        return jdbc.query(SERVICE + "JOIN station_service ss ON ss.service_id = si.id WHERE ss.station_id = ? "
                + "ORDER BY ss.sort_order, si.id", SERVICE_ROW, stationId);
    }

    @Override
    public Optional<CatalogueService> offeredService(long stationId, long serviceId) {
        return jdbc.query(SERVICE + "JOIN station_service ss ON ss.service_id = si.id WHERE ss.station_id = ? AND si.id = ?",
                SERVICE_ROW, stationId, serviceId).stream().findFirst();
    }

    // Temporary: placeholders only, never values (replaced by the MyBatis-Plus mapper).
    private static String marks(Collection<?> ids) {
        return String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
    }
}
