package org.redstation.wish;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.redstation.wish.AssigneeDirectory.Assignee;

/**
 * Orders suggested assignees for a need (pure function, unit-tested): skill or team field match first
 * (+100), then fewer open items (−15 each), more past completions (+5 each, at most +40), nearer the need's
 * station (−1 per 100 m, at most −30; unknown location: −10).
 */
final class AssigneeRanking {
    record Suggestion(String kind, String kindName, long id, String name, boolean skillMatch, long openItems,
                      long completed, Integer distanceMeters, int score) {
    }

    private AssigneeRanking() {
    }

    static List<Suggestion> rank(WishCategory category, Double lat, Double lng, List<Candidate> candidates,
                                 Map<String, Long> load, Map<String, Long> done, int limit) {
        return candidates.stream().map(c -> {
            String key = key(c.assignee().kind(), c.assignee().id());
            boolean match = c.teamCategory() != null ? category.matchesTeam(c.teamCategory())
                    : c.assignee().skills().stream().anyMatch(category::matchesSkill);
            long open = load.getOrDefault(key, 0L);
            long completed = done.getOrDefault(key, 0L);
            Integer distance = lat == null || c.assignee().latitude() == null ? null
                    : (int) Math.round(meters(lat, lng, c.assignee().latitude(), c.assignee().longitude()));
            int score = (match ? 100 : 0) - (int) (15 * open) + (int) Math.min(40, 5 * completed)
                    - (distance == null ? 10 : Math.min(30, distance / 100));
            return new Suggestion(c.assignee().kind().name(), c.assignee().kind().label(), c.assignee().id(),
                    c.assignee().name(), match, open, completed, distance, score);
        }).sorted(Comparator.comparingInt(Suggestion::score).reversed().thenComparing(Suggestion::name))
                .limit(limit).toList();
    }

    /** A candidate; {@code teamCategory} is set for volunteer teams (matched by field, not by skills). */
    record Candidate(Assignee assignee, TeamCategory teamCategory) {
    }

    static String key(AssigneeKind kind, Long id) {
        return kind + ":" + id;
    }

    static double meters(double lat1, double lng1, double lat2, double lng2) {
        double r = 6_371_000;
        double dLat = Math.toRadians(lat2 - lat1);
        double dLng = Math.toRadians(lng2 - lng1);
        double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2))
                * Math.sin(dLng / 2) * Math.sin(dLng / 2);
        return 2 * r * Math.asin(Math.sqrt(a));
    }
}
