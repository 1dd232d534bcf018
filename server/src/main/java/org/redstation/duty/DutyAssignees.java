package org.redstation.duty;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.redstation.wish.AssigneeDirectory;
import org.redstation.wish.AssigneeKind;
import org.springframework.stereotype.Component;

/**
 * Offers this module's organisations and approved members to wish dispatch (wish's public interface; wish never
 * reads duty's tables). An organisation's skills are its approved members' resource categories; its user is the
 * contact staff named ({@code duty_org.contact_user_id}, null = none yet, and wish refuses to dispatch to it). A
 * member is known by app user id. Three statements per call whatever the numbers.
 */
@Component
class DutyAssignees implements AssigneeDirectory {
    private final DutyOrgMapper orgs;
    private final PartyMemberMapper members;
    private final MemberResourceMapper resources;

    DutyAssignees(DutyOrgMapper orgs, PartyMemberMapper members, MemberResourceMapper resources) {
        this.orgs = orgs;
        this.members = members;
        this.resources = resources;
    }

    @Override
    public List<Assignee> candidates(long communityId) {
        List<DutyOrg> os = orgs.selectList(new LambdaQueryWrapper<DutyOrg>().eq(DutyOrg::getCommunityId, communityId)
                .eq(DutyOrg::isActive, true).orderByAsc(DutyOrg::getId)); // a deactivated organisation takes no new wishes
        List<PartyMember> ms = members.selectList(approved().eq(PartyMember::getCommunityId, communityId)
                .orderByAsc(PartyMember::getId));
        Map<Long, Set<String>> byOrg = new HashMap<>();
        Map<Long, Set<String>> byUser = new HashMap<>();
        for (MemberResourceMapper.SkillRow r : resources.skills(communityId, null, null)) {
            if (r.getOrgId() != null) {
                byOrg.computeIfAbsent(r.getOrgId(), k -> new TreeSet<>()).add(r.getCategory().name());
            }
            byUser.computeIfAbsent(r.getUserId(), k -> new TreeSet<>()).add(r.getCategory().name());
        }
        List<Assignee> out = new ArrayList<>();
        os.forEach(o -> out.add(org(o, byOrg.getOrDefault(o.getId(), Set.of()))));
        ms.forEach(m -> out.add(member(m, byUser.getOrDefault(m.getUserId(), Set.of()))));
        return out;
    }

    @Override
    public Optional<Assignee> find(AssigneeKind kind, long id) {
        if (kind == AssigneeKind.ORG) {
            return Optional.ofNullable(orgs.selectById(id)).map(o -> org(o, skills(resources.skills(null, id, null))));
        }
        if (kind == AssigneeKind.MEMBER) {
            return Optional.ofNullable(members.selectOne(approved().eq(PartyMember::getUserId, id)))
                    .map(m -> member(m, skills(resources.skills(null, null, id))));
        }
        return Optional.empty();
    }

    private static LambdaQueryWrapper<PartyMember> approved() {
        return new LambdaQueryWrapper<PartyMember>().eq(PartyMember::getStatus, MemberStatus.APPROVED);
    }

    private static Set<String> skills(List<MemberResourceMapper.SkillRow> rows) {
        Set<String> out = new TreeSet<>();
        rows.forEach(r -> out.add(r.getCategory().name()));
        return out;
    }

    private static Assignee org(DutyOrg o, Set<String> skills) {
        return new Assignee(AssigneeKind.ORG, o.getId(), o.getName(), o.getCommunityId(), o.getContactUserId(), skills,
                null, null);
    }

    private static Assignee member(PartyMember m, Set<String> skills) {
        return new Assignee(AssigneeKind.MEMBER, m.getUserId(), m.getName(), m.getCommunityId(), m.getUserId(), skills,
                null, null);
    }
}
