package org.redstation.duty;

import org.redstation.auth.ContactAudit;
import org.redstation.auth.CurrentStaff;
import org.redstation.common.BizException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Full phone numbers of party members and organisations: only through {@link ContactAudit} (checked, recorded). */
@Service
class DutyContacts {
    static final String MEMBER = "PARTY_MEMBER";
    static final String ORG = "DUTY_ORG";
    private final PartyMemberMapper members;
    private final DutyOrgMapper orgs;
    private final ContactAudit audit;

    DutyContacts(PartyMemberMapper members, DutyOrgMapper orgs, ContactAudit audit) {
        this.members = members;
        this.orgs = orgs;
        this.audit = audit;
    }

    record Contact(String name, String phone) {
    }

    @Transactional
    Contact member(CurrentStaff staff, long memberId, String reason) {
        PartyMember m = members.findById(memberId);
        if (m == null) {
            throw new BizException(DutyError.MEMBER_NOT_FOUND);
        }
        audit.reveal(staff, m.getCommunityId(), MEMBER, memberId, reason);
        return new Contact(m.getName(), m.getPhone());
    }

    @Transactional
    Contact org(CurrentStaff staff, long orgId, String reason) {
        DutyOrg o = orgs.selectById(orgId);
        if (o == null) {
            throw new BizException(DutyError.ORG_NOT_FOUND);
        }
        audit.reveal(staff, o.getCommunityId(), ORG, orgId, reason);
        return new Contact(o.getSecretary(), o.getContactPhone());
    }
}
