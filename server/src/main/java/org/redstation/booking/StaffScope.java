package org.redstation.booking;

import org.redstation.auth.CurrentStaff;
import org.redstation.common.BizException;
import org.redstation.common.CommonError;
import org.redstation.station.StationApi;
import org.redstation.station.StationRef;
import org.springframework.stereotype.Component;

/** The one place booking checks a staff member's reach: a station through its community, the whole district. */
@Component
class StaffScope {
    private final StationApi stations;

    StaffScope(StationApi stations) {
        this.stations = stations;
    }

    /** The station, if it exists (404) and lies in the staff member's communities (403). */
    StationRef station(CurrentStaff staff, long stationId) {
        StationRef s = stations.find(stationId).orElseThrow(() -> new BizException(BookingError.STATION_NOT_FOUND));
        staff.requireCommunity(s.communityId());
        return s;
    }

    /** Like {@link #station}, where stationId 0 means every station (a public holiday): district administrators only. */
    void requireStationOrDistrict(CurrentStaff staff, long stationId) {
        if (stationId == Closure.ALL_STATIONS) {
            if (!staff.isDistrictAdmin()) {
                throw new BizException(CommonError.FORBIDDEN, "全区节假日只能由区级管理员设置");
            }
            return;
        }
        station(staff, stationId);
    }
}
