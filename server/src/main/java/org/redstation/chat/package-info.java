/**
 * The official account (公众号): the /wx/portal callback, the chat-bot (one WxJava handler per message type in
 * {@code ChatRouting}; texts through ordered {@code TextRule} beans: staff commands, module commands of other
 * modules through {@link org.redstation.chat.BotCommand}, keyword rules from the database, stations, forwarding
 * to staff), conversations between residents and their community's staff, staff replies through the account,
 * and the custom menu. See README.md in this folder.
 */
package org.redstation.chat;
