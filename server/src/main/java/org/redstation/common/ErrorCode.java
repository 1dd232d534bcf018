package org.redstation.common;

import org.springframework.http.HttpStatus;

/**
 * A stable error code with its HTTP status and a Chinese message a resident understands. Each module keeps
 * its codes as constants of its own {@code <Module>Error} class.
 */
public record ErrorCode(String name, HttpStatus status, String message) {
}
