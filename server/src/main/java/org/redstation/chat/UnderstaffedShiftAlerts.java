package org.redstation.chat;

import org.redstation.duty.ShiftUnderstaffed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Forwards "a shift within 24 hours still has empty seats" to the community's staff bound to the official account. */
@Component
class UnderstaffedShiftAlerts {
    private final StaffBindings bindings;
    private final Deliveries deliveries;

    UnderstaffedShiftAlerts(StaffBindings bindings, Deliveries deliveries) {
        this.bindings = bindings;
        this.deliveries = deliveries;
    }

    @EventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(ShiftUnderstaffed e) {
        String text = "【值班提醒】" + e.stationName() + " " + e.start() + "—" + e.end().substring(Math.max(0, e.end().length() - 5))
                + "（" + e.roleName() + "）还缺 " + (e.seats() - e.taken()) + " 人，请安排党员或共建单位补位。";
        for (StaffBindings.BoundStaff s : bindings.recipients(e.communityId(), null)) {
            deliveries.enqueue(DeliveryKind.NOTICE, s.openid(), text, null, null, null);
        }
    }
}
