package org.redstation.chat;

import java.util.List;
import java.util.Map;
import me.chanjar.weixin.common.session.WxSessionManager;
import me.chanjar.weixin.mp.api.WxMpMessageHandler;
import me.chanjar.weixin.mp.api.WxMpService;
import me.chanjar.weixin.mp.bean.message.WxMpXmlMessage;
import me.chanjar.weixin.mp.bean.message.WxMpXmlOutMessage;
import org.redstation.station.StationApi;
import org.redstation.station.StationRef;
import org.springframework.stereotype.Component;

/** A location: the three nearest stations with links to their pages. */
@Component
class LocationHandler implements WxMpMessageHandler {
    private final StationApi stations;
    private final MiniLinks links;

    LocationHandler(StationApi stations, MiniLinks links) {
        this.stations = stations;
        this.links = links;
    }

    @Override
    public WxMpXmlOutMessage handle(WxMpXmlMessage m, Map<String, Object> context, WxMpService mp, WxSessionManager sessions) {
        return WxMessages.text(m, answer(m.getLocationX(), m.getLocationY()));
    }

    String answer(Double latitude, Double longitude) {
        if (latitude == null || longitude == null) {
            return "没有收到位置，请重新发送。";
        }
        List<StationApi.Nearby> near = stations.nearby(latitude, longitude, 3);
        if (near.isEmpty()) {
            return "附近暂时没有开放的红色驿站。";
        }
        StringBuilder b = new StringBuilder("离您最近的红色驿站：");
        int i = 1;
        for (StationApi.Nearby n : near) {
            StationRef s = n.station();
            b.append("\n").append(i++).append(". ").append(s.name()).append("（").append(distance(n.distanceMeters())).append("）")
                    .append(s.isOpen() ? "" : "【暂停服务】").append("\n   ").append(s.address()).append("\n   ")
                    .append(links.station(s.id(), "查看服务与预约"));
        }
        return b.append("\n回复驿站名称可查看值班情况。").toString();
    }

    static String distance(int meters) {
        return meters < 1000 ? meters + "米" : String.format("%.1f公里", meters / 1000.0);
    }
}
