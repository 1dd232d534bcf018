package org.redstation.chat;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Chat's figures per community for the dashboard (public API): conversations opened in a period, how many got a
 * reply and the mean time to the first reply, conversations open now. Two statements; the caller applies the staff
 * scope ({@code communities} null = every community, never empty).
 */
@Service
public class ChatFigures {
    private final ChatFiguresMapper figures;

    ChatFigures(ChatFiguresMapper figures) {
        this.figures = figures;
    }

    public record CommunityChat(long conversations, long replied, Double avgReplyMinutes, long openNow) {
    }

    public Map<Long, CommunityChat> byCommunity(Collection<Long> communities, LocalDate from, LocalDate to) {
        Map<Long, CommunityChat> out = new HashMap<>();
        for (ChatFiguresMapper.CommunityRow r : figures.opened(communities, from.atStartOfDay(), to.plusDays(1).atStartOfDay())) {
            Double minutes = r.getAvgReplySeconds() == null ? null : Math.round(r.getAvgReplySeconds() / 6.0) / 10.0;
            out.put(r.getCommunityId(), new CommunityChat(r.getConversations(), r.getReplied(), minutes, 0));
        }
        for (ChatFiguresMapper.CommunityRow r : figures.openNow(communities)) {
            CommunityChat c = out.get(r.getCommunityId());
            out.put(r.getCommunityId(), c == null ? new CommunityChat(0, 0, null, r.getOpen())
                    : new CommunityChat(c.conversations(), c.replied(), c.avgReplyMinutes(), r.getOpen()));
        }
        return out;
    }
}
