package org.redstation.duty;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.redstation.auth.CurrentStaff;
import org.redstation.common.BizException;
import org.redstation.common.Xlsx;
import org.springframework.stereotype.Service;

/** Service hours per member and per organisation for a year (the annual review), as JSON and as an .xlsx file. */
@Service
class DutyHoursExports {
    private final DutyFiguresMapper figures;

    DutyHoursExports(DutyFiguresMapper figures) {
        this.figures = figures;
    }

    record YearHours(int year, List<DutyClaimMapper.HoursRow> members, List<DutyClaimMapper.HoursRow> orgs) {
    }

    YearHours hours(CurrentStaff staff, Long communityId, int year) {
        if (year < 2018 || year > LocalDate.now().getYear() + 1) {
            throw BizException.invalid("year", "年份不正确");
        }
        LocalDateTime from = LocalDate.of(year, 1, 1).atStartOfDay();
        LocalDateTime to = from.plusYears(1);
        return new YearHours(year, StaffScope.list(staff, communityId, c -> figures.hoursByMember(c, from, to)),
                StaffScope.list(staff, communityId, c -> figures.hoursByOrg(c, from, to)));
    }

    List<Xlsx.Sheet> sheets(YearHours h) {
        return List.of(
                new Xlsx.Sheet("按党员", List.of("序号", "党员", "所属党组织", "服务次数", "服务时长（小时）", "其中未核验（小时）"),
                        rows(h.members(), true)),
                new Xlsx.Sheet("按党组织", List.of("序号", "党组织", "服务次数", "服务时长（小时）", "其中未核验（小时）"),
                        rows(h.orgs(), false)));
    }

    private static List<List<?>> rows(List<DutyClaimMapper.HoursRow> rows, boolean withOrg) {
        int[] n = {1};
        return rows.stream().<List<?>>map(r -> withOrg
                ? List.of(n[0]++, r.getName(), r.getOrgName(), r.getShifts(), hours(r.getMinutes()), hours(r.getUnverifiedMinutes()))
                : List.of(n[0]++, r.getName(), r.getShifts(), hours(r.getMinutes()), hours(r.getUnverifiedMinutes()))).toList();
    }

    /** Minutes as hours with one decimal (what the review reports). */
    static double hours(int minutes) {
        return Math.round(minutes / 6.0) / 10.0;
    }
}
