package org.redstation.chat;

/** Where a resident writes from (chat_user.channel, chat_conversation.channel, chat_delivery.app). */
enum ChatChannel {
    /** The official account (公众号): XML push, customer-service and template messages. */
    MP("公众号"),
    /** The mini-program: the assistant page (JSON API) and mini-program customer service (push + kefu API). */
    MA("小程序");

    private final String label;

    ChatChannel(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
