package org.redstation.station;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import lombok.Data;

/** A row of {@code street}: a street (街道) or town (镇); kind STREET or TOWN. */
@Data
@TableName("street")
class Street {
    @TableId(type = IdType.AUTO)
    private Long id;
    private String name;
    private String kind;
}
