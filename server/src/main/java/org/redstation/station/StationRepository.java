package org.redstation.station;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.redstation.station.StationModel.Day;
import org.redstation.station.StationModel.ServiceEntry;
import org.redstation.station.StationModel.ServiceGroup;
import org.redstation.station.StationModel.StaticView;
import org.redstation.station.StationModel.StationInfo;
import org.redstation.station.StationModel.Window;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads of stations, hours and services (hand-written SQL). */
@Repository
class StationRepository {
    private final JdbcTemplate jdbc;

    StationRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    JdbcTemplate jdbc() {
        return jdbc;
    }

    Optional<StationInfo> info(long id) {
        List<StationInfo> r = jdbc.query("SELECT s.*, c.name AS community_name, c.phone AS community_phone, "
                + "st.name AS street_name FROM station s JOIN community c ON c.id = s.community_id "
                + "JOIN street st ON st.id = c.street_id WHERE s.id = ?", StationRepository::info, id);
        return r.stream().findFirst();
    }

    private static StationInfo info(ResultSet rs, int i) throws SQLException {
        String bt = rs.getString("build_type");
        String status = rs.getString("status");
        return new StationInfo(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("street_name"),
                rs.getLong("community_id"), rs.getString("community_name"), rs.getString("community_phone"),
                rs.getString("address"), rs.getDouble("latitude"), rs.getDouble("longitude"), rs.getString("phone"), bt,
                StationModel.BUILD_TYPES.getOrDefault(bt, bt), rs.getString("co_building_unit"), rs.getString("photo_url"),
                status, StationModel.STATUSES.getOrDefault(status, status), rs.getString("notice"));
    }

    /** id and status of the station with this code. */
    Optional<Map.Entry<Long, String>> idByCode(String code) {
        List<Map.Entry<Long, String>> r = jdbc.query("SELECT id, status FROM station WHERE code = ?",
                (rs, i) -> Map.entry(rs.getLong("id"), rs.getString("status")), code);
        return r.stream().findFirst();
    }

    List<Day> schedule(long stationId) {
        Map<Integer, List<Window>> byDay = new LinkedHashMap<>();
        for (int d = 1; d <= 7; d++) {
            byDay.put(d, new ArrayList<>());
        }
        jdbc.query("SELECT day_of_week, open_time, close_time, kind FROM station_hours WHERE station_id = ? "
                + "ORDER BY day_of_week, open_time", rs -> {
            String kind = rs.getString("kind");
            byDay.get(rs.getInt("day_of_week")).add(new Window(hhmm(rs.getObject("open_time", LocalTime.class)),
                    hhmm(rs.getObject("close_time", LocalTime.class)), kind, StationModel.KINDS.getOrDefault(kind, kind)));
        }, stationId);
        List<Day> days = new ArrayList<>();
        byDay.forEach((d, w) -> days.add(new Day(d, StationModel.DAY_NAMES[d], List.copyOf(w))));
        return days;
    }

    static String hhmm(LocalTime t) {
        int h = t.getHour();
        int m = t.getMinute();
        return new String(new char[] {(char) ('0' + h / 10), (char) ('0' + h % 10), ':', (char) ('0' + m / 10), (char) ('0' + m % 10)});
    }

    List<ServiceEntry> services(long stationId) {
        return jdbc.query("SELECT si.id, si.name, si.category, si.description, si.usage_mode, ss.note, ss.hours "
                + "FROM station_service ss JOIN service_item si ON si.id = ss.service_id "
                + "WHERE ss.station_id = ? AND si.enabled = 1 ORDER BY ss.sort_order, si.id", (rs, i) -> {
            String mode = rs.getString("usage_mode");
            return new ServiceEntry(rs.getLong("id"), rs.getString("name"), rs.getString("category"),
                    rs.getString("description"), mode, StationModel.USAGE.getOrDefault(mode, mode), rs.getString("note"),
                    rs.getString("hours"));
        }, stationId);
    }

    Optional<StaticView> staticView(long id) {
        return info(id).map(info -> {
            List<ServiceEntry> services = services(id);
            Map<String, List<ServiceEntry>> groups = new LinkedHashMap<>();
            for (ServiceEntry s : services) {
                groups.computeIfAbsent(s.category(), k -> new ArrayList<>()).add(s);
            }
            List<ServiceGroup> g = groups.entrySet().stream().map(e -> new ServiceGroup(e.getKey(), e.getValue())).toList();
            boolean bookable = services.stream().anyMatch(s -> "BOOKABLE".equals(s.usageMode()));
            return new StaticView(info, info.notice(), schedule(id), g, services.size(), bookable);
        });
    }

    /** Ids of stations that offer a service (to evict their cached views). */
    List<Long> stationsOffering(long serviceId) {
        return jdbc.queryForList("SELECT station_id FROM station_service WHERE service_id = ?", Long.class, serviceId);
    }
}
