package org.redstation.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.redstation.station.OnDutyProvider;
import org.redstation.station.StationApi;
import org.redstation.station.StationRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A station's code or (part of its) name: its status, address and who is on duty now. */
@Component
@Order(TextRules.STATION_NAME)
class StationNameRule implements TextRule {
    private static final Logger log = LoggerFactory.getLogger(StationNameRule.class);
    private final StationApi stations;
    private final ObjectProvider<OnDutyProvider> onDuty;
    private final MiniLinks links;

    StationNameRule(StationApi stations, ObjectProvider<OnDutyProvider> onDuty, MiniLinks links) {
        this.stations = stations;
        this.onDuty = onDuty;
        this.links = links;
    }

    @Override
    public String answer(TextMessage t) {
        String n = t.normalized();
        if (n.length() < 2 || n.length() > 30) {
            return null;
        }
        List<StationRef> found = stations.findByCode(t.folded().toUpperCase(Locale.ROOT)).map(List::of)
                .orElseGet(() -> stations.search(t.folded(), 6));
        if (found.isEmpty()) {
            return null;
        }
        if (found.size() > 1) {
            Optional<StationRef> exact = found.stream().filter(s -> TextNormalizer.normalize(s.name()).equals(n)).findFirst();
            if (exact.isEmpty()) {
                StringBuilder b = new StringBuilder("找到这些驿站，请回复完整名称：");
                found.stream().limit(5).forEach(s -> b.append("\n· ").append(s.name()));
                return b.toString();
            }
            found = List.of(exact.get());
        }
        return details(found.get(0));
    }

    private String details(StationRef s) {
        StringBuilder b = new StringBuilder(s.name()).append("\n").append(statusLabel(s.status())).append(" · ")
                .append(s.communityName()).append("\n地址：").append(s.address());
        OnDutyProvider duty = onDuty.getIfAvailable();
        if (duty != null) {
            List<OnDutyProvider.OnDutyPerson> people = new ArrayList<>();
            try {
                people.addAll(duty.onDutyNow(s.id()));
            } catch (RuntimeException e) {
                log.info("on-duty lookup failed for station {}: {}", s.id(), e.toString());
            }
            b.append("\n当前值班：");
            if (people.isEmpty()) {
                b.append("暂无");
            }
            people.forEach(p -> b.append(p.maskedName()).append(p.organisation() == null ? "" : "（" + p.organisation() + "）").append(' '));
        }
        b.append("\n服务项目和开放时间：").append(links.station(s.id(), "在小程序中查看"));
        return b.toString();
    }

    /** The station module owns these labels; this copy goes once {@link StationRef} carries its label. */
    private static String statusLabel(String status) {
        return switch (status) {
            case "OPEN" -> "正常开放";
            case "PAUSED" -> "暂停服务";
            default -> "已关闭";
        };
    }
}
