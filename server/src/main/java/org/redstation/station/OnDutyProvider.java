package org.redstation.station;

import java.util.List;

/** Implemented by the duty module: who is on duty at a station right now (names already masked, e.g. 张**). */
public interface OnDutyProvider {
    List<OnDutyPerson> onDutyNow(long stationId);

    record OnDutyPerson(String maskedName, String organisation, String until) {
    }
}
