package org.redstation.station;

import org.redstation.common.ErrorCode;
import org.springframework.http.HttpStatus;

/** Errors of the station module. */
public enum StationError implements ErrorCode {
    STATION_NOT_FOUND(HttpStatus.NOT_FOUND, "没有找到这个驿站，请确认二维码是否正确"),
    STATION_CLOSED(HttpStatus.NOT_FOUND, "这个驿站已经关闭，请到附近其他驿站办理"),
    SERVICE_NOT_FOUND(HttpStatus.NOT_FOUND, "没有找到这项服务"),
    STATION_CODE_TAKEN(HttpStatus.CONFLICT, "驿站编号已被使用，请换一个"),
    SERVICE_NAME_TAKEN(HttpStatus.CONFLICT, "已有同名服务");

    private final HttpStatus status;
    private final String message;

    StationError(HttpStatus status, String message) {
        this.status = status;
        this.message = message;
    }

    @Override
    public HttpStatus status() {
        return status;
    }

    @Override
    public String message() {
        return message;
    }
}
