package org.redstation.dashboard;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.redstation.auth.CurrentStaff;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The district's figures (the ones the article reports) per community, street and district, and month by month. */
@RestController
@Tag(name = "数据统计（工作人员）")
class AreaFiguresController {
    private final AreaFiguresService figures;

    AreaFiguresController(AreaFiguresService figures) {
        this.figures = figures;
    }

    @Operation(summary = "全区数据：需求、项目、志愿者、资源清单、报到党员、预约与到场、服务时长；按社区、街道、全区（只含本人可查看的社区）")
    @GetMapping("/api/staff/figures")
    AreaFigures.District figures(CurrentStaff s,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                 @RequestParam(required = false) Long communityId) {
        return figures.figures(s, from, to, communityId);
    }

    @Operation(summary = "按月数据（最多36个月）")
    @GetMapping("/api/staff/figures/monthly")
    List<AreaFigures.Month> monthly(CurrentStaff s, @RequestParam YearMonth from, @RequestParam YearMonth to,
                                    @RequestParam(required = false) Long communityId) {
        return figures.monthly(s, from, to, communityId);
    }
}
