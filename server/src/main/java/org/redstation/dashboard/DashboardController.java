package org.redstation.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.redstation.auth.CurrentStaff;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "社区工作人员：数据看板")
class DashboardController {
    private final DashboardService dashboard;

    DashboardController(DashboardService dashboard) {
        this.dashboard = dashboard;
    }

    @Operation(summary = "数据看板：按街道、社区汇总（默认最近30天）；只含本人可查看的社区")
    @GetMapping("/api/staff/dashboard")
    Figures.Dashboard dashboard(CurrentStaff staff, @RequestParam(required = false) LocalDate from,
                                @RequestParam(required = false) LocalDate to, @RequestParam(required = false) Long communityId) {
        return dashboard.figures(staff, from, to, communityId);
    }
}
