package org.redstation.duty;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.redstation.auth.CurrentStaff;
import org.redstation.common.Masks;
import org.redstation.common.Xlsx;
import org.redstation.station.CommunityRef;
import org.redstation.station.StationApi;
import org.springframework.stereotype.Service;

/**
 * The resource lists (资源清单) approved members filed, as staff see them: filtered by community (scope), category,
 * organisation and keyword; member names masked in the list and in the export (the full contact only through the
 * audited {@code POST /api/staff/members/{id}/contact}).
 */
@Service
class ResourceLists {
    private final MemberResourceMapper resources;
    private final StationApi stations;

    ResourceLists(MemberResourceMapper resources, StationApi stations) {
        this.resources = resources;
        this.stations = stations;
    }

    record Filter(Long communityId, String category, Long orgId, String keyword) {
    }

    /** {@code memberName} is masked (张**); {@code memberId} is what the audited contact look-up takes. */
    record StaffResourceView(long id, String category, String categoryName, String description, long memberId,
                             String memberName, Long orgId, String orgName, long communityId, String communityName,
                             String createdAt) {
    }

    List<StaffResourceView> list(CurrentStaff staff, Filter f) {
        ResourceCategory cat = null;
        if (f.category() != null && !f.category().isBlank()) {
            cat = ResourceCategory.parse(f.category()).orElse(null);
            if (cat == null) {
                return List.of(); // an unknown category has no resources
            }
        }
        ResourceCategory category = cat;
        String like = f.keyword() == null || f.keyword().isBlank() ? null : "%" + OrgAdmin.escapeLike(f.keyword().strip()) + "%";
        List<MemberResourceMapper.ResourceRow> rows = StaffScope.list(staff, f.communityId(),
                c -> resources.forStaff(c, category, f.orgId(), like));
        Map<Long, String> communities = stations.communities(rows.stream().map(MemberResourceMapper.ResourceRow::getCommunityId)
                        .collect(Collectors.toSet())).values().stream()
                .collect(Collectors.toMap(CommunityRef::id, CommunityRef::name));
        return rows.stream().map(r -> new StaffResourceView(r.getId(), r.getCategory().name(), r.getCategory().label(),
                r.getDescription(), r.getMemberId(), Masks.name(r.getMemberName()), r.getOrgId(), r.getOrgName(),
                r.getCommunityId(), communities.getOrDefault(r.getCommunityId(), ""),
                r.getCreatedAt() == null ? null : r.getCreatedAt().format(MemberService.MINUTE))).toList();
    }

    List<Xlsx.Sheet> sheets(List<StaffResourceView> rows) {
        int[] n = {1};
        List<List<?>> out = rows.stream().<List<?>>map(r -> List.of(n[0]++, r.categoryName(), r.description(), r.memberName(),
                r.memberId(), r.orgName() == null ? "" : r.orgName(), r.communityName(), r.createdAt() == null ? "" : r.createdAt()))
                .toList();
        return List.of(new Xlsx.Sheet("资源清单", List.of("序号", "类别", "可提供的服务", "党员", "党员编号", "所属党组织", "社区", "登记时间"), out));
    }
}
