package org.redstation.wish;

import io.swagger.v3.oas.annotations.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.redstation.auth.CurrentStaff;
import org.redstation.wish.FiguresService.DistrictFigures;
import org.redstation.wish.FiguresService.MonthFigures;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The district's figures and the monthly 民情 report (staff; community staff see their own communities). */
@RestController
@Tag(name = "数据统计（工作人员）")
class FiguresController {
    static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    private final FiguresService figures;
    private final MonthlyReport report;

    FiguresController(FiguresService figures, MonthlyReport report) {
        this.figures = figures;
        this.report = report;
    }

    @GetMapping("/api/staff/figures")
    DistrictFigures figures(CurrentStaff s,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return figures.figures(s, from, to);
    }

    @GetMapping("/api/staff/figures/monthly")
    List<MonthFigures> monthly(CurrentStaff s, @RequestParam YearMonth from, @RequestParam YearMonth to,
                               @RequestParam(required = false) Long communityId) {
        return figures.monthly(s, from, to, communityId);
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
