package org.redstation.station;

import org.redstation.common.ErrorCode;
import org.springframework.http.HttpStatus;

/** Errors of the station module. */
public final class StationError {
    public static final ErrorCode STATION_NOT_FOUND = new ErrorCode("STATION_NOT_FOUND", HttpStatus.NOT_FOUND, "没有找到这个驿站，请确认二维码是否正确");
    public static final ErrorCode STATION_CLOSED = new ErrorCode("STATION_CLOSED", HttpStatus.NOT_FOUND, "这个驿站已经关闭，请到附近其他驿站办理");
    public static final ErrorCode SERVICE_NOT_FOUND = new ErrorCode("SERVICE_NOT_FOUND", HttpStatus.NOT_FOUND, "没有找到这项服务");
    public static final ErrorCode STATION_CODE_TAKEN = new ErrorCode("STATION_CODE_TAKEN", HttpStatus.CONFLICT, "驿站编号已被使用，请换一个");
    public static final ErrorCode SERVICE_NAME_TAKEN = new ErrorCode("SERVICE_NAME_TAKEN", HttpStatus.CONFLICT, "已有同名服务");

    private StationError() {
    }
}
