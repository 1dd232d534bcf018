package org.redstation.duty;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.redstation.auth.CurrentStaff;
import org.redstation.auth.Role;
import org.redstation.auth.UserDirectory;
import org.redstation.common.BizException;
import org.redstation.common.Masks;
import org.redstation.notify.Notification;
import org.redstation.notify.Notifier;
import org.redstation.station.StationApi;
import org.redstation.wish.VolunteerHours;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Double-report registration, staff review, organisations and members' resource lists. */
@Service
class MemberService {
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final PartyMemberMapper members;
    private final DutyOrgMapper orgs;
    private final MemberResourceMapper resources;
    private final DutyClaimMapper claims;
    private final StationApi stations;
    private final UserDirectory users;
    private final Notifier notifier;
    private final Clock clock;
    private final VolunteerHours volunteerHours;

    MemberService(PartyMemberMapper members, DutyOrgMapper orgs, MemberResourceMapper resources, DutyClaimMapper claims,
                  StationApi stations, UserDirectory users, Notifier notifier, Clock clock, VolunteerHours volunteerHours) {
        this.volunteerHours = volunteerHours;
        this.members = members;
        this.orgs = orgs;
        this.resources = resources;
        this.claims = claims;
        this.stations = stations;
        this.users = users;
        this.notifier = notifier;
        this.clock = clock;
    }

    /** orgId of a listed organisation, or orgName typed when the branch is not listed (exactly one of them). */
    record Registration(long communityId, Long orgId, String orgName, String name, String workplace) {
    }

    /** orgNotListed: the organisation was typed by the applicant; staff make it an organisation on approval. */
    record MemberView(long id, long communityId, Long orgId, String orgName, boolean orgNotListed, String name,
                      String phone, String workplace, String status, String statusName, String rejectReason,
                      int serviceMinutes, String submittedAt, long volunteerMinutes, int unverifiedMinutes) {
        static MemberView of(PartyMember m, int minutes, boolean maskPhone) {
            return of(m, minutes, 0, maskPhone);
        }

        static MemberView of(PartyMember m, int minutes, long volunteerMinutes, boolean maskPhone) {
            return of(m, minutes, volunteerMinutes, 0, maskPhone);
        }

        /**
         * {@code volunteerMinutes}: hours credited at volunteer activities (wish), shown beside duty hours;
         * {@code unverifiedMinutes}: the part of the service minutes served after check-ins without proof.
         */
        static MemberView of(PartyMember m, int minutes, long volunteerMinutes, int unverifiedMinutes, boolean maskPhone) {
            return new MemberView(m.getId(), m.getCommunityId(), m.getOrgId(), m.getOrgName(), m.getOrgId() == null,
                    m.getName(), maskPhone ? Masks.phone(m.getPhone()) : m.getPhone(), m.getWorkplace(),
                    m.getStatus().name(), m.getStatus().label(), m.getRejectReason(), minutes,
                    m.getCreatedAt() == null ? null : m.getCreatedAt().format(MINUTE), volunteerMinutes, unverifiedMinutes);
        }
    }

    /** The member row of an app user, with its organisation's name; refused with {@code notMemberMessage}. */
    PartyMember memberOf(long userId, String notMemberMessage) {
        PartyMember m = members.findByUser(userId);
        if (m == null) {
            throw notMemberMessage == null ? new BizException(DutyError.DUTY_NOT_MEMBER)
                    : new BizException(DutyError.DUTY_NOT_MEMBER, notMemberMessage);
        }
        return m;
    }

    /** Registers (or re-applies after a rejection) with the phone number WeChat gave for the phone button. */
    @Transactional
    public MemberView register(long userId, Registration r, String phone) {
        if (r.orgId() == null && (r.orgName() == null || r.orgName().isBlank())) {
            throw BizException.invalid("orgId", "请选择党组织，或填写您所在的党组织名称");
        }
        if (r.orgId() != null && !orgInCommunity(r.orgId(), r.communityId())) {
            throw new BizException(DutyError.ORG_NOT_FOUND, DutyError.ORG_NOT_FOUND.message(), "orgId");
        }
        if (r.orgId() == null && stations.community(r.communityId()).isEmpty()) {
            throw BizException.invalid("communityId", "没有这个社区，请重新选择");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        PartyMember m = new PartyMember();
        m.setUserId(userId);
        m.setCommunityId(r.communityId());
        m.setOrgId(r.orgId());
        m.setOrgNameGiven(r.orgId() == null ? r.orgName().strip() : null);
        m.setName(r.name());
        m.setPhone(phone);
        m.setWorkplace(r.workplace());
        m.setStatus(MemberStatus.PENDING);
        m.setCreatedAt(now);
        m.setUpdatedAt(now);
        PartyMember existing = members.findByUser(userId);
        if (existing != null) {
            if (!existing.getStatus().mayReapply() || members.reapply(existing.getId(), m, now) == 0) {
                throw new BizException(DutyError.MEMBER_ALREADY_REGISTERED);
            }
        } else {
            try {
                members.insert(m);
            } catch (DuplicateKeyException e) {
                throw new BizException(DutyError.MEMBER_ALREADY_REGISTERED);
            }
        }
        users.setPhone(userId, phone);
        return MemberView.of(members.findByUser(userId), 0, false);
    }

    MemberView me(long userId) {
        PartyMember m = memberOf(userId, "您还没有进行党员双报到登记");
        DutyClaimMapper.ServiceMinutes served = serviceMinutes(List.of(m)).get(m.getId());
        return MemberView.of(m, served == null ? 0 : served.getMinutes(), volunteerHours.minutes(userId),
                served == null ? 0 : served.getUnverifiedMinutes(), false);
    }

    /** Registrations the staff member may see (status null = all), newest first: three statements whatever the count. */
    List<MemberView> list(CurrentStaff staff, Long communityId, String status) {
        MemberStatus filter = null;
        if (status != null && !status.isBlank()) {
            filter = java.util.Arrays.stream(MemberStatus.values()).filter(x -> x.name().equals(status)).findFirst()
                    .orElse(null);
            if (filter == null) {
                return List.of(); // no registration has an unknown status
            }
        }
        MemberStatus wanted = filter;
        List<PartyMember> rows = StaffScope.list(staff, communityId, c -> members.listForStaff(c, wanted));
        Map<Long, DutyClaimMapper.ServiceMinutes> served = serviceMinutes(rows);
        Map<Long, Long> volunteer = volunteerHours.minutes(rows.stream().map(PartyMember::getUserId).toList());
        return rows.stream().map(m -> {
            DutyClaimMapper.ServiceMinutes s = served.get(m.getId());
            return MemberView.of(m, s == null ? 0 : s.getMinutes(), volunteer.getOrDefault(m.getUserId(), 0L),
                    s == null ? 0 : s.getUnverifiedMinutes(), true);
        }).toList();
    }

    /** Service minutes by member id (members without any are absent). */
    private Map<Long, DutyClaimMapper.ServiceMinutes> serviceMinutes(List<PartyMember> rows) {
        if (rows.isEmpty()) {
            return Map.of();
        }
        return claims.serviceMinutes(rows.stream().map(PartyMember::getId).toList()).stream()
                .collect(Collectors.toMap(DutyClaimMapper.ServiceMinutes::getMemberId, s -> s));
    }

    @Transactional
    public MemberView approve(CurrentStaff staff, long memberId) {
        PartyMember m = reviewable(staff, memberId);
        LocalDateTime now = LocalDateTime.now(clock);
        if (m.getOrgId() == null && m.getStatus() == MemberStatus.PENDING) {
            members.assignOrg(memberId, orgFromGivenName(m.getCommunityId(), m.getOrgNameGiven(), now));
        }
        if (members.approve(memberId, staff.id(), now) == 0) {
            throw new BizException(DutyError.MEMBER_NOT_PENDING);
        }
        users.grantRole(m.getUserId(), Role.MEMBER);
        notifier.enqueue(new Notification(m.getUserId(), "member-approved", org.redstation.common.MiniProgramPages.MEMBER_CENTER,
                Map.of("thing1", "党员双报到登记", "phrase2", MemberStatus.APPROVED.label(), "time3", now.format(MINUTE)),
                "member-approved:" + memberId + ":" + m.getCreatedAt()));
        return MemberView.of(members.findById(memberId), 0, true);
    }

    @Transactional
    public MemberView reject(CurrentStaff staff, long memberId, String reason) {
        PartyMember m = reviewable(staff, memberId);
        LocalDateTime now = LocalDateTime.now(clock);
        if (members.reject(memberId, reason, staff.id(), now) == 0) {
            throw new BizException(DutyError.MEMBER_NOT_PENDING);
        }
        notifier.enqueue(new Notification(m.getUserId(), "member-rejected", org.redstation.common.MiniProgramPages.MEMBER_REGISTER,
                Map.of("thing1", "党员双报到登记", "phrase2", MemberStatus.REJECTED.label(), "thing3", cut(reason, 20)),
                "member-rejected:" + memberId + ":" + m.getCreatedAt()));
        return MemberView.of(members.findById(memberId), 0, true);
    }

    /** The community's organisation of that name, created as a unit branch when staff approve an unlisted one. */
    private long orgFromGivenName(long communityId, String name, LocalDateTime now) {
        LambdaQueryWrapper<DutyOrg> same = new LambdaQueryWrapper<DutyOrg>().eq(DutyOrg::getCommunityId, communityId)
                .eq(DutyOrg::getName, name);
        DutyOrg found = orgs.selectOne(same);
        if (found != null) {
            return found.getId();
        }
        DutyOrg org = new DutyOrg();
        org.setCommunityId(communityId);
        org.setName(name);
        org.setKind(OrgKind.UNIT_BRANCH);
        org.setCreatedAt(now);
        try {
            orgs.insert(org);
            return org.getId();
        } catch (DuplicateKeyException e) {
            return orgs.selectOne(same).getId(); // created by a concurrent approval of the same name
        }
    }

    private PartyMember reviewable(CurrentStaff staff, long memberId) {
        PartyMember m = members.findById(memberId);
        if (m == null) {
            throw new BizException(DutyError.MEMBER_NOT_FOUND);
        }
        staff.requireCommunity(m.getCommunityId());
        return m;
    }

    static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        int[] cps = s.strip().codePoints().toArray();
        return cps.length <= max ? s.strip() : new String(cps, 0, max - 1) + "…";
    }

    // ---- organisations ----

    /** {@code active}: false once staff deactivated it; {@code memberCount}: approved members (staff list only, else null). */
    record OrgView(long id, long communityId, String name, String kind, String kindName, String unitName,
                   String secretary, String contactPhone, Long contactUserId, boolean active, Integer memberCount) {
        static OrgView of(DutyOrg o, boolean forStaff) {
            return new OrgView(o.getId(), o.getCommunityId(), o.getName(), o.getKind().name(), o.getKind().label(),
                    o.getUnitName(), o.getSecretary(), forStaff ? Masks.phone(o.getContactPhone()) : null,
                    forStaff ? o.getContactUserId() : null, o.isActive(), forStaff ? o.getMemberCount() : null);
        }
    }

    record NewOrg(long communityId, String name, String kind, String unitName, String secretary, String contactPhone) {
    }

    /** An active organisation of that community: what a registration, a shift or a pattern may name. */
    boolean orgInCommunity(long orgId, long communityId) {
        return orgs.exists(new LambdaQueryWrapper<DutyOrg>().eq(DutyOrg::getId, orgId)
                .eq(DutyOrg::getCommunityId, communityId).eq(DutyOrg::isActive, true));
    }

    @Transactional
    public OrgView createOrg(CurrentStaff staff, NewOrg o) {
        staff.requireCommunity(o.communityId());
        OrgKind kind = OrgKind.parse(o.kind()).orElseThrow(
                () -> BizException.invalid("kind", "类型只能是 UNIT_BRANCH、GENERAL_BRANCH 或 COMMUNITY_BRANCH"));
        if (stations.community(o.communityId()).isEmpty()) {
            throw BizException.invalid("communityId", "没有这个社区");
        }
        DutyOrg org = new DutyOrg();
        org.setCommunityId(o.communityId());
        org.setName(o.name());
        org.setKind(kind);
        org.setUnitName(o.unitName());
        org.setSecretary(o.secretary());
        org.setContactPhone(o.contactPhone());
        org.setCreatedAt(LocalDateTime.now(clock));
        try {
            orgs.insert(org);
        } catch (DuplicateKeyException e) {
            throw new BizException(DutyError.ORG_EXISTS);
        }
        return OrgView.of(org, true);
    }

    /**
     * Names the approved member of the organisation who takes wishes dispatched to it (their app user becomes
     * {@code contact_user_id}); {@code memberId} null clears it.
     */
    @Transactional
    public OrgView setContactUser(CurrentStaff staff, long orgId, Long memberId) {
        DutyOrg org = orgs.selectById(orgId);
        if (org == null) {
            throw new BizException(DutyError.ORG_NOT_FOUND, "没有这个党组织", "orgId");
        }
        staff.requireCommunity(org.getCommunityId());
        Long userId = null;
        if (memberId != null) {
            PartyMember m = members.findById(memberId);
            if (m == null || !m.mayServe() || !Long.valueOf(orgId).equals(m.getOrgId())) {
                throw BizException.invalid("memberId", "接单联系人须是本组织已通过审核的党员");
            }
            userId = m.getUserId();
        }
        orgs.setContactUser(orgId, userId);
        return OrgView.of(orgs.selectById(orgId), true);
    }

    /** A community's active organisations for the registration form (no secretary's contact), community ones first. */
    List<OrgView> orgsForResidents(long communityId) {
        return orgs.selectList(new LambdaQueryWrapper<DutyOrg>().eq(DutyOrg::getCommunityId, communityId)
                        .eq(DutyOrg::isActive, true)).stream()
                .sorted(Comparator.comparing(DutyOrg::getKind).thenComparing(DutyOrg::getId))
                .map(o -> OrgView.of(o, false)).toList();
    }

    // ---- resource list ----

    record ResourceView(long id, String category, String categoryName, String description, String memberName,
                        String orgName) {
        static ResourceView of(MemberResourceMapper.ResourceRow r) {
            return new ResourceView(r.getId(), r.getCategory().name(), r.getCategory().label(), r.getDescription(),
                    r.getMemberName(), r.getOrgName());
        }
    }

    List<ResourceView> myResources(long userId) {
        PartyMember m = memberOf(userId, "请先完成党员双报到登记");
        return resourcesOf(m.getId());
    }

    private List<ResourceView> resourcesOf(long memberId) {
        return resources.ofMember(memberId).stream().map(ResourceView::of).toList();
    }

    @Transactional
    public List<ResourceView> addResource(long userId, String category, String description) {
        ResourceCategory cat = ResourceCategory.parse(category)
                .orElseThrow(() -> BizException.invalid("category", "请选择资源类别"));
        PartyMember m = memberOf(userId, "请先完成党员双报到登记");
        members.lock(m.getId(), false); // serialises this member's additions, so the limit holds
        long n = resources.selectCount(new LambdaQueryWrapper<MemberResource>().eq(MemberResource::getMemberId, m.getId()));
        if (n >= ResourceCategory.MAX_PER_MEMBER) {
            throw new BizException(DutyError.RESOURCE_LIMIT);
        }
        MemberResource r = new MemberResource();
        r.setMemberId(m.getId());
        r.setCategory(cat);
        r.setDescription(description);
        r.setCreatedAt(LocalDateTime.now(clock));
        resources.insert(r);
        return resourcesOf(m.getId());
    }

    @Transactional
    public void removeResource(long userId, long resourceId) {
        PartyMember m = memberOf(userId, "请先完成党员双报到登记");
        int n = resources.delete(new LambdaQueryWrapper<MemberResource>().eq(MemberResource::getId, resourceId)
                .eq(MemberResource::getMemberId, m.getId()));
        if (n == 0) {
            throw new BizException(DutyError.RESOURCE_NOT_FOUND);
        }
    }
}
