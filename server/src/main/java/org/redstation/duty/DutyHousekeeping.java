package org.redstation.duty;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
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
    private final DutyShiftMapper shifts;
    private final DutyClaimMapper claims;
    private final DutyAlertMapper alerts;
    private final DutyPresence presence;
    private final Notifier notifier;
    private final StationApi stations;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final DutyProperties props;
    private final Clock clock;

    DutyHousekeeping(DutyShiftMapper shifts, DutyClaimMapper claims, DutyAlertMapper alerts, DutyPresence presence,
                     Notifier notifier, StationApi stations, ApplicationEventPublisher events, TransactionTemplate tx,
                     DutyProperties props, Clock clock) {
        this.shifts = shifts;
        this.claims = claims;
        this.alerts = alerts;
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
        int closed = 0;
        for (DutyClaim c : claims.missedCheckouts(now)) {
            closed += claims.autoClose(c.getId(), c.getEndAt(), c.minutesServedUntil(c.getEndAt()), now);
            try {
                presence.remove(c.getStationId(), c.getId());
            } catch (RuntimeException e) {
                log.debug("presence not cleared: {}", e.toString()); // expires at shift end anyway
            }
        }
        return closed;
    }

    int sendReminders() {
        LocalDateTime now = LocalDateTime.now(clock);
        int sent = 0;
        for (Long shiftId : shifts.dueForReminder(now, now.plus(props.reminderLead()))) {
            sent += tx.execute(s -> {
                if (shifts.markReminded(shiftId) == 0) {
                    return 0;
                }
                DutyShift shift = shifts.findById(shiftId);
                String station = stations.find(shift.getStationId()).map(StationRef::name).orElse("红色驿站");
                List<DutyClaim> active = claims.selectList(new LambdaQueryWrapper<DutyClaim>()
                        .eq(DutyClaim::getShiftId, shiftId).eq(DutyClaim::getStatus, ClaimStatus.ACTIVE));
                for (DutyClaim c : active) {
                    notifier.enqueue(new Notification(c.getUserId(), "shift-reminder", org.redstation.common.MiniProgramPages.DUTY_MINE,
                            Map.of("thing1", MemberService.cut(station, 20),
                                    "time2", shift.getStartAt().format(MemberService.MINUTE) + "~"
                                            + shift.getEndAt().format(ShiftService.HM),
                                    "thing3", MemberService.cut(shift.getRoleName() + "，请按时到岗签到", 20)),
                            "shift-reminder:" + c.getId()));
                }
                return active.size();
            });
        }
        return sent;
    }

    int raiseUnderstaffedAlerts() {
        LocalDateTime now = LocalDateTime.now(clock);
        int raised = 0;
        for (Long shiftId : shifts.dueForUnderstaffedAlert(now, now.plus(props.understaffedLead()))) {
            raised += tx.execute(st -> {
                if (shifts.markAlerted(shiftId) == 0) {
                    return 0;
                }
                DutyShift fresh = shifts.findById(shiftId);
                String station = stations.find(fresh.getStationId()).map(StationRef::name).orElse("");
                String start = fresh.getStartAt().format(MemberService.MINUTE);
                String end = fresh.getEndAt().format(MemberService.MINUTE);
                String msg = station + " " + start + " " + fresh.getRoleName() + " 还缺" + fresh.seatsLeft() + "人（共"
                        + fresh.getSeats() + "个名额）";
                DutyAlert a = new DutyAlert();
                a.setCommunityId(fresh.getCommunityId());
                a.setStationId(fresh.getStationId());
                a.setShiftId(fresh.getId());
                a.setClaimId(0L);
                a.setKind(AlertKind.UNDERSTAFFED);
                a.setMessage(MemberService.cut(msg, 200));
                a.setCreatedAt(now);
                alerts.insert(a); // uk_duty_alert (kind, shift_id, claim_id 0): once per shift
                events.publishEvent(new ShiftUnderstaffed(fresh.getId(), fresh.getStationId(), station,
                        fresh.getCommunityId(), fresh.getRoleName(), start, end, fresh.getSeats(), fresh.getTaken()));
                return 1;
            });
        }
        return raised;
    }
}
