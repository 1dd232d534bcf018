package org.redstation.wish;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.time.LocalDateTime;
import org.redstation.station.StationApi;
import org.redstation.station.StationRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Reminds volunteers of activities starting soon; each activity's reminder is claimed by one instance (reminded = 0 → 1). */
@Component
class ActivityReminders {
    private static final Logger log = LoggerFactory.getLogger(ActivityReminders.class);
    private final VolunteerActivityMapper activities;
    private final VolunteerSignupMapper signups;
    private final WishNotices notices;
    private final StationApi stations;
    private final WishTransitions time;
    private final TransactionTemplate tx;
    private final WishProperties props;

    ActivityReminders(VolunteerActivityMapper activities, VolunteerSignupMapper signups, WishNotices notices,
                      StationApi stations, WishTransitions time, TransactionTemplate tx, WishProperties props) {
        this.activities = activities;
        this.signups = signups;
        this.notices = notices;
        this.stations = stations;
        this.time = time;
        this.tx = tx;
        this.props = props;
    }

    @Scheduled(initialDelayString = "PT25S", fixedDelayString = "${redstation.wish.reminder-scan-every:PT1M}")
    void scheduled() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("activity reminder scan failed: {}", e.toString());
        }
    }

    int runOnce() {
        LocalDateTime now = time.now();
        int sent = 0;
        for (VolunteerActivity a : activities.selectList(new LambdaQueryWrapper<VolunteerActivity>()
                .eq(VolunteerActivity::getStatus, ActivityStatus.OPEN).eq(VolunteerActivity::getReminded, false)
                .gt(VolunteerActivity::getStartAt, now).le(VolunteerActivity::getStartAt, now.plus(props.activityReminderLead()))
                .last("LIMIT 100"))) {
            Integer n = tx.execute(s -> {
                if (activities.claimReminder(a.getId()) == 0) {
                    return 0;
                }
                String station = stations.find(a.getStationId()).map(StationRef::name).orElse("驿站");
                int c = 0;
                for (VolunteerSignup v : signups.selectList(new LambdaQueryWrapper<VolunteerSignup>()
                        .eq(VolunteerSignup::getActivityId, a.getId()).eq(VolunteerSignup::getStatus, "ACTIVE"))) {
                    notices.activityReminder(v.getUserId(), a, station);
                    c++;
                }
                return c;
            });
            sent += n == null ? 0 : n;
        }
        return sent;
    }
}
