package org.redstation.duty;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Duty's figures per community for the dashboard (public API): members reported and waiting, organisations,
 * resource-list items, service time in a period (also month by month), members on duty now. Five statements whatever
 * the number of communities. The caller applies the staff scope: {@code communities} null = every community, never empty.
 */
@org.springframework.stereotype.Service
public class DutyFigures {
    private final DutyFiguresMapper figures;

    DutyFigures(DutyFiguresMapper figures) {
        this.figures = figures;
    }

    public static final class CommunityDuty {
        public long membersReported;
        public long applicationsWaiting;
        public long generalBranches;
        public long branches;
        public long resourceItems;
        public long shiftsServed;
        public long serviceMinutes;
        public long onDutyNow;
    }

    /** Figures of [from, to] (service time by the shift's day) and of {@code now} (on duty). */
    public Map<Long, CommunityDuty> byCommunity(Collection<Long> communities, LocalDate from, LocalDate to, LocalDateTime now) {
        Map<Long, CommunityDuty> out = new HashMap<>();
        put(out, figures.members(communities), (d, r) -> {
            d.membersReported = r.getA();
            d.applicationsWaiting = r.getB();
        });
        put(out, figures.orgs(communities), (d, r) -> {
            d.generalBranches = r.getA();
            d.branches = r.getB();
        });
        put(out, figures.resources(communities), (d, r) -> d.resourceItems = r.getA());
        put(out, figures.served(communities, from.atStartOfDay(), to.plusDays(1).atStartOfDay()), (d, r) -> {
            d.shiftsServed = r.getA();
            d.serviceMinutes = r.getB();
        });
        put(out, figures.onDuty(communities, now), (d, r) -> d.onDutyNow = r.getA());
        return out;
    }

    /** Minutes of duty served per month ("2025-10" → minutes) of shifts starting in [from, to]; one statement. */
    public Map<String, Long> minutesByMonth(Collection<Long> communities, LocalDate from, LocalDate to) {
        Map<String, Long> out = new HashMap<>();
        figures.servedByMonth(communities, from.atStartOfDay(), to.plusDays(1).atStartOfDay())
                .forEach(r -> out.put(r.getMonth(), r.getMinutes()));
        return out;
    }

    private static void put(Map<Long, CommunityDuty> out, List<DutyFiguresMapper.CountRow> rows,
                            BiConsumer<CommunityDuty, DutyFiguresMapper.CountRow> set) {
        for (DutyFiguresMapper.CountRow r : rows) {
            set.accept(out.computeIfAbsent(r.getCommunityId(), k -> new CommunityDuty()), r);
        }
    }
}
