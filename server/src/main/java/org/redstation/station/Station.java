package org.redstation.station;

import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;
import java.time.LocalDateTime;
import lombok.Data;
import org.redstation.station.StationModel.StationInfo;

/**
 * A row of {@code station}: the one row type every read of the table uses. The three names at the end are
 * not columns: {@link StationMapper}'s joined selects fill them from {@code community} and {@code street}.
 */
@Data
@TableName("station")
class Station {
    @TableId(type = IdType.AUTO)
    private Long id;
    private String code;
    private Long communityId;
    private String name;
    private String address;
    private Double latitude;
    private Double longitude;
    private String phone;
    private BuildType buildType;
    private String coBuildingUnit;
    private String photoUrl;
    private StationStatus status;
    private String notice;
    /** Duty check-in without the station code or a location is allowed (flagged to staff). */
    private Boolean allowUnverifiedCheckin;
    private Integer version;
    private LocalDateTime createdAt;
    private LocalDateTime updatedAt;

    @TableField(exist = false)
    private String communityName;
    @TableField(exist = false)
    private String communityPhone;
    @TableField(exist = false)
    private String streetName;

    StationRef toRef() {
        return new StationRef(id, code, name, communityId, communityName, address, latitude, longitude, status.name(),
                phone != null && !phone.isBlank() ? phone : communityPhone, Boolean.TRUE.equals(allowUnverifiedCheckin));
    }

    StationInfo toInfo() {
        return new StationInfo(id, code, name, streetName, communityId, communityName, communityPhone, address, latitude,
                longitude, phone, buildType, buildType.label(), coBuildingUnit, photoUrl, status, status.label(), notice,
                Boolean.TRUE.equals(allowUnverifiedCheckin));
    }
}
