package org.redstation.common;

import io.swagger.v3.oas.annotations.Operation;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A trivial JSON endpoint: the baseline every benchmark compares against. */
@RestController
class PingController {
    @Operation(summary = "连通性检查（基准测试的对照接口）")
    @GetMapping("/api/ping")
    Map<String, Object> ping() {
        return Map.of("ok", true);
    }
}
