package org.redstation.station;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.redstation.auth.CurrentStaff;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "社区工作人员：驿站")
class StaffCommunityController {
    private final StaffCommunities communities;

    StaffCommunityController(StaffCommunities communities) {
        this.communities = communities;
    }

    @Operation(summary = "可查看的社区（含所属街道/镇），供选择社区与街道")
    @GetMapping("/api/staff/communities")
    List<CommunityRef> communities(CurrentStaff staff) {
        return communities.inScope(staff);
    }
}
