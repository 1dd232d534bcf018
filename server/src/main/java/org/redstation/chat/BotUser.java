package org.redstation.chat;

/**
 * Who writes to the official account: {@code appUserId} is the mini-program user with the same unionid
 * (null when not linked: the resident never logged in to the mini-program), {@code communityId} the
 * community when known.
 */
public record BotUser(Long appUserId, String mpOpenid, Long communityId) {
    public boolean linked() {
        return appUserId != null;
    }
}
