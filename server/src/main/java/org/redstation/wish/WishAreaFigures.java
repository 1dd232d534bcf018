package org.redstation.wish;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The needs and volunteer figures of one community, street or the whole district (sums are exact; averages weighted).
 * Public API: the dashboard puts them beside duty's and booking's figures (GET /api/staff/figures).
 */
public record WishAreaFigures(long needsCollected, long needsCompleted, long needsOpen, long needsCancelled, long needsEscalated,
               Double avgCompletionHours, Double avgRating, long rated, Double satisfactionRate, long projects,
               long projectsCompleted, long teams, long volunteers, long activities, long signups, long attendance,
               double volunteerHours) {

    public static final WishAreaFigures ZERO = new WishAreaFigures(0, 0, 0, 0, 0, null, null, 0, null, 0, 0, 0, 0, 0, 0, 0, 0);

    /** Raw numbers collected per community before the averages are taken. */
    static final class Acc {
        long collected, completed, open, cancelled, escalated, rated, satisfied, projects, projectsCompleted, teams,
                volunteers, activities, signups, attended, minutes, completionSamples;
        double completionMinutesSum, ratingSum;

        void addWish(Map<String, Object> r) {
            collected += n(r, "collected");
            long c = n(r, "completed");
            completed += c;
            open += n(r, "open_items");
            cancelled += n(r, "cancelled");
            escalated += n(r, "escalated");
            Object cm = r.get("completion_minutes");
            if (cm != null) {
                completionMinutesSum += ((Number) cm).doubleValue() * c;
                completionSamples += c;
            }
            long rt = n(r, "rated");
            rated += rt;
            Object avg = r.get("rating");
            if (avg != null) {
                ratingSum += ((Number) avg).doubleValue() * rt;
            }
            satisfied += n(r, "satisfied");
        }

        void addProjects(Map<String, Object> r) {
            projects += n(r, "projects");
            projectsCompleted += n(r, "projects_completed");
        }

        void addTeams(Map<String, Object> r) {
            teams += n(r, "teams");
            volunteers += n(r, "volunteers");
        }

        void addActivities(Map<String, Object> r) {
            activities += n(r, "activities");
            signups += n(r, "signups");
            attended += n(r, "attended");
            minutes += n(r, "minutes");
        }

        void add(Acc o) {
            collected += o.collected; completed += o.completed; open += o.open; cancelled += o.cancelled;
            escalated += o.escalated; rated += o.rated; satisfied += o.satisfied; projects += o.projects;
            projectsCompleted += o.projectsCompleted; teams += o.teams; volunteers += o.volunteers;
            activities += o.activities; signups += o.signups; attended += o.attended; minutes += o.minutes;
            completionSamples += o.completionSamples; completionMinutesSum += o.completionMinutesSum; ratingSum += o.ratingSum;
        }

        WishAreaFigures figures() {
            return new WishAreaFigures(collected, completed, open, cancelled, escalated,
                    completionSamples == 0 ? null : round(completionMinutesSum / completionSamples / 60.0),
                    rated == 0 ? null : round(ratingSum / rated), rated,
                    rated == 0 ? null : round((double) satisfied / rated), projects, projectsCompleted, teams, volunteers,
                    activities, signups, attended, round(minutes / 60.0));
        }
    }

    static long n(Map<String, Object> r, String key) {
        Object v = r.get(key);
        return v == null ? 0 : ((Number) v).longValue();
    }

    static double round(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
