package org.redstation.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.redstation.common.BizException;
import org.springframework.stereotype.Component;

/**
 * Creates the configured bootstrap administrator (REDSTATION_ADMIN_USERNAME / _PASSWORD) if it does not exist
 * yet, as a district administrator who must change that password at the first sign-in.
 */
@Component
class AdminBootstrap {
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);
    private final StaffService staff;
    private final String username;
    private final String password;

    AdminBootstrap(StaffService staff, @Value("${redstation.admin.username:}") String username,
                   @Value("${redstation.admin.password:}") String password) {
        this.staff = staff;
        this.username = username;
        this.password = password;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureAdmin() {
        if (username.isBlank() || password.isBlank() || staff.byUsername(username) != null) {
            return;
        }
        try {
            staff.createBootstrap(username, password);
            log.info("bootstrap administrator '{}' created", username);
        } catch (BizException e) {
            if (e.error() != AuthError.STAFF_USERNAME_TAKEN) {
                throw new IllegalStateException("cannot create the bootstrap administrator: " + e.userMessage(), e);
            }
            log.debug("bootstrap administrator created by another instance");
        }
    }
}
