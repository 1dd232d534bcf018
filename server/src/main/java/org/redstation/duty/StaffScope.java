package org.redstation.duty;

import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import org.redstation.auth.CurrentStaff;

/** The one way duty's staff lists apply {@link CurrentStaff}: a community asked for is checked, else the staff scope. */
final class StaffScope {
    private StaffScope() {
    }

    /**
     * Runs a list query over the communities the request covers: {@code requested} (after requireCommunity) or the
     * staff member's scope; the query gets null for "all communities" (the mapper then leaves out the IN filter).
     */
    static <T> List<T> list(CurrentStaff staff, Long requested, Function<Collection<Long>, List<T>> query) {
        if (requested != null) {
            staff.requireCommunity(requested);
            return query.apply(List.of(requested));
        }
        List<Long> scope = staff.scope().orElse(null);
        if (scope != null && scope.isEmpty()) {
            return List.of(); // IN () is not SQL; an empty scope sees nothing
        }
        return query.apply(scope);
    }
}
