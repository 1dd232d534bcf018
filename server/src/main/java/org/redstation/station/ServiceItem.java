package org.redstation.station;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import lombok.Data;

/** A row of {@code service_item}: the district's one service catalogue. */
@Data
@TableName("service_item")
class ServiceItem {
    @TableId(type = IdType.AUTO)
    private Long id;
    private String name;
    private String category;
    private String description;
    /** Documents or items a resident brings (e.g. 身份证、一寸照片); null = nothing particular. */
    private String whatToBring;
    private UsageMode usageMode;
    private Boolean enabled;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;

    CatalogueService toCatalogue() {
        return new CatalogueService(id, name, category, usageMode, Boolean.TRUE.equals(enabled), whatToBring);
    }
}
