package org.redstation.wish;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.redstation.station.CommunityRef;
import org.redstation.station.StationApi;
import org.springframework.stereotype.Service;

/**
 * Public API: the figures of needs (群众点单、社区派单、单位接单) and volunteer service per community, street and district,
 * and month by month. The caller (the dashboard's combined figures) has applied the staff scope: {@code scope} null =
 * every community, never empty. A fixed number of statements whatever the data.
 */
@Service
public class WishFigures {
    private final WishMapper wishes;
    private final WishProjectMapper projects;
    private final VolunteerTeamMapper teams;
    private final VolunteerActivityMapper activities;
    private final StationApi stations;

    WishFigures(WishMapper wishes, WishProjectMapper projects, VolunteerTeamMapper teams,
                VolunteerActivityMapper activities, StationApi stations) {
        this.wishes = wishes;
        this.projects = projects;
        this.teams = teams;
        this.activities = activities;
        this.stations = stations;
    }

    public record CommunityFigures(long communityId, String communityName, WishAreaFigures figures) {
    }

    public record StreetFigures(long streetId, String streetName, WishAreaFigures figures, List<CommunityFigures> communities) {
    }

    public record DistrictFigures(LocalDate from, LocalDate to, WishAreaFigures district, List<StreetFigures> streets) {
    }

    public record MonthFigures(String month, long needsCollected, long needsCompleted, Double avgCompletionHours, Double avgRating,
                               long attendance, double volunteerHours) {
    }

    /**
     * Figures of needs posted (and activities held) in [from, to], dates inclusive (null = unbounded), per community
     * of {@code scope}; {@code rows}: communities that get a row even without any need or team.
     */
    public DistrictFigures figures(Collection<Long> scope, Collection<Long> rows, LocalDate from, LocalDate to) {
        LocalDateTime f = from == null ? null : from.atStartOfDay();
        LocalDateTime t = to == null ? null : to.plusDays(1).atStartOfDay();
        Map<Long, WishAreaFigures.Acc> per = new TreeMap<>();
        collect(per, wishes.figuresByCommunity(f, t, scope), WishAreaFigures.Acc::addWish);
        collect(per, projects.figuresByCommunity(f, t, scope), WishAreaFigures.Acc::addProjects);
        collect(per, teams.figuresByCommunity(scope), WishAreaFigures.Acc::addTeams);
        collect(per, activities.figuresByCommunity(f, t, scope), WishAreaFigures.Acc::addActivities);
        if (rows != null) {
            rows.forEach(id -> per.computeIfAbsent(id, k -> new WishAreaFigures.Acc()));
        }
        Map<Long, CommunityRef> names = per.isEmpty() ? Map.of() : stations.communities(per.keySet());
        Map<Long, List<CommunityFigures>> byStreet = new LinkedHashMap<>();
        Map<Long, WishAreaFigures.Acc> streetAcc = new LinkedHashMap<>();
        Map<Long, String> streetNames = new LinkedHashMap<>();
        WishAreaFigures.Acc district = new WishAreaFigures.Acc();
        per.forEach((id, acc) -> {
            CommunityRef c = names.get(id);
            long street = c == null ? 0 : c.streetId();
            streetNames.putIfAbsent(street, c == null ? "未知街道" : c.streetName());
            byStreet.computeIfAbsent(street, k -> new ArrayList<>())
                    .add(new CommunityFigures(id, c == null ? null : c.name(), acc.figures()));
            streetAcc.computeIfAbsent(street, k -> new WishAreaFigures.Acc()).add(acc);
            district.add(acc);
        });
        // a volunteer in teams of two communities is one volunteer of the district
        district.volunteers = teams.distinctVolunteers(scope);
        List<StreetFigures> streets = byStreet.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new StreetFigures(e.getKey(), streetNames.get(e.getKey()), streetAcc.get(e.getKey()).figures(), e.getValue()))
                .toList();
        return new DistrictFigures(from, to, district.figures(), streets);
    }

    private static void collect(Map<Long, WishAreaFigures.Acc> per, List<Map<String, Object>> rows,
                                BiConsumer<WishAreaFigures.Acc, Map<String, Object>> add) {
        for (Map<String, Object> r : rows) {
            add.accept(per.computeIfAbsent(WishAreaFigures.n(r, "community"), k -> new WishAreaFigures.Acc()), r);
        }
    }

    /** Month by month from {@code from} to {@code to} (inclusive; the caller bounds the range). */
    public List<MonthFigures> monthly(Collection<Long> scope, YearMonth from, YearMonth to) {
        LocalDateTime f = from.atDay(1).atStartOfDay();
        LocalDateTime t = to.plusMonths(1).atDay(1).atStartOfDay();
        Map<String, Map<String, Object>> collected = byMonth(wishes.collectedByMonth(f, t, scope));
        Map<String, Map<String, Object>> completed = byMonth(wishes.completedByMonth(f, t, scope));
        Map<String, Map<String, Object>> hours = byMonth(activities.minutesByMonth(f, t, scope));
        List<MonthFigures> out = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            String k = m.toString();
            Map<String, Object> c = collected.getOrDefault(k, Map.of());
            Map<String, Object> d = completed.getOrDefault(k, Map.of());
            Map<String, Object> h = hours.getOrDefault(k, Map.of());
            Object cm = d.get("completion_minutes");
            Object rt = d.get("rating");
            out.add(new MonthFigures(k, WishAreaFigures.n(c, "collected"), WishAreaFigures.n(d, "completed"),
                    cm == null ? null : WishAreaFigures.round(((Number) cm).doubleValue() / 60.0),
                    rt == null ? null : WishAreaFigures.round(((Number) rt).doubleValue()), WishAreaFigures.n(h, "attended"),
                    WishAreaFigures.round(WishAreaFigures.n(h, "minutes") / 60.0)));
        }
        return out;
    }

    private static Map<String, Map<String, Object>> byMonth(List<Map<String, Object>> rows) {
        Map<String, Map<String, Object>> m = new LinkedHashMap<>();
        rows.forEach(r -> m.put(String.valueOf(r.get("month")), r));
        return m;
    }
}
