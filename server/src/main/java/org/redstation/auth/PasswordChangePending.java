package org.redstation.auth;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a {@link CurrentStaff} parameter: also accept an account that still has to change its initial
 * password. Only the password change itself uses it; every other staff endpoint answers 403
 * PASSWORD_CHANGE_REQUIRED until then.
 */
@Target(ElementType.PARAMETER)
@Retention(RetentionPolicy.RUNTIME)
@interface PasswordChangePending {
}
