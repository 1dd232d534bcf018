package org.redstation.station;

import java.util.List;
import org.redstation.auth.CurrentStaff;
import org.springframework.stereotype.Service;

/**
 * The communities (with their street or town) a staff member may see: pickers of the console and the rows of the
 * dashboard. One statement: every community for district administrators, the scope's otherwise.
 */
@Service
public class StaffCommunities {
    private final CommunityMapper communities;

    StaffCommunities(CommunityMapper communities) {
        this.communities = communities;
    }

    public List<CommunityRef> inScope(CurrentStaff staff) {
        List<Long> scope = staff.scope().orElse(null);
        if (scope == null) {
            return communities.allJoined().stream().map(Community::toRef).toList();
        }
        return scope.isEmpty() ? List.of() : communities.findJoinedByIds(scope).stream().map(Community::toRef).toList();
    }
}
