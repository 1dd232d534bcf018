package org.redstation.duty;

import java.util.List;
import org.redstation.common.BizException;
import org.redstation.station.StationApi;
import org.redstation.station.StationRef;
import org.springframework.stereotype.Service;

/**
 * Official-account commands "签到" / "签退" / "我的值班": each takes the app user id and returns the Chinese reply
 * text (refusals become their Chinese message; never throws for a business refusal).
 */
@Service
public class DutyCommands {
    private final CheckInService checkIns;
    private final ClaimService claims;
    private final StationApi stations;

    DutyCommands(CheckInService checkIns, ClaimService claims, StationApi stations) {
        this.checkIns = checkIns;
        this.claims = claims;
        this.stations = stations;
    }

    public String checkIn(long userId) {
        try {
            return checkIns.checkIn(userId, null, null, null).message();
        } catch (BizException e) {
            return e.userMessage();
        }
    }

    public String checkOut(long userId) {
        try {
            return checkIns.checkOut(userId).message();
        } catch (BizException e) {
            return e.userMessage();
        }
    }

    public String myShifts(long userId) {
        try {
            List<ClaimService.ClaimView> mine = claims.myShifts(userId,
                    id -> stations.find(id).map(StationRef::name).orElse("驿站")).stream()
                    .filter(c -> "ACTIVE".equals(c.status()) && !c.checkedOut()).limit(5).toList();
            if (mine.isEmpty()) {
                return "您近期没有认领的值班班次。可在小程序“值班”页面认领。";
            }
            StringBuilder b = new StringBuilder("您近期的值班：");
            for (ClaimService.ClaimView c : mine) {
                b.append("\n").append(c.date()).append(' ').append(c.start()).append('-').append(c.end()).append(' ')
                        .append(c.stationName()).append(' ').append(c.roleName()).append('（').append(c.statusName()).append('）');
            }
            return b.toString();
        } catch (BizException e) {
            return e.userMessage();
        }
    }
}
