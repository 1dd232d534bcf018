-- Elder mode (关怀模式): larger type and bigger buttons in the mini-program, kept per user so it follows them.
ALTER TABLE app_user
    ADD COLUMN elder_mode TINYINT(1) NOT NULL DEFAULT 0 COMMENT '关怀模式 on' AFTER roles;
