package org.redstation.station;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import lombok.Data;

/** A row of {@code community}; {@code streetName} is filled by {@link CommunityMapper}'s joined selects. */
@Data
@TableName("community")
class Community {
    @TableId(type = IdType.AUTO)
    private Long id;
    private Long streetId;
    private String name;
    private String phone;

    @TableField(exist = false)
    private String streetName;

    CommunityRef toRef() {
        return new CommunityRef(id, name, streetId, streetName, phone);
    }
}
