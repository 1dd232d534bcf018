package org.redstation.notify;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.redstation.auth.CurrentStaff;
import org.redstation.common.BizException;
import org.springframework.stereotype.Service;

/**
 * Staff view of messages that were given up (FAILED) and their retry. Outbox rows carry a user, not a community,
 * so this is for district administrators only. The message data itself is not shown (personal data).
 */
@Service
class OutboxAdmin {
    private static final DateTimeFormatter FMT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private final OutboxMapper outbox;
    private final OutboxDispatcher dispatcher;
    private final Clock clock;

    OutboxAdmin(OutboxMapper outbox, OutboxDispatcher dispatcher, Clock clock) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    record OutboxView(long id, long userId, String template, String page, String status, String statusName, int attempts,
                      String lastError, String createdAt, String nextAttemptAt) {
        static OutboxView of(OutboxRow r) {
            return new OutboxView(r.getId(), r.getUserId(), r.getTemplate(), r.getPage(), r.getStatus().name(),
                    r.getStatus().label(), r.getAttempts(), r.getLastError(), fmt(r.getCreatedAt()), fmt(r.getNextAttemptAt()));
        }
    }

    /** The latest 100 rows of a status (FAILED by default). */
    List<OutboxView> list(CurrentStaff staff, String status) {
        staff.requireDistrictAdmin();
        OutboxStatus s = OutboxStatus.parse(status);
        return outbox.selectList(new LambdaQueryWrapper<OutboxRow>().eq(OutboxRow::getStatus, s)
                .orderByDesc(OutboxRow::getId).last("LIMIT 100")).stream().map(OutboxView::of).toList();
    }

    /** Makes a FAILED message due again at once (a fresh set of attempts) and wakes the sender. */
    OutboxView retry(CurrentStaff staff, long id) {
        staff.requireDistrictAdmin();
        if (outbox.retryFailed(id, LocalDateTime.now(clock)) == 0) {
            throw new BizException(outbox.selectById(id) == null ? NotifyError.OUTBOX_NOT_FOUND : NotifyError.OUTBOX_NOT_FAILED);
        }
        dispatcher.wake();
        return OutboxView.of(outbox.selectById(id));
    }

    private static String fmt(LocalDateTime t) {
        return t == null ? null : t.format(FMT);
    }
}
