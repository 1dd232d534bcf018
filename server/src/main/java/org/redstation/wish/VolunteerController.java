package org.redstation.wish;

import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.List;
import org.redstation.auth.AuthOptional;
import org.redstation.auth.CurrentStaff;
import org.redstation.auth.CurrentUser;
import org.redstation.wish.VolunteerService.ActivityView;
import org.redstation.wish.VolunteerService.NewActivity;
import org.redstation.wish.VolunteerService.TeamView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Volunteer teams and activities: residents browse, sign up, cancel, check in; staff create teams and activities. */
@RestController
@Tag(name = "志愿服务")
class VolunteerController {
    private final VolunteerService volunteers;

    VolunteerController(VolunteerService volunteers) {
        this.volunteers = volunteers;
    }

    record JoinBody(@Size(max = 32, message = "不能超过32字") String name) {
    }

    record CheckInBody(@NotBlank(message = "请扫描驿站二维码") @Size(max = 64, message = "二维码内容不正确") String scene) {
    }

    record TeamBody(@NotNull(message = "不能为空") Long communityId,
                    @NotBlank(message = "不能为空") @Size(max = 64, message = "不能超过64字") String name,
                    @NotNull(message = "请选择服务类别") TeamCategory category,
                    @NotNull(message = "请指定队长") Long leaderUserId,
                    @NotBlank(message = "不能为空") @Size(max = 32, message = "不能超过32字") String leaderName) {
    }

    record MemberBody(@NotNull(message = "不能为空") Long userId,
                      @NotBlank(message = "不能为空") @Size(max = 32, message = "不能超过32字") String name) {
    }

    record ActivityBody(@NotNull(message = "不能为空") Long stationId, Long teamId,
                        @NotBlank(message = "不能为空") @Size(max = 64, message = "不能超过64字") String title,
                        @Size(max = 500, message = "不能超过500字") String description,
                        @NotNull(message = "不能为空") LocalDateTime startAt, @NotNull(message = "不能为空") LocalDateTime endAt,
                        @NotNull(message = "不能为空") @Min(value = 1, message = "至少1人") @Max(value = 1000, message = "最多1000人") Integer capacity,
                        Boolean teamOnly) {
    }

    @GetMapping("/api/volunteer/teams")
    List<TeamView> teams(@RequestParam(required = false) Long communityId) {
        return volunteers.teams(communityId);
    }

    @PostMapping("/api/volunteer/teams/{id}/join")
    TeamView join(CurrentUser u, @PathVariable long id, @Valid @RequestBody(required = false) JoinBody b) {
        return volunteers.join(u, id, b == null ? null : b.name());
    }

    @GetMapping("/api/volunteer/activities")
    List<ActivityView> activities(@AuthOptional CurrentUser u, @RequestParam(required = false) Long stationId) {
        return volunteers.upcoming(u, stationId);
    }

    @GetMapping("/api/volunteer/activities/mine")
    List<ActivityView> mine(CurrentUser u) {
        return volunteers.mine(u);
    }

    @PostMapping("/api/volunteer/activities/{id}/signup")
    ActivityView signUp(CurrentUser u, @PathVariable long id) {
        return volunteers.signUp(u, id);
    }

    @DeleteMapping("/api/volunteer/activities/{id}/signup")
    ActivityView cancel(CurrentUser u, @PathVariable long id) {
        return volunteers.cancel(u, id);
    }

    @PostMapping("/api/volunteer/activities/{id}/checkin")
    ActivityView checkIn(CurrentUser u, @PathVariable long id, @Valid @RequestBody CheckInBody b) {
        return volunteers.checkIn(u, id, b.scene());
    }

    // ---- staff ----

    @PostMapping("/api/staff/volunteer/teams")
    @ResponseStatus(HttpStatus.CREATED)
    TeamView createTeam(CurrentStaff s, @Valid @RequestBody TeamBody b) {
        return volunteers.createTeam(s, b.communityId(), b.name(), b.category(), b.leaderUserId(), b.leaderName());
    }

    @PostMapping("/api/staff/volunteer/teams/{id}/members")
    TeamView addMember(CurrentStaff s, @PathVariable long id, @Valid @RequestBody MemberBody b) {
        return volunteers.addMember(s, id, b.userId(), b.name());
    }

    @PostMapping("/api/staff/volunteer/activities")
    @ResponseStatus(HttpStatus.CREATED)
    ActivityView createActivity(CurrentStaff s, @Valid @RequestBody ActivityBody b) {
        return volunteers.createActivity(s, new NewActivity(b.stationId(), b.teamId(), b.title(), b.description(),
                b.startAt(), b.endAt(), b.capacity(), Boolean.TRUE.equals(b.teamOnly())));
    }
}
