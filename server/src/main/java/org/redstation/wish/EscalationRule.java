package org.redstation.wish;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * When an open item escalates (pure rule, unit-tested): not accepted (SUBMITTED, DISPATCHED) or accepted but not
 * completed (ACCEPTED) for longer than the level's time. Level 1 = the community (社区督办), 2 = the street (街道督办).
 */
record EscalationRule(Set<WishState> states, int level, Duration after, String note) {

    static List<EscalationRule> of(WishProperties p) {
        Set<WishState> unaccepted = EnumSet.of(WishState.SUBMITTED, WishState.DISPATCHED);
        Set<WishState> accepted = EnumSet.of(WishState.ACCEPTED);
        return List.of(
                new EscalationRule(unaccepted, 2, p.unacceptedStreet(), "超过" + hours(p.unacceptedStreet()) + "未接单，升级至街道督办"),
                new EscalationRule(unaccepted, 1, p.unacceptedCommunity(), "超过" + hours(p.unacceptedCommunity()) + "未接单，升级至社区督办"),
                new EscalationRule(accepted, 2, p.overdueStreet(), "接单后超过" + hours(p.overdueStreet()) + "未办结，升级至街道督办"),
                new EscalationRule(accepted, 1, p.overdueCommunity(), "接单后超过" + hours(p.overdueCommunity()) + "未办结，升级至社区督办"));
    }

    static String hours(Duration d) {
        return d.toHours() >= 48 && d.toHours() % 24 == 0 ? d.toDays() + "天" : d.toHours() > 0 ? d.toHours() + "小时" : d.toMinutes() + "分钟";
    }

    static String levelName(int level) {
        return switch (level) {
            case 0 -> "未升级";
            case 1 -> "社区督办";
            default -> "街道督办";
        };
    }
}
