package org.redstation.chat;

/** A conversation between a resident and their community's staff (chat_conversation.status). */
enum ConversationStatus {
    OPEN("待处理"), CLOSED("已关闭");

    private final String label;

    ConversationStatus(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** Staff may reply, take or close only while open. */
    boolean acceptsReplies() {
        return this == OPEN;
    }

    /** The status a staff list asks for: "CLOSED" or anything else (OPEN). */
    static ConversationStatus listFilter(String requested) {
        return "CLOSED".equals(requested) ? CLOSED : OPEN;
    }
}
