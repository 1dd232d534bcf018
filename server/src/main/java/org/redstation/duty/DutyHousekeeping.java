package org.redstation.duty;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.redstation.notify.Notification;
import org.redstation.notify.Notifier;
import org.redstation.station.StationApi;
import org.redstation.station.StationRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every minute, on every instance (each row is claimed with a conditional UPDATE, so work is done once):
 * closes missed check-outs at shift end (flagged auto_closed), sends shift reminders, raises understaffed alerts.
 */
@Component
class DutyHousekeeping {
    private static final Logger log = LoggerFactory.getLogger(DutyHousekeeping.class);
    private final DutyRepo repo;
    private final DutyPresence presence;
    private final Notifier notifier;
    private final StationApi stations;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final DutyProperties props;
    private final Clock clock;

    DutyHousekeeping(DutyRepo repo, DutyPresence presence, Notifier notifier, StationApi stations,
                     ApplicationEventPublisher events, TransactionTemplate tx, DutyProperties props, Clock clock) {
        this.repo = repo;
        this.presence = presence;
        this.notifier = notifier;
        this.stations = stations;
        this.events = events;
        this.tx = tx;
        this.props = props;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${redstation.duty.housekeeping-delay:PT30S}", fixedDelayString = "${redstation.duty.housekeeping-every:PT1M}")
    void run() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            log.warn("duty housekeeping failed: {}", e.toString());
        }
    }

    void runOnce() {
        closeMissedCheckouts();
        sendReminders();
        raiseUnderstaffedAlerts();
    }

    int closeMissedCheckouts() {
        LocalDateTime now = LocalDateTime.now(clock);
        List<DutyRepo.Claim> open = repo.claims("WHERE c.status = 'ACTIVE' AND c.checkin_at IS NOT NULL AND c.checkout_at IS NULL "
                + "AND c.end_at <= ? LIMIT 500", now);
        int closed = 0;
        for (DutyRepo.Claim c : open) {
            int minutes = CheckInService.serviceMinutes(c.checkinAt(), c.endAt());
            closed += repo.jdbc.update("UPDATE duty_claim SET checkout_at = ?, minutes = ?, auto_closed = 1, updated_at = ? "
                    + "WHERE id = ? AND checkout_at IS NULL", c.endAt(), minutes, now, c.id());
            try {
                presence.remove(c.stationId(), c.id());
            } catch (RuntimeException e) {
                log.debug("presence not cleared: {}", e.toString()); // expires at shift end anyway
            }
        }
        return closed;
    }

    int sendReminders() {
        LocalDateTime now = LocalDateTime.now(clock);
        List<Long> due = repo.jdbc.queryForList("SELECT id FROM duty_shift WHERE status = 'OPEN' AND reminded = 0 AND start_at > ? "
                + "AND start_at <= ? LIMIT 500", Long.class, now, now.plus(props.reminderLead()));
        int sent = 0;
        for (Long shiftId : due) {
            sent += tx.execute(s -> {
                if (repo.jdbc.update("UPDATE duty_shift SET reminded = 1 WHERE id = ? AND reminded = 0", shiftId) == 0) {
                    return 0;
                }
                DutyRepo.Shift shift = repo.shift(shiftId).orElseThrow();
                String station = stations.find(shift.stationId()).map(StationRef::name).orElse("红色驿站");
                List<DutyRepo.Claim> claims = repo.claims("WHERE c.shift_id = ? AND c.status = 'ACTIVE'", shiftId);
                for (DutyRepo.Claim c : claims) {
                    notifier.enqueue(new Notification(c.userId(), "shift-reminder", "pages/duty/mine",
                            Map.of("thing1", MemberService.cut(station, 20),
                                    "time2", shift.startAt().format(MemberService.MINUTE) + "~" + shift.endAt().format(ShiftService.HM),
                                    "thing3", MemberService.cut(shift.roleName() + "，请按时到岗签到", 20)),
                            "shift-reminder:" + c.id()));
                }
                return claims.size();
            });
        }
        return sent;
    }

    int raiseUnderstaffedAlerts() {
        LocalDateTime now = LocalDateTime.now(clock);
        List<DutyRepo.Shift> due = repo.jdbc.query(DutyRepo.SHIFT_SELECT + "WHERE s.status = 'OPEN' AND s.alerted = 0 "
                + "AND s.taken < s.seats AND s.start_at > ? AND s.start_at <= ? LIMIT 500", DutyRepo.SHIFT, now,
                now.plus(props.understaffedLead()));
        int raised = 0;
        for (DutyRepo.Shift s : due) {
            raised += tx.execute(st -> {
                if (repo.jdbc.update("UPDATE duty_shift SET alerted = 1 WHERE id = ? AND alerted = 0 AND taken < seats", s.id()) == 0) {
                    return 0;
                }
                DutyRepo.Shift fresh = repo.shift(s.id()).orElseThrow();
                String station = stations.find(s.stationId()).map(StationRef::name).orElse("");
                String start = fresh.startAt().format(MemberService.MINUTE);
                String end = fresh.endAt().format(MemberService.MINUTE);
                String msg = station + " " + start + " " + fresh.roleName() + " 还缺" + (fresh.seats() - fresh.taken()) + "人（共"
                        + fresh.seats() + "个名额）";
                repo.jdbc.update("INSERT INTO duty_alert (community_id, station_id, shift_id, kind, message, created_at) "
                        + "VALUES (?, ?, ?, 'UNDERSTAFFED', ?, ?)", fresh.communityId(), fresh.stationId(), fresh.id(),
                        MemberService.cut(msg, 200), now);
                events.publishEvent(new ShiftUnderstaffed(fresh.id(), fresh.stationId(), station, fresh.communityId(),
                        fresh.roleName(), start, end, fresh.seats(), fresh.taken()));
                return 1;
            });
        }
        return raised;
    }
}
