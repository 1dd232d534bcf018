package org.redstation.auth;

/**
 * Published after a staff account was disabled, so other modules drop what it held outside a web session
 * (chat: its WeChat binding). Web sessions end by themselves: every request reads the account row.
 */
public record StaffAccountDisabled(long staffId) {
}
