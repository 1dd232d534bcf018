package org.redstation.station;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.redstation.auth.CurrentStaff;
import org.springframework.stereotype.Component;

/** Who changed which station or catalogue service, when and how ({@code station_audit}; detail as JSON). */
@Component
class StationAuditLog {
    static final int LATEST = 200;
    private final StationAuditMapper audits;
    private final ObjectMapper json;
    private final Clock clock;

    StationAuditLog(StationAuditMapper audits, ObjectMapper json, Clock clock) {
        this.audits = audits;
        this.json = json;
        this.clock = clock;
    }

    record AuditEntry(long id, long staffId, String staffName, Long stationId, Long serviceId, String action,
                      String detail, String createdAt) {
    }

    /** Written in the caller's transaction: the change and its audit row commit together or not at all. */
    void record(CurrentStaff staff, Long stationId, Long serviceId, String action, Object detail) {
        StationAuditRow row = new StationAuditRow();
        row.setStaffId(staff.id());
        row.setStaffName(staff.username());
        row.setStationId(stationId);
        row.setServiceId(serviceId);
        row.setAction(action);
        try {
            row.setDetail(json.writeValueAsString(detail));
        } catch (JsonProcessingException e) {
            row.setDetail(String.valueOf(detail));
        }
        row.setCreatedAt(LocalDateTime.now(clock));
        audits.insert(row);
    }

    /** The latest changes of a station, newest first. */
    List<AuditEntry> latest(long stationId) {
        return audits.latestOf(stationId, LATEST).stream().map(a -> new AuditEntry(a.getId(), a.getStaffId(), a.getStaffName(),
                a.getStationId(), a.getServiceId(), a.getAction(), a.getDetail(), a.getCreatedAt().toString())).toList();
    }
}
