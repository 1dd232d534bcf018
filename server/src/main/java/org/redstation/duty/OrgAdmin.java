package org.redstation.duty;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import org.redstation.auth.CurrentStaff;
import org.redstation.common.BizException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff's side of the Party organisations: the searchable list, edit, deactivate / activate, and turning a branch that
 * applicants typed ("my branch is not listed") into an organisation. Registration-time rules stay in {@link MemberService}.
 */
@Service
class OrgAdmin {
    private final DutyOrgMapper orgs;
    private final MemberService members;
    private final Clock clock;

    OrgAdmin(DutyOrgMapper orgs, MemberService members, Clock clock) {
        this.orgs = orgs;
        this.members = members;
        this.clock = clock;
    }

    record Edit(String name, String kind, String unitName, String secretary, String contactPhone) {
    }

    record UnlistedView(long communityId, String name, int applications, String firstAt) {
    }

    /** {@code org}: the organisation the typed name now belongs to; {@code joined}: pending applications moved into it. */
    record Resolved(MemberService.OrgView org, int joined) {
    }

    /** Organisations in scope with their approved members; keyword (name, unit, secretary), kind and active optional. */
    List<MemberService.OrgView> list(CurrentStaff staff, Long communityId, String keyword, String kind, Boolean active) {
        OrgKind k = null;
        if (kind != null && !kind.isBlank()) {
            k = OrgKind.parse(kind).orElse(null);
            if (k == null) {
                return List.of(); // no organisation has an unknown kind
            }
        }
        OrgKind wanted = k;
        String like = keyword == null || keyword.isBlank() ? null : "%" + escapeLike(keyword.strip()) + "%";
        return StaffScope.list(staff, communityId, c -> orgs.listForStaff(c, like, wanted, active)).stream()
                .map(o -> MemberService.OrgView.of(o, true)).toList();
    }

    /** Name, kind, unit, secretary; the contact phone only when sent (null keeps it, "" clears it). */
    @Transactional
    public MemberService.OrgView edit(CurrentStaff staff, long orgId, Edit e) {
        DutyOrg o = inScope(staff, orgId);
        o.setName(e.name());
        o.setKind(kindOf(e.kind()));
        o.setUnitName(blankToNull(e.unitName()));
        o.setSecretary(blankToNull(e.secretary()));
        o.setContactPhone(blankToNull(e.contactPhone()));
        o.setUpdatedAt(LocalDateTime.now(clock));
        try {
            orgs.edit(o, e.contactPhone() != null);
        } catch (DuplicateKeyException ex) { // uk_duty_org_name (community_id, name)
            throw new BizException(DutyError.ORG_EXISTS, DutyError.ORG_EXISTS.message(), "name");
        }
        return MemberService.OrgView.of(orgs.selectById(orgId), true);
    }

    /** Deactivated: kept with its members and hours, no longer offered to applicants, new shifts, patterns or dispatch. */
    @Transactional
    public MemberService.OrgView setActive(CurrentStaff staff, long orgId, boolean active) {
        inScope(staff, orgId);
        orgs.setActive(orgId, active); // 0 rows = already so: the answer is the same
        return MemberService.OrgView.of(orgs.selectById(orgId), true);
    }

    /** Branch names typed by pending applicants, per community, with how many applications name each. */
    List<UnlistedView> unlisted(CurrentStaff staff, Long communityId) {
        return StaffScope.list(staff, communityId, orgs::unlisted).stream()
                .map(r -> new UnlistedView(r.getCommunityId(), r.getName(), r.getApplications(),
                        r.getFirstAt() == null ? null : r.getFirstAt().format(MemberService.MINUTE)))
                .toList();
    }

    /**
     * A typed branch becomes an organisation: a new one ({@code newOrg}) or one already listed ({@code orgId}); every
     * pending application of the community that typed {@code given} joins it, so approval no longer creates a guess.
     */
    @Transactional
    public Resolved resolveUnlisted(CurrentStaff staff, long communityId, String given, Long orgId, MemberService.NewOrg newOrg) {
        staff.requireCommunity(communityId);
        MemberService.OrgView org;
        if (orgId != null) {
            if (!members.orgInCommunity(orgId, communityId)) {
                throw new BizException(DutyError.ORG_NOT_FOUND, DutyError.ORG_NOT_FOUND.message(), "orgId");
            }
            org = MemberService.OrgView.of(orgs.selectById(orgId), true);
        } else if (newOrg != null) {
            org = members.createOrg(staff, newOrg);
        } else {
            throw BizException.invalid("orgId", "请选择已有党组织，或填写新党组织的信息");
        }
        int joined = orgs.joinUnlisted(communityId, given, org.id());
        if (joined == 0) { // rolls a new organisation back too: nothing typed that name
            throw BizException.invalid("given", "没有待审核的报到填写了这个党组织名称");
        }
        return new Resolved(org, joined);
    }

    private DutyOrg inScope(CurrentStaff staff, long orgId) {
        DutyOrg o = orgs.selectById(orgId);
        if (o == null) {
            throw new BizException(DutyError.ORG_NOT_FOUND, "没有这个党组织", "orgId");
        }
        staff.requireCommunity(o.getCommunityId());
        return o;
    }

    static OrgKind kindOf(String kind) {
        return OrgKind.parse(kind).orElseThrow(
                () -> BizException.invalid("kind", "类型只能是 UNIT_BRANCH、GENERAL_BRANCH 或 COMMUNITY_BRANCH"));
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
