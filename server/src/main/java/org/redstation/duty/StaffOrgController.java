package org.redstation.duty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.redstation.auth.CurrentStaff;
import org.redstation.common.Xlsx;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff's Party organisations page: list and search, edit, deactivate, typed branches; the resource lists and export. */
@RestController
@Tag(name = "社区工作人员：党组织与资源清单")
class StaffOrgController {
    private final OrgAdmin orgs;
    private final ResourceLists resources;

    StaffOrgController(OrgAdmin orgs, ResourceLists resources) {
        this.orgs = orgs;
        this.resources = resources;
    }

    @Operation(summary = "社区的双报到党组织（可按名称/单位/书记、类型、是否停用筛选；含已通过党员人数）")
    @GetMapping("/api/staff/duty/orgs")
    List<MemberService.OrgView> list(CurrentStaff staff, @RequestParam(required = false) Long communityId,
                                     @RequestParam(required = false) String keyword,
                                     @RequestParam(required = false) String kind,
                                     @RequestParam(required = false) Boolean active) {
        return orgs.list(staff, communityId, keyword, kind, active);
    }

    record EditRequest(
            @NotBlank(message = "请填写党组织名称") @Size(max = 64, message = "名称太长") String name,
            @NotBlank(message = "请选择类型") String kind,
            @Size(max = 64, message = "单位名称太长") String unitName,
            @Size(max = 32, message = "书记姓名太长") String secretary,
            @Size(max = 20, message = "电话太长") @Pattern(regexp = "[0-9+\\- ]*", message = "电话格式不正确") String contactPhone) {
    }

    @Operation(summary = "修改党组织（contactPhone 不传则不改，传空字符串则清除）")
    @PutMapping("/api/staff/duty/orgs/{id}")
    MemberService.OrgView edit(CurrentStaff staff, @PathVariable long id, @Valid @RequestBody EditRequest r) {
        return orgs.edit(staff, id, new OrgAdmin.Edit(r.name().strip(), r.kind(), r.unitName(), r.secretary(), r.contactPhone()));
    }

    @Operation(summary = "停用党组织（保留历史；不再供报到、排班、派单选择）")
    @PostMapping("/api/staff/duty/orgs/{id}/deactivate")
    MemberService.OrgView deactivate(CurrentStaff staff, @PathVariable long id) {
        return orgs.setActive(staff, id, false);
    }

    @Operation(summary = "重新启用党组织")
    @PostMapping("/api/staff/duty/orgs/{id}/activate")
    MemberService.OrgView activate(CurrentStaff staff, @PathVariable long id) {
        return orgs.setActive(staff, id, true);
    }

    @Operation(summary = "报到时填写的未列出党组织（待审核的报到，按社区和名称汇总）")
    @GetMapping("/api/staff/duty/orgs/unlisted")
    List<OrgAdmin.UnlistedView> unlisted(CurrentStaff staff, @RequestParam(required = false) Long communityId) {
        return orgs.unlisted(staff, communityId);
    }

    record NewOrgRequest(
            @NotBlank(message = "请填写党组织名称") @Size(max = 64, message = "名称太长") String name,
            @NotBlank(message = "请选择类型") String kind,
            @Size(max = 64, message = "单位名称太长") String unitName,
            @Size(max = 32, message = "书记姓名太长") String secretary,
            @Size(max = 20, message = "电话太长") @Pattern(regexp = "[0-9+\\- ]*", message = "电话格式不正确") String contactPhone) {
    }

    record ResolveRequest(
            @NotNull(message = "请选择社区") Long communityId,
            @NotBlank(message = "请选择报到时填写的党组织名称") @Size(max = 64, message = "名称太长") String given,
            Long orgId,
            @Valid NewOrgRequest org) {
    }

    @Operation(summary = "把报到时填写的党组织登记为新党组织（org）或归入已有党组织（orgId），待审核的报到随之归入")
    @PostMapping("/api/staff/duty/orgs/unlisted")
    OrgAdmin.Resolved resolve(CurrentStaff staff, @Valid @RequestBody ResolveRequest r) {
        MemberService.NewOrg n = r.org() == null ? null : new MemberService.NewOrg(r.communityId(), r.org().name().strip(),
                r.org().kind(), r.org().unitName(), r.org().secretary(), r.org().contactPhone());
        return orgs.resolveUnlisted(staff, r.communityId(), r.given().strip(), r.orgId(), n);
    }

    // ---- resource lists ----

    @Operation(summary = "党员资源清单（可按社区、类别、党组织、关键词筛选；姓名脱敏）")
    @GetMapping("/api/staff/members/resources")
    List<ResourceLists.StaffResourceView> resources(CurrentStaff staff, @RequestParam(required = false) Long communityId,
                                                    @RequestParam(required = false) String category,
                                                    @RequestParam(required = false) Long orgId,
                                                    @RequestParam(required = false) String keyword) {
        return resources.list(staff, new ResourceLists.Filter(communityId, category, orgId, keyword));
    }

    @Operation(summary = "党员资源清单导出（.xlsx，筛选条件同列表）")
    @GetMapping("/api/staff/members/resources.xlsx")
    ResponseEntity<byte[]> export(CurrentStaff staff, @RequestParam(required = false) Long communityId,
                                  @RequestParam(required = false) String category,
                                  @RequestParam(required = false) Long orgId,
                                  @RequestParam(required = false) String keyword) {
        List<ResourceLists.StaffResourceView> rows = resources.list(staff,
                new ResourceLists.Filter(communityId, category, orgId, keyword));
        return Xlsx.download("党员资源清单", resources.sheets(rows));
    }
}
