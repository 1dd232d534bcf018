-- The app user who takes needs dispatched to an organisation (wish dispatch, 单位接单): one of its approved members,
-- set by staff. NULL = no contact yet; dispatch to such an organisation is refused (422) until staff name one.
ALTER TABLE duty_org
    ADD COLUMN contact_user_id BIGINT NULL COMMENT 'app user who accepts wishes for the organisation' AFTER contact_phone,
    ADD CONSTRAINT fk_duty_org_contact_user FOREIGN KEY (contact_user_id) REFERENCES app_user (id);
