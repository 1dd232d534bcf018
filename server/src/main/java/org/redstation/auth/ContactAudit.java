package org.redstation.auth;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.redstation.common.BizException;
import org.springframework.stereotype.Service;

/**
 * "Show contact": lists show phones masked; a full number is given only to staff of the subject's community who
 * say why, and every reveal is recorded (who, when, whose, why). Any module with a phone uses it the same way:
 * <pre>{@code
 * contactAudit.reveal(staff, member.getCommunityId(), "PARTY_MEMBER", member.getId(), reason); // checks, records
 * return new Contact(member.getName(), member.getPhone());
 * }</pre>
 * Call it in the transaction that reads the phone; the audit row commits with it.
 */
@Service
public class ContactAudit {
    private static final DateTimeFormatter FMT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int MAX_REASON = 200;
    private final ContactAuditMapper audit;
    private final Clock clock;

    ContactAudit(ContactAuditMapper audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Checks that {@code staff} may see contacts of {@code communityId} and records the reveal. Throws FORBIDDEN for
     * another community, VALIDATION_FAILED (field {@code reason}) without a reason.
     */
    public void reveal(CurrentStaff staff, long communityId, String subjectKind, long subjectId, String reason) {
        staff.requireCommunity(communityId);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw BizException.invalid("reason", "请填写查看联系方式的原因");
        }
        if (why.length() > MAX_REASON) {
            throw BizException.invalid("reason", "原因最多200字");
        }
        ContactAuditRow r = new ContactAuditRow();
        r.setStaffId(staff.id());
        r.setStaffName(staff.displayName() == null || staff.displayName().isBlank() ? staff.username() : staff.displayName());
        r.setCommunityId(communityId);
        r.setSubjectKind(subjectKind);
        r.setSubjectId(subjectId);
        r.setReason(why);
        r.setCreatedAt(LocalDateTime.now(clock));
        audit.insert(r);
    }

    /** One reveal as administrators read it. */
    public record Reveal(long id, long staffId, String staffName, long communityId, String subjectKind, long subjectId,
                         String reason, String at) {
    }

    /** Who saw the contact of a subject, newest first (administrators; community scope applies). */
    public List<Reveal> revealsOf(CurrentStaff staff, String subjectKind, long subjectId) {
        staff.requireAdmin();
        return audit.selectList(new LambdaQueryWrapper<ContactAuditRow>().eq(ContactAuditRow::getSubjectKind, subjectKind)
                        .eq(ContactAuditRow::getSubjectId, subjectId).orderByDesc(ContactAuditRow::getId).last("LIMIT 100"))
                .stream().filter(r -> staff.canSee(r.getCommunityId()))
                .map(r -> new Reveal(r.getId(), r.getStaffId(), r.getStaffName(), r.getCommunityId(), r.getSubjectKind(),
                        r.getSubjectId(), r.getReason(), r.getCreatedAt().format(FMT))).toList();
    }
}
