package org.redstation.common;

import org.springframework.http.HttpStatus;

/** A stable error code with its HTTP status and a Chinese message a resident understands. Modules define their own enums. */
public interface ErrorCode {
    String name();

    HttpStatus status();

    String message();
}
