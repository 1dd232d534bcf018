package org.redstation.station;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Streets (街道/镇) and their communities for residents' pickers (党员报到). Public; one statement. */
@RestController
@Tag(name = "驿站（居民）")
class CommunityController {
    private final StreetDirectory streets;

    CommunityController(StreetDirectory streets) {
        this.streets = streets;
    }

    @Operation(summary = "街道及其社区（党员报到选择社区）")
    @GetMapping("/api/streets")
    List<StreetDirectory.StreetItem> streets() {
        return streets.streets();
    }
}
