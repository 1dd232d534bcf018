package org.redstation.chat;

/** The WeChat path an outgoing message took (chat_delivery.channel). */
enum DeliveryChannel {
    CUSTOM("客服消息"), TEMPLATE("模板消息"),
    /** Mini-program: the reply waits in the assistant thread, a subscribe message (with consent) brings the resident back. */
    SUBSCRIBE("小程序留言+订阅消息");

    private final String label;

    DeliveryChannel(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
