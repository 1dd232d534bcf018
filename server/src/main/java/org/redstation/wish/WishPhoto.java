package org.redstation.wish;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import lombok.Data;

/** A row of {@code wish_photo}: a re-encoded photo in the {@link PhotoStore}. kind POSTED or COMPLETION. */
@Data
@TableName("wish_photo")
class WishPhoto {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long wishId;
    private String kind;
    private String storageKey;
    private String contentType;
    private Integer sizeBytes;
    private LocalDateTime createdAt;
}
