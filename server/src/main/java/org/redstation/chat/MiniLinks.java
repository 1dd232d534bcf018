package org.redstation.chat;

import org.redstation.wechat.WeChatProperties;
import org.springframework.stereotype.Component;

/** Links in a text reply that open a mini-program page. */
@Component
class MiniLinks {
    private final WeChatProperties wx;
    private final ChatProperties props;

    MiniLinks(WeChatProperties wx, ChatProperties props) {
        this.wx = wx;
        this.props = props;
    }

    String page(String page, String label) {
        return "<a data-miniprogram-appid=\"" + wx.miniapp().appid() + "\" data-miniprogram-path=\"" + page
                + "\" href=\"https://mp.weixin.qq.com\">" + label + "</a>";
    }

    String station(long stationId, String label) {
        return page(props.stationPage() + "?id=" + stationId, label);
    }

    /** The booking form of a slot card, pre-filled (station, slot, service). */
    static String bookingForm(Answer.SlotCard s) {
        return org.redstation.common.MiniProgramPages.BOOKING_FORM + "?stationId=" + s.stationId() + "&slotId=" + s.slotId()
                + (s.serviceId() == null ? "" : "&serviceId=" + s.serviceId());
    }

    String booking(String label) {
        return page(props.bookingPage(), label);
    }
}
