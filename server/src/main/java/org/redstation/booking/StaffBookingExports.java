package org.redstation.booking;

import java.util.ArrayList;
import java.util.List;
import org.redstation.auth.CurrentStaff;
import org.redstation.booking.BookingStore.Slot;
import org.redstation.common.BizException;
import org.redstation.common.Xlsx;
import org.redstation.station.StationRef;
import org.springframework.stereotype.Service;

/** A slot's list as an .xlsx file (and the heading of its print view): the same rows and scope check as the list. */
@Service
class StaffBookingExports {
    private final StaffScope scope;
    private final BookingStore store;
    private final BookingViews views;

    StaffBookingExports(StaffScope scope, BookingStore store, BookingViews views) {
        this.scope = scope;
        this.store = store;
        this.views = views;
    }

    record SlotList(String title, String filename, Xlsx.Sheet sheet) {
    }

    SlotList slotList(CurrentStaff staff, long slotId) {
        Slot slot = store.slot(slotId).orElseThrow(() -> new BizException(BookingError.SLOT_NOT_FOUND));
        StationRef station = scope.station(staff, slot.stationId());
        String when = slot.date() + "（" + BookingViews.weekday(slot.date()) + "）" + slot.start().format(BookingViews.HM) + "-"
                + slot.end().format(BookingViews.HM);
        String title = station.name() + " " + slot.kindName() + " " + when + " 预约名单";
        List<List<?>> rows = new ArrayList<>();
        int n = 1;
        for (BookingViews.StaffBookingRow b : views.staffRows(slotId)) {
            rows.add(List.of(n++, b.id(), b.serviceName(), b.statusName(), b.note() == null ? "" : b.note(), b.createdAt(), ""));
        }
        Xlsx.Sheet sheet = new Xlsx.Sheet("预约名单", List.of("序号", "预约编号", "服务事项", "状态", "备注", "预约时间", "签名"), rows);
        return new SlotList(title, station.code() + "-" + slot.date() + "-" + slot.start().format(BookingViews.HM).replace(":", "")
                + "-预约名单", sheet);
    }
}
