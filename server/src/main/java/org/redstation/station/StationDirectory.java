package org.redstation.station;

import java.util.List;
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
}
