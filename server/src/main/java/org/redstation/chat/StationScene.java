package org.redstation.chat;

import java.util.Optional;
import org.redstation.station.StationApi;
import org.redstation.station.StationRef;
import org.springframework.stereotype.Component;

/**
 * The official account's parametric QR code on a station's poster: scene {@code st=CODE}. Following through it
 * (EventKey {@code qrscene_st=CODE}) or scanning it as a follower (SCAN, EventKey {@code st=CODE}) sets the
 * follower's station and community, so the bot never has to ask.
 */
@Component
class StationScene {
    private final StationApi stations;
    private final ChatUsers users;

    StationScene(StationApi stations, ChatUsers users) {
        this.stations = stations;
        this.users = users;
    }

    /** The station code of an EventKey, if it is a station scene. */
    static Optional<String> code(String eventKey) {
        if (eventKey == null) {
            return Optional.empty();
        }
        String k = eventKey.startsWith("qrscene_") ? eventKey.substring("qrscene_".length()) : eventKey;
        return k.startsWith("st=") && k.length() > 3 ? Optional.of(k.substring(3)) : Optional.empty();
    }

    /** Remembers the station of the scene; the greeting line for it, or null when the scene is not a station. */
    String apply(String openid, String eventKey) {
        Optional<StationRef> s = code(eventKey).flatMap(stations::findByCode);
        if (s.isEmpty()) {
            return null;
        }
        users.setStation(openid, s.get().id(), s.get().communityId());
        return "您好，这里是" + s.get().name() + "（" + s.get().communityName() + "）。可以直接问我：“明天晚上能办老年卡吗”“谁在值班”，"
                + "或留言给社区工作人员。";
    }
}
