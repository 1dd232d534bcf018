package org.redstation.chat;

/** How a staff reply reached the resident (chat_message.delivery; null for incoming messages). */
enum MessageDelivery {
    PENDING("发送中"), CUSTOM("客服消息已送达"), TEMPLATE("模板消息已送达"), THREAD("已在小程序对话中送达"), FAILED("发送失败");

    private final String label;

    MessageDelivery(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static MessageDelivery sentBy(DeliveryChannel channel) {
        return switch (channel) {
            case TEMPLATE -> TEMPLATE;
            case SUBSCRIBE -> THREAD;
            case CUSTOM -> CUSTOM;
        };
    }
}
