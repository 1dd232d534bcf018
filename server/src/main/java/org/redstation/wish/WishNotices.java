package org.redstation.wish;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.redstation.notify.Notification;
import org.redstation.notify.Notifier;
import org.springframework.stereotype.Component;

/**
 * The subscribe messages of needs and activities, queued in the business transaction. Template keys (mapped to
 * WeChat template ids in {@code redstation.notify.templates}) and their fields: thing1 what, phrase2 state,
 * thing3 who or a tip, time4 when.
 */
@Component
class WishNotices {
    static final String DISPATCHED = "wish-dispatched";
    static final String ACCEPTED = "wish-accepted";
    static final String COMPLETED = "wish-completed";
    static final String RATE_REMINDER = "wish-rate-reminder";
    static final String ACTIVITY_REMINDER = "activity-reminder";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final Notifier notifier;

    WishNotices(Notifier notifier) {
        this.notifier = notifier;
    }

    /** To the assignee: a need was dispatched to them. */
    void dispatched(Wish w) {
        if (w.getAssigneeUserId() != null) {
            send(w.getAssigneeUserId(), DISPATCHED, "pages/wish/tasks/index", w, "请及时接单", w.getVersion());
        }
    }

    /** To the resident: someone took their need. */
    void accepted(Wish w) {
        send(w.getUserId(), ACCEPTED, "pages/wish/detail/index?id=" + w.getId(), w, w.getAssigneeName() + "已接单", w.getVersion());
    }

    /** To the resident: done, please confirm and rate (the "please rate" message). */
    void completed(Wish w) {
        send(w.getUserId(), COMPLETED, "pages/wish/detail/index?id=" + w.getId(), w, "已办结，请确认并评价", w.getVersion());
    }

    /** To the resident: completed some days ago and still not rated (one per completion, see {@link WishRateReminders}). */
    void rateReminder(Wish w) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("thing1", w.getCategory().label() + "：" + w.getContent());
        data.put("phrase2", w.getState().label());
        data.put("thing3", "请确认办理结果并评价");
        data.put("time4", (w.getCompletedAt() == null ? w.getStateSince() : w.getCompletedAt()).format(TIME));
        notifier.enqueue(new Notification(w.getUserId(), RATE_REMINDER, "pages/wish/detail/index?id=" + w.getId(), data,
                RATE_REMINDER + ":" + w.getId() + ":" + w.getVersion()));
    }

    void activityReminder(long userId, VolunteerActivity a, String stationName) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("thing1", a.getTitle());
        data.put("phrase2", "即将开始");
        data.put("thing3", stationName);
        data.put("time4", a.getStartAt().format(TIME));
        notifier.enqueue(new Notification(userId, ACTIVITY_REMINDER, "pages/volunteer/activities/index", data,
                ACTIVITY_REMINDER + ":" + a.getId() + ":" + userId));
    }

    private void send(long userId, String template, String page, Wish w, String tip, int version) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("thing1", w.getCategory().label() + "：" + w.getContent());
        data.put("phrase2", w.getState().label());
        data.put("thing3", tip);
        data.put("time4", w.getUpdatedAt().format(TIME));
        notifier.enqueue(new Notification(userId, template, page, data, template + ":" + w.getId() + ":" + version));
    }
}
