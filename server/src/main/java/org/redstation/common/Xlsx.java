package org.redstation.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Real .xlsx files for staff exports (fastexcel's streaming writer): sheets of a header row and value rows,
 * answered as a download with a Chinese file name. Numbers stay numbers, so totals can be summed in Excel.
 */
public final class Xlsx {
    public static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private Xlsx() {
    }

    /** One sheet: a name (at most 31 characters), the column titles and the rows (String, Number, LocalDate/Time, Boolean or null). */
    public record Sheet(String name, List<String> headers, List<List<?>> rows) {
    }

    public static byte[] write(List<Sheet> sheets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "RedStation", "1.0");
            for (Sheet s : sheets) {
                Worksheet ws = wb.newWorksheet(s.name().length() > 31 ? s.name().substring(0, 31) : s.name());
                for (int c = 0; c < s.headers().size(); c++) {
                    ws.value(0, c, s.headers().get(c));
                    ws.style(0, c).bold().fillColor("F3D6D6").set();
                    ws.width(c, Math.max(10, s.headers().get(c).length() * 2.6 + 2));
                }
                int r = 1;
                for (List<?> row : s.rows()) {
                    for (int c = 0; c < row.size(); c++) {
                        cell(ws, r, c, row.get(c));
                    }
                    r++;
                }
                ws.freezePane(0, 1);
            }
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void cell(Worksheet ws, int r, int c, Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof Number n) {
            ws.value(r, c, n);
        } else if (v instanceof Boolean b) {
            ws.value(r, c, b ? "是" : "否");
        } else if (v instanceof LocalDateTime t) {
            ws.value(r, c, t);
            ws.style(r, c).format("yyyy-mm-dd hh:mm").set();
        } else if (v instanceof LocalDate d) {
            ws.value(r, c, d);
            ws.style(r, c).format("yyyy-mm-dd").set();
        } else {
            ws.value(r, c, v.toString());
        }
    }

    /** The workbook as a download; {@code filename} without extension, may be Chinese (RFC 5987). */
    public static ResponseEntity<byte[]> download(String filename, List<Sheet> sheets) {
        String encoded = URLEncoder.encode(filename + ".xlsx", StandardCharsets.UTF_8).replace("+", "%20");
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"export.xlsx\"; filename*=UTF-8''" + encoded)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(write(sheets));
    }
}
