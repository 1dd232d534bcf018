package org.redstation.duty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.redstation.auth.CurrentStaff;
import org.redstation.common.Xlsx;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "社区工作人员：党员与值班")
class DutyHoursController {
    private final DutyHoursExports hours;

    DutyHoursController(DutyHoursExports hours) {
        this.hours = hours;
    }

    @Operation(summary = "某年的服务时长：按党员、按党组织（年度评议）")
    @GetMapping("/api/staff/duty/hours/year")
    DutyHoursExports.YearHours year(CurrentStaff staff, @RequestParam(required = false) Integer year,
                                    @RequestParam(required = false) Long communityId) {
        return hours.hours(staff, communityId, year == null ? LocalDate.now().getYear() : year);
    }

    @Operation(summary = "某年的服务时长导出（.xlsx，两张表：按党员、按党组织）")
    @GetMapping("/api/staff/duty/hours.xlsx")
    ResponseEntity<byte[]> export(CurrentStaff staff, @RequestParam(required = false) Integer year,
                                  @RequestParam(required = false) Long communityId) {
        DutyHoursExports.YearHours h = hours.hours(staff, communityId, year == null ? LocalDate.now().getYear() : year);
        return Xlsx.download(h.year() + "年党员服务时长", hours.sheets(h));
    }
}
