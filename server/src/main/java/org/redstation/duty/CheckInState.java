package org.redstation.duty;

import java.time.LocalDateTime;

/** Where an active claim stands on the day: derived from check-in / check-out, not stored. */
enum CheckInState {
    WAITING("待值班"), ON_DUTY("值班中"), DONE("已完成"), AUTO_CLOSED("未签退（已自动结束）");

    private final String label;

    CheckInState(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static CheckInState of(LocalDateTime checkinAt, LocalDateTime checkoutAt, boolean autoClosed) {
        if (checkoutAt != null) {
            return autoClosed ? AUTO_CLOSED : DONE;
        }
        return checkinAt != null ? ON_DUTY : WAITING;
    }
}
