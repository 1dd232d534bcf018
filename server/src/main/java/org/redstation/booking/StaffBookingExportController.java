package org.redstation.booking;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.redstation.auth.CurrentStaff;
import org.redstation.common.Xlsx;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "社区工作人员：预约")
class StaffBookingExportController {
    private final StaffBookingExports exports;

    StaffBookingExportController(StaffBookingExports exports) {
        this.exports = exports;
    }

    @Operation(summary = "某时段的预约名单（.xlsx）")
    @GetMapping("/api/staff/booking/slots/{slotId}/bookings.xlsx")
    ResponseEntity<byte[]> slotList(@PathVariable long slotId, CurrentStaff staff) {
        StaffBookingExports.SlotList list = exports.slotList(staff, slotId);
        return Xlsx.download(list.filename(), List.of(list.sheet()));
    }
}
