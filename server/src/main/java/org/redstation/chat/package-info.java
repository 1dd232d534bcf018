/**
 * The official account (公众号): the /wx/portal callback, the chat-bot (keyword rules from the database,
 * stations, commands of other modules through {@link org.redstation.chat.BotCommand}), conversations
 * between residents and their community's staff, staff replies through the account, and the custom menu.
 */
package org.redstation.chat;
