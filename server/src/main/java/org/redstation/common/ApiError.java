package org.redstation.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The one JSON shape of every error answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String code, String message, String field, List<FieldError> errors, String requestId) {
    public record FieldError(String field, String message) {
    }
}
