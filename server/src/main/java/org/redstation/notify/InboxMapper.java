package org.redstation.notify;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.InsertProvider;
import org.redstation.common.MultiRowInsert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** notify_message, with the WeChat delivery of each message read from its outbox row in the same statement. */
@Mapper
interface InboxMapper extends BaseMapper<InboxRow> {
    /** Many messages in one statement (a coalesced batch); a dedup key already there fails the whole statement. */
    @InsertProvider(type = MultiRowInsert.class, method = "sql")
    @MultiRowInsert.Into(table = "notify_message", columns = {"user_id", "template", "dedup_key", "title", "body", "page", "created_at"},
            properties = {"userId", "template", "dedupKey", "title", "body", "page", "createdAt"})
    int insertAll(@Param("rows") List<InboxRow> rows);


    @Select("SELECT m.id, m.template, m.title, m.body, m.page, m.created_at, m.read_at, o.status AS delivery "
            + "FROM notify_message m LEFT JOIN notify_outbox o ON o.dedup_key = m.dedup_key "
            + "WHERE m.user_id = #{userId} ORDER BY m.id DESC LIMIT #{limit} OFFSET #{offset}")
    List<Listed> page(@Param("userId") long userId, @Param("limit") int limit, @Param("offset") int offset);

    @Select("SELECT COUNT(*) AS total, COALESCE(SUM(read_at IS NULL), 0) AS unread FROM notify_message WHERE user_id = #{userId}")
    Counts counts(@Param("userId") long userId);

    @Update("UPDATE notify_message SET read_at = #{now} WHERE id = #{id} AND user_id = #{userId} AND read_at IS NULL")
    int markRead(@Param("id") long id, @Param("userId") long userId, @Param("now") LocalDateTime now);

    @Update("UPDATE notify_message SET read_at = #{now} WHERE user_id = #{userId} AND read_at IS NULL")
    int markAllRead(@Param("userId") long userId, @Param("now") LocalDateTime now);

    @lombok.Data
    class Listed {
        private long id;
        private String template;
        private String title;
        private String body;
        private String page;
        private LocalDateTime createdAt;
        private LocalDateTime readAt;
        private OutboxStatus delivery;
    }

    @lombok.Data
    class Counts {
        private long total;
        private long unread;
    }
}
