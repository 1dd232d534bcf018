package org.redstation.chat;

/** What an outgoing customer-service message is (chat_delivery.kind). */
enum DeliveryKind {
    FORWARD("转给工作人员的居民留言"), REPLY("工作人员给居民的回复"), NOTICE("给工作人员的提醒");

    private final String label;

    DeliveryKind(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Outside WeChat's 48-hour window a template message is sent instead, except for notices (they can wait). */
    boolean fallsBackToTemplate() {
        return this != NOTICE;
    }

    boolean toStaff() {
        return this != REPLY;
    }
}
