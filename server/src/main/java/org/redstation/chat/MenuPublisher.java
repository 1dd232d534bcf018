package org.redstation.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.mp.api.WxMpService;
import org.redstation.common.BizException;
import org.redstation.wechat.WeChatProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Publishes the custom menu from {@code redstation.chat.menu} (POST /cgi-bin/menu/create). */
@Service
class MenuPublisher {
    private static final Logger log = LoggerFactory.getLogger(MenuPublisher.class);
    private final WxMpService mp;
    private final ChatProperties props;
    private final WeChatProperties wx;
    private final ObjectMapper json = new ObjectMapper();

    MenuPublisher(WxMpService mp, ChatProperties props, WeChatProperties wx) {
        this.mp = mp;
        this.props = props;
        this.wx = wx;
    }

    ObjectNode menuJson() {
        ObjectNode root = json.createObjectNode();
        ArrayNode buttons = root.putArray("button");
        props.menu().forEach(b -> buttons.add(button(b)));
        return root;
    }

    ObjectNode publish() {
        ObjectNode menu = menuJson();
        try {
            mp.getMenuService().menuCreate(menu.toString());
        } catch (WxErrorException e) {
            log.warn("menu publish failed: {} {}", e.getError().getErrorCode(), e.getError().getErrorMsg());
            throw new BizException(ChatError.MENU_PUBLISH_FAILED, ChatError.MENU_PUBLISH_FAILED.message() + "（微信错误 "
                    + e.getError().getErrorCode() + "）");
        }
        return menu;
    }

    private ObjectNode button(ChatProperties.MenuButton b) {
        ObjectNode n = json.createObjectNode();
        n.put("name", b.name());
        List<ChatProperties.MenuButton> subs = b.subButtons();
        if (subs != null && !subs.isEmpty()) {
            ArrayNode a = n.putArray("sub_button");
            subs.forEach(s -> a.add(button(s)));
            return n;
        }
        String type = b.type() == null ? "click" : b.type();
        n.put("type", type);
        switch (type) {
            case "view" -> n.put("url", b.url());
            case "miniprogram" -> {
                n.put("appid", wx.miniapp().appid());
                n.put("pagepath", b.pagePath());
                n.put("url", b.url() == null ? "https://mp.weixin.qq.com" : b.url());
            }
            default -> n.put("key", b.key());
        }
        return n;
    }
}
