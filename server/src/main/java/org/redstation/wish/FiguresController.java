package org.redstation.wish;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import org.redstation.auth.CurrentStaff;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monthly 民情 report (staff of the community, its street or the district). The figures themselves
 * (GET /api/staff/figures, /monthly) are served by the dashboard, which puts {@link WishFigures} beside duty's and
 * booking's figures.
 */
@RestController
@Tag(name = "数据统计（工作人员）")
class FiguresController {
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private final MonthlyReport report;

    FiguresController(MonthlyReport report) {
        this.report = report;
    }

    @GetMapping("/api/staff/figures/report")
    ResponseEntity<byte[]> report(CurrentStaff s, @RequestParam long communityId, @RequestParam YearMonth month) {
        MonthlyReport.Report r = report.build(s, communityId, month);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(r.filename(), StandardCharsets.UTF_8).build().toString())
                .body(r.bytes());
    }
}
