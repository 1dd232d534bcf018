package org.redstation.booking;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.bean.WxMaPhoneNumberInfo;
import me.chanjar.weixin.common.error.WxErrorException;
import org.redstation.common.BizException;
import org.redstation.common.CommonError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The phone of the booker from WeChat's phone-number button: its one-time code is exchanged for the number. */
@Component
class BookingPhones {
    private static final Logger log = LoggerFactory.getLogger(BookingPhones.class);
    private final WxMaService wxMa;

    BookingPhones(WxMaService wxMa) {
        this.wxMa = wxMa;
    }

    String phoneOf(String code) {
        try {
            WxMaPhoneNumberInfo info = wxMa.getUserService().getPhoneNoInfo(code);
            String p = info == null ? null : info.getPurePhoneNumber();
            if (p == null || p.isBlank()) {
                throw invalid();
            }
            return p;
        } catch (WxErrorException e) {
            int err = e.getError() == null ? -1 : e.getError().getErrorCode();
            if (err == 40029 || err == 40163 || err == 41002 || err == 40226) {
                throw invalid();
            }
            log.warn("getPhoneNoInfo failed: {}", err);
            throw new BizException(CommonError.WECHAT_UNAVAILABLE);
        }
    }

    private static BizException invalid() {
        return new BizException(BookingError.PHONE_CODE_INVALID, BookingError.PHONE_CODE_INVALID.message(), "phoneCode");
    }
}
