package org.redstation.wish;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.redstation.auth.CurrentStaff;
import org.redstation.common.BizException;
import org.redstation.station.CommunityRef;
import org.redstation.station.StationApi;
import org.springframework.stereotype.Service;

/**
 * The monthly 民情 report of one community (.xlsx, fastexcel): what residents asked about (by category), how many,
 * how fast they got a reply (posted → dispatched) and were completed, how satisfied they were; then every item.
 */
@Service
class MonthlyReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private final WishMapper wishes;
    private final StationApi stations;

    MonthlyReport(WishMapper wishes, StationApi stations) {
        this.wishes = wishes;
        this.stations = stations;
    }

    record Report(String filename, byte[] bytes) {
    }

    /** Per category: posted, completed, reply and completion hours (averages), rating. Pure, unit-tested. */
    record CategoryLine(WishCategory category, long posted, long completed, Double replyHours, Double completionHours,
                        Double avgRating) {
    }

    static List<CategoryLine> lines(List<Wish> items) {
        Map<WishCategory, List<Wish>> by = new EnumMap<>(WishCategory.class);
        items.forEach(w -> by.computeIfAbsent(w.getCategory(), k -> new java.util.ArrayList<>()).add(w));
        return by.entrySet().stream().map(e -> {
            List<Wish> ws = e.getValue();
            return new CategoryLine(e.getKey(), ws.size(), ws.stream().filter(w -> w.getState().isDone()).count(),
                    avgHours(ws.stream().filter(w -> w.getDispatchedAt() != null).map(w -> Duration.between(w.getCreatedAt(), w.getDispatchedAt())).toList()),
                    avgHours(ws.stream().filter(w -> w.getCompletedAt() != null).map(w -> Duration.between(w.getCreatedAt(), w.getCompletedAt())).toList()),
                    ws.stream().filter(w -> w.getRating() != null).mapToInt(Wish::getRating).average().stream()
                            .mapToObj(WishAreaFigures::round).findFirst().orElse(null));
        }).toList();
    }

    private static Double avgHours(List<Duration> ds) {
        return ds.isEmpty() ? null : WishAreaFigures.round(ds.stream().mapToLong(Duration::toMinutes).average().orElse(0) / 60.0);
    }

    public Report build(CurrentStaff s, long communityId, YearMonth month) {
        s.requireCommunity(communityId);
        CommunityRef c = stations.community(communityId).orElseThrow(() -> BizException.invalid("communityId", "没有这个社区"));
        LocalDateTime from = month.atDay(1).atStartOfDay();
        List<Wish> items = wishes.selectList(new LambdaQueryWrapper<Wish>().eq(Wish::getCommunityId, communityId)
                .ne(Wish::getState, WishState.MERGED).ge(Wish::getCreatedAt, from).lt(Wish::getCreatedAt, from.plusMonths(1))
                .orderByAsc(Wish::getId));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "RedStation", "1.0");
            Worksheet sum = wb.newWorksheet("民情概况");
            sum.value(0, 0, c.streetName() + c.name() + " " + month.getYear() + "年" + month.getMonthValue() + "月民情报告");
            sum.style(0, 0).bold().set();
            sum.value(1, 0, "共收集需求");
            sum.value(1, 1, items.size());
            sum.value(2, 0, "已办结");
            sum.value(2, 1, items.stream().filter(w -> w.getState().isDone()).count());
            sum.value(3, 0, "办理中/待办");
            sum.value(3, 1, items.stream().filter(w -> w.getState().isOpen()).count());
            String[] head = {"类别", "收集", "办结", "平均响应(小时)", "平均办结(小时)", "平均评分"};
            for (int i = 0; i < head.length; i++) {
                sum.value(5, i, head[i]);
                sum.style(5, i).bold().set();
            }
            int r = 6;
            for (CategoryLine l : lines(items)) {
                sum.value(r, 0, l.category().label());
                sum.value(r, 1, l.posted());
                sum.value(r, 2, l.completed());
                sum.value(r, 3, l.replyHours());
                sum.value(r, 4, l.completionHours());
                sum.value(r, 5, l.avgRating());
                r++;
            }
            sum.width(0, 18);
            Worksheet list = wb.newWorksheet("需求明细");
            String[] cols = {"编号", "提交时间", "类别", "内容", "状态", "接单方", "派单时间", "办结时间", "评分", "评价"};
            for (int i = 0; i < cols.length; i++) {
                list.value(0, i, cols[i]);
                list.style(0, i).bold().set();
            }
            int row = 1;
            for (Wish w : items) {
                list.value(row, 0, w.getId());
                list.value(row, 1, w.getCreatedAt().format(TIME));
                list.value(row, 2, w.getCategory().label());
                list.value(row, 3, w.getContent());
                list.value(row, 4, w.getState().label());
                list.value(row, 5, w.getAssigneeName());
                list.value(row, 6, w.getDispatchedAt() == null ? null : w.getDispatchedAt().format(TIME));
                list.value(row, 7, w.getCompletedAt() == null ? null : w.getCompletedAt().format(TIME));
                list.value(row, 8, w.getRating());
                list.value(row, 9, w.getRatingComment());
                row++;
            }
            list.width(3, 50);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Report(c.name() + "-" + month + "-民情报告.xlsx", out.toByteArray());
    }
}
