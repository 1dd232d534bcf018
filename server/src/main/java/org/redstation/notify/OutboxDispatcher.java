package org.redstation.notify;

import org.springframework.stereotype.Component;

/** Sends due outbox rows through WxJava (implementation in progress). */
@Component
class OutboxDispatcher {
    void wakeUpAfterCommit() {
        // filled in by the notify implementation
    }

    int dispatchDue() {
        return 0;
    }
}
