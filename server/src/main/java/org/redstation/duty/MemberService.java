package org.redstation.duty;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.redstation.auth.CurrentStaff;
import org.redstation.auth.Role;
import org.redstation.auth.UserDirectory;
import org.redstation.common.BizException;
import org.redstation.common.Masks;
import org.redstation.notify.Notification;
import org.redstation.notify.Notifier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Double-report registration, staff review, organisations and members' resource lists. */
@Service
class MemberService {
    static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    static final Map<String, String> RESOURCE_CATEGORIES = Map.of("LEGAL", "法律咨询", "MEDICAL", "医疗健康",
            "TUTORING", "课业辅导", "REPAIR", "维修服务", "CULTURE", "文体活动", "POLICY", "政策宣讲", "OTHER", "其他");
    static final Map<String, String> ORG_KINDS = Map.of("UNIT_BRANCH", "单位党支部", "GENERAL_BRANCH", "党总支",
            "COMMUNITY_BRANCH", "社区党组织");

    private final DutyRepo repo;
    private final UserDirectory users;
    private final Notifier notifier;
    private final Clock clock;

    MemberService(DutyRepo repo, UserDirectory users, Notifier notifier, Clock clock) {
        this.repo = repo;
        this.users = users;
        this.notifier = notifier;
        this.clock = clock;
    }

    record Registration(long communityId, long orgId, String name, String workplace) {
    }

    record MemberView(long id, long communityId, long orgId, String orgName, String name, String phone,
                      String workplace, String status, String statusName, String rejectReason, int serviceMinutes,
                      String submittedAt) {
        static MemberView of(DutyRepo.Member m, int minutes, boolean maskPhone) {
            return new MemberView(m.id(), m.communityId(), m.orgId(), m.orgName(), m.name(),
                    maskPhone ? Masks.phone(m.phone()) : m.phone(), m.workplace(), m.status(), MemberService.statusName(m.status()),
                    m.rejectReason(), minutes, m.createdAt() == null ? null : m.createdAt().format(MINUTE));
        }
    }

    static String statusName(String status) {
        return switch (status) {
            case "PENDING" -> "待审核";
            case "APPROVED" -> "已通过";
            case "REJECTED" -> "未通过";
            default -> status;
        };
    }

    /** Registers (or re-applies after a rejection) with the phone number WeChat gave for the phone button. */
    @Transactional
    public MemberView register(long userId, Registration r, String phone) {
        if (!repo.orgInCommunity(r.orgId(), r.communityId())) {
            throw new BizException(DutyError.ORG_NOT_FOUND, DutyError.ORG_NOT_FOUND.message(), "orgId");
        }
        LocalDateTime now = LocalDateTime.now(clock);
        var existing = repo.memberByUser(userId);
        if (existing.isPresent()) {
            int n = repo.jdbc.update("UPDATE party_member SET community_id = ?, org_id = ?, name = ?, phone = ?, workplace = ?, "
                            + "status = 'PENDING', reject_reason = NULL, reviewed_by = NULL, reviewed_at = NULL, "
                            + "created_at = ?, updated_at = ? WHERE id = ? AND status = 'REJECTED'",
                    r.communityId(), r.orgId(), r.name(), phone, r.workplace(), now, now, existing.get().id());
            if (n == 0) {
                throw new BizException(DutyError.MEMBER_ALREADY_REGISTERED);
            }
        } else {
            try {
                repo.jdbc.update("INSERT INTO party_member (user_id, community_id, org_id, name, phone, workplace, status, "
                                + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)",
                        userId, r.communityId(), r.orgId(), r.name(), phone, r.workplace(), now, now);
            } catch (DuplicateKeyException e) {
                throw new BizException(DutyError.MEMBER_ALREADY_REGISTERED);
            }
        }
        users.setPhone(userId, phone);
        DutyRepo.Member m = repo.memberByUser(userId).orElseThrow();
        return MemberView.of(m, 0, false);
    }

    MemberView me(long userId) {
        DutyRepo.Member m = repo.memberByUser(userId).orElseThrow(() -> new BizException(DutyError.DUTY_NOT_MEMBER,
                "您还没有进行党员双报到登记"));
        return MemberView.of(m, repo.memberMinutes(m.id()), false);
    }

    List<MemberView> list(Long communityId, String status) {
        StringBuilder sql = new StringBuilder(DutyRepo.MEMBER_SELECT + "WHERE 1 = 1");
        List<Object> args = new java.util.ArrayList<>();
        if (communityId != null) {
            sql.append(" AND m.community_id = ?");
            args.add(communityId);
        }
        if (status != null && !status.isBlank()) {
            sql.append(" AND m.status = ?");
            args.add(status);
        }
        sql.append(" ORDER BY m.id DESC LIMIT 500");
        return repo.jdbc.query(sql.toString(), DutyRepo.MEMBER, args.toArray()).stream()
                .map(m -> MemberView.of(m, repo.memberMinutes(m.id()), true)).toList();
    }

    @Transactional
    public MemberView approve(CurrentStaff staff, long memberId) {
        DutyRepo.Member m = repo.member(memberId).orElseThrow(() -> new BizException(DutyError.MEMBER_NOT_FOUND));
        staff.requireCommunity(m.communityId());
        LocalDateTime now = LocalDateTime.now(clock);
        int n = repo.jdbc.update("UPDATE party_member SET status = 'APPROVED', reviewed_by = ?, reviewed_at = ?, updated_at = ? "
                + "WHERE id = ? AND status = 'PENDING'", staff.id(), now, now, memberId);
        if (n == 0) {
            throw new BizException(DutyError.MEMBER_NOT_PENDING);
        }
        users.grantRole(m.userId(), Role.MEMBER);
        notifier.enqueue(new Notification(m.userId(), "member-approved", "pages/member/center",
                Map.of("thing1", "党员双报到登记", "phrase2", "已通过", "time3", now.format(MINUTE)),
                "member-approved:" + memberId + ":" + m.createdAt()));
        return MemberView.of(repo.member(memberId).orElseThrow(), 0, true);
    }

    @Transactional
    public MemberView reject(CurrentStaff staff, long memberId, String reason) {
        DutyRepo.Member m = repo.member(memberId).orElseThrow(() -> new BizException(DutyError.MEMBER_NOT_FOUND));
        staff.requireCommunity(m.communityId());
        LocalDateTime now = LocalDateTime.now(clock);
        int n = repo.jdbc.update("UPDATE party_member SET status = 'REJECTED', reject_reason = ?, reviewed_by = ?, "
                + "reviewed_at = ?, updated_at = ? WHERE id = ? AND status = 'PENDING'", reason, staff.id(), now, now, memberId);
        if (n == 0) {
            throw new BizException(DutyError.MEMBER_NOT_PENDING);
        }
        notifier.enqueue(new Notification(m.userId(), "member-rejected", "pages/member/register",
                Map.of("thing1", "党员双报到登记", "phrase2", "未通过", "thing3", cut(reason, 20)),
                "member-rejected:" + memberId + ":" + m.createdAt()));
        return MemberView.of(repo.member(memberId).orElseThrow(), 0, true);
    }

    static String cut(String s, int max) {
        if (s == null) {
            return "";
        }
        int[] cps = s.strip().codePoints().toArray();
        return cps.length <= max ? s.strip() : new String(cps, 0, max - 1) + "…";
    }

    // ---- organisations ----

    record OrgView(long id, long communityId, String name, String kind, String kindName, String unitName,
                   String secretary, String contactPhone) {
    }

    record NewOrg(long communityId, String name, String kind, String unitName, String secretary, String contactPhone) {
    }

    @Transactional
    public OrgView createOrg(NewOrg o) {
        if (!ORG_KINDS.containsKey(o.kind())) {
            throw BizException.invalid("kind", "类型只能是 UNIT_BRANCH、GENERAL_BRANCH 或 COMMUNITY_BRANCH");
        }
        Integer c = repo.jdbc.queryForObject("SELECT COUNT(*) FROM community WHERE id = ?", Integer.class, o.communityId());
        if (c == null || c == 0) {
            throw BizException.invalid("communityId", "没有这个社区");
        }
        try {
            repo.jdbc.update("INSERT INTO duty_org (community_id, name, kind, unit_name, secretary, contact_phone, created_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?)", o.communityId(), o.name(), o.kind(), o.unitName(), o.secretary(),
                    o.contactPhone(), LocalDateTime.now(clock));
        } catch (DuplicateKeyException e) {
            throw new BizException(DutyError.ORG_EXISTS);
        }
        return orgs(o.communityId(), true).stream().filter(v -> v.name().equals(o.name())).findFirst().orElseThrow();
    }

    /** Organisations of a community; the secretary's contact only for staff. */
    List<OrgView> orgs(Long communityId, boolean forStaff) {
        String where = communityId == null ? "" : " WHERE community_id = " + communityId.longValue();
        return repo.jdbc.query("SELECT * FROM duty_org" + where + " ORDER BY community_id, FIELD(kind, 'COMMUNITY_BRANCH', "
                + "'GENERAL_BRANCH', 'UNIT_BRANCH'), id", (rs, i) -> new OrgView(rs.getLong("id"), rs.getLong("community_id"),
                rs.getString("name"), rs.getString("kind"), ORG_KINDS.get(rs.getString("kind")), rs.getString("unit_name"),
                rs.getString("secretary"), forStaff ? rs.getString("contact_phone") : null));
    }

    // ---- resource list ----

    record ResourceView(long id, String category, String categoryName, String description, String memberName,
                        String orgName) {
    }

    List<ResourceView> myResources(long userId) {
        DutyRepo.Member m = repo.memberByUser(userId).orElseThrow(() -> new BizException(DutyError.DUTY_NOT_MEMBER,
                "请先完成党员双报到登记"));
        return resources("WHERE r.member_id = ?", m.id());
    }

    List<ResourceView> resources(String where, Object... args) {
        return repo.jdbc.query("SELECT r.*, m.name AS member_name, o.name AS org_name FROM member_resource r "
                        + "JOIN party_member m ON m.id = r.member_id JOIN duty_org o ON o.id = m.org_id " + where
                        + " ORDER BY r.id", (rs, i) -> new ResourceView(rs.getLong("id"), rs.getString("category"),
                        RESOURCE_CATEGORIES.get(rs.getString("category")), rs.getString("description"),
                        rs.getString("member_name"), rs.getString("org_name")), args);
    }

    @Transactional
    public List<ResourceView> addResource(long userId, String category, String description) {
        if (!RESOURCE_CATEGORIES.containsKey(category)) {
            throw BizException.invalid("category", "请选择资源类别");
        }
        DutyRepo.Member m = repo.memberByUser(userId).orElseThrow(() -> new BizException(DutyError.DUTY_NOT_MEMBER,
                "请先完成党员双报到登记"));
        repo.jdbc.queryForObject("SELECT id FROM party_member WHERE id = ? FOR UPDATE", Long.class, m.id());
        Integer n = repo.jdbc.queryForObject("SELECT COUNT(*) FROM member_resource WHERE member_id = ?", Integer.class, m.id());
        if (n != null && n >= 20) {
            throw new BizException(DutyError.RESOURCE_LIMIT);
        }
        repo.jdbc.update("INSERT INTO member_resource (member_id, category, description, created_at) VALUES (?, ?, ?, ?)",
                m.id(), category, description, LocalDateTime.now(clock));
        return resources("WHERE r.member_id = ?", m.id());
    }

    @Transactional
    public void removeResource(long userId, long resourceId) {
        DutyRepo.Member m = repo.memberByUser(userId).orElseThrow(() -> new BizException(DutyError.DUTY_NOT_MEMBER,
                "请先完成党员双报到登记"));
        if (repo.jdbc.update("DELETE FROM member_resource WHERE id = ? AND member_id = ?", resourceId, m.id()) == 0) {
            throw new BizException(DutyError.RESOURCE_NOT_FOUND);
        }
    }
}
