-- "My branch is not listed": an applicant may type the organisation's name; staff turn it into a duty_org on
-- approval. A registration names a listed organisation or a typed one, never neither.
ALTER TABLE party_member
    MODIFY org_id BIGINT NULL,
    ADD COLUMN org_name_given VARCHAR(64) NULL COMMENT 'a branch not listed yet, typed by the applicant' AFTER org_id,
    ADD CONSTRAINT ck_party_member_org CHECK (org_id IS NOT NULL OR org_name_given IS NOT NULL);
