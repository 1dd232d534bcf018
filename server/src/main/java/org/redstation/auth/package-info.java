/**
 * Who is calling: mini-program login (wx.login code -> jscode2session -> session token), staff login,
 * roles. Other modules take {@link org.redstation.auth.CurrentUser} / {@link org.redstation.auth.CurrentStaff}
 * as controller parameters and use {@link org.redstation.auth.UserDirectory} for users' data, and
 * {@link org.redstation.auth.ContactAudit} before showing anyone's full phone number to staff.
 */
package org.redstation.auth;
