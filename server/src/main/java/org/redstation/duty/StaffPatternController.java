package org.redstation.duty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.redstation.auth.CurrentStaff;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Weekly shift patterns: list, create, edit, disable / enable (each save reconciles the pattern's future shifts). */
@RestController
@Tag(name = "社区工作人员：每周班次规律")
class StaffPatternController {
    private final PatternService patterns;

    StaffPatternController(PatternService patterns) {
        this.patterns = patterns;
    }

    record PatternRequest(
            Long stationId,
            @NotEmpty(message = "请选择星期") Set<@NotNull @Min(value = 1, message = "星期为1-7") @Max(value = 7, message = "星期为1-7") Integer> weekdays,
            @NotNull(message = "请填写开始时间") LocalTime start,
            @NotNull(message = "请填写结束时间") LocalTime end,
            @NotNull(message = "请填写名额") @Min(value = 1, message = "名额至少1人") @Max(value = 50, message = "名额最多50人") Integer seats,
            @NotBlank(message = "请填写班次类型") @Size(max = 32, message = "班次类型太长") String roleName,
            Long orgId) {
        PatternService.PatternInput input() {
            return new PatternService.PatternInput(stationId, weekdays, start, end, seats, roleName.strip(), orgId);
        }
    }

    @Operation(summary = "每周班次规律列表（含今后的班次数、其中已有人认领的数）")
    @GetMapping("/api/staff/duty/patterns")
    List<PatternService.PatternView> list(CurrentStaff staff, @RequestParam(required = false) Long communityId,
                                          @RequestParam(required = false) Long stationId) {
        return patterns.list(staff, communityId, stationId);
    }

    @Operation(summary = "新建每周班次规律（立即生成今后四周的班次）")
    @PostMapping("/api/staff/duty/patterns")
    @ResponseStatus(HttpStatus.CREATED)
    PatternService.Saved create(CurrentStaff staff, @Valid @RequestBody PatternRequest r) {
        if (r.stationId() == null) {
            throw org.redstation.common.BizException.invalid("stationId", "请选择驿站");
        }
        return patterns.create(staff, r.input());
    }

    @Operation(summary = "修改每周班次规律（未认领的今后班次随之调整，已认领的保留不变）")
    @PutMapping("/api/staff/duty/patterns/{id}")
    PatternService.Saved edit(CurrentStaff staff, @PathVariable long id, @Valid @RequestBody PatternRequest r) {
        return patterns.edit(staff, id, r.input());
    }

    @Operation(summary = "停用每周班次规律（删除今后未认领的班次，已认领的保留）")
    @PostMapping("/api/staff/duty/patterns/{id}/disable")
    PatternService.Saved disable(CurrentStaff staff, @PathVariable long id) {
        return patterns.setActive(staff, id, false);
    }

    @Operation(summary = "重新启用每周班次规律")
    @PostMapping("/api/staff/duty/patterns/{id}/enable")
    PatternService.Saved enable(CurrentStaff staff, @PathVariable long id) {
        return patterns.setActive(staff, id, true);
    }
}
