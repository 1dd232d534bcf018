package org.redstation.wish;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.redstation.auth.CurrentStaff;
import org.redstation.wish.AssigneeRanking.Suggestion;
import org.redstation.wish.WishStaffService.ProjectView;
import org.redstation.wish.WishViews.WishView;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Community staff (社区派单): the queue, dispatch with suggestions, merge, service projects, photos. */
@RestController
@Tag(name = "心愿派单（工作人员）")
class WishStaffController {
    private final WishStaffService staff;
    private final WishPhotos photos;

    WishStaffController(WishStaffService staff, WishPhotos photos) {
        this.staff = staff;
        this.photos = photos;
    }

    record DispatchBody(@NotNull(message = "请选择接单类型") AssigneeKind kind, @NotNull(message = "请选择接单对象") Long assigneeId,
                        @Size(max = 200, message = "不能超过200字") String note) {
    }

    record MergeBody(@NotNull(message = "请选择要合并到的心愿") Long intoId) {
    }

    record ProjectBody(@NotNull(message = "不能为空") Long communityId,
                       @NotBlank(message = "不能为空") @Size(max = 64, message = "不能超过64字") String title, List<Long> wishIds) {
    }

    record AddBody(@NotNull(message = "不能为空") Long wishId) {
    }

    @GetMapping("/api/staff/wishes")
    List<WishView> queue(CurrentStaff s, @RequestParam(required = false) WishState state,
                         @RequestParam(required = false) Long communityId) {
        return staff.queue(s, state, communityId);
    }

    @GetMapping("/api/staff/wishes/{id}")
    WishView detail(CurrentStaff s, @PathVariable long id) {
        return staff.detail(s, id);
    }

    @GetMapping("/api/staff/wishes/{id}/suggestions")
    List<Suggestion> suggestions(CurrentStaff s, @PathVariable long id) {
        return staff.suggestions(s, id);
    }

    @PostMapping("/api/staff/wishes/{id}/dispatch")
    WishView dispatch(CurrentStaff s, @PathVariable long id, @Valid @RequestBody DispatchBody b) {
        return staff.dispatch(s, id, b.kind(), b.assigneeId(), b.note());
    }

    @PostMapping("/api/staff/wishes/{id}/merge")
    WishView merge(CurrentStaff s, @PathVariable long id, @Valid @RequestBody MergeBody b) {
        return staff.merge(s, id, b.intoId());
    }

    @GetMapping("/api/staff/wishes/{id}/photos/{photoId}")
    ResponseEntity<byte[]> photo(CurrentStaff s, @PathVariable long id, @PathVariable long photoId) {
        return WishController.image(photos.forStaff(s, id, photoId));
    }

    @PostMapping("/api/staff/wish-projects")
    @ResponseStatus(HttpStatus.CREATED)
    ProjectView createProject(CurrentStaff s, @Valid @RequestBody ProjectBody b) {
        return staff.createProject(s, b.communityId(), b.title(), b.wishIds());
    }

    @PostMapping("/api/staff/wish-projects/{id}/wishes")
    ProjectView addToProject(CurrentStaff s, @PathVariable long id, @Valid @RequestBody AddBody b) {
        return staff.addToProject(s, id, b.wishId());
    }

    @GetMapping("/api/staff/wish-projects/{id}")
    ProjectView project(CurrentStaff s, @PathVariable long id) {
        return staff.project(s, id);
    }
}
