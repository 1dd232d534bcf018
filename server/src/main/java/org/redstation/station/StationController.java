package org.redstation.station;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.redstation.auth.AuthOptional;
import org.redstation.auth.CurrentUser;
import org.redstation.common.BizException;
import org.redstation.station.StationModel.SearchResult;
import org.redstation.station.StationModel.StationCard;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What residents see: the station view (by QR scene or id), nearby stations, search. All public. */
@RestController
@Tag(name = "驿站（居民）")
class StationController {
    private static final MediaType JSON = MediaType.parseMediaType("application/json;charset=UTF-8");
    private final StationViewService views;
    private final StationFinder finder;

    StationController(StationViewService views, StationFinder finder) {
        this.views = views;
        this.finder = finder;
    }

    @Operation(summary = "扫码打开驿站：scene 为 st=<驿站编号>")
    @GetMapping("/api/stations/scan")
    ResponseEntity<byte[]> scan(@AuthOptional CurrentUser user, @RequestParam String scene) {
        return ResponseEntity.ok().contentType(JSON).body(views.viewByScene(scene));
    }

    @Operation(summary = "驿站详情：服务、开放时间、今日值班、可预约时段")
    @GetMapping("/api/stations/{id}")
    ResponseEntity<byte[]> view(@AuthOptional CurrentUser user, @PathVariable long id) {
        return ResponseEntity.ok().contentType(JSON).body(views.view(id));
    }

    @Operation(summary = "附近的驿站（按距离排序，可按服务筛选）")
    @GetMapping("/api/stations/nearby")
    List<StationCard> nearby(@AuthOptional CurrentUser user, @RequestParam String lat, @RequestParam String lng,
                             @RequestParam(required = false) Long serviceId,
                             @RequestParam(required = false, defaultValue = "10") int limit) {
        double la = coordinate("lat", lat, 90, "纬度");
        double ln = coordinate("lng", lng, 180, "经度");
        return finder.nearby(la, ln, limit, serviceId);
    }

    private static double coordinate(String field, String raw, double max, String name) {
        double v;
        try {
            v = Double.parseDouble(raw.trim());
        } catch (NumberFormatException e) {
            throw BizException.invalid(field, name + "格式不正确");
        }
        if (Double.isNaN(v) || v < -max || v > max) {
            throw BizException.invalid(field, name + "超出范围（-" + (int) max + "到" + (int) max + "）");
        }
        return v;
    }

    @Operation(summary = "按关键字搜索驿站和服务")
    @GetMapping("/api/stations/search")
    SearchResult search(@AuthOptional CurrentUser user, @RequestParam String q) {
        return finder.search(q);
    }
}
