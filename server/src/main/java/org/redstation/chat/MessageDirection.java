package org.redstation.chat;

/** Who wrote a stored message (chat_message.direction). */
enum MessageDirection {
    IN("居民留言"), OUT("工作人员回复"), BOT("小助手回复");

    private final String label;

    MessageDirection(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
