package org.redstation.common;

/** A refusal with a stable code; turned into the common error JSON by {@link GlobalExceptionHandler}. */
public class BizException extends RuntimeException {
    private final ErrorCode error;
    private final String field;

    public BizException(ErrorCode error) {
        this(error, error.message(), null);
    }

    public BizException(ErrorCode error, String message) {
        this(error, message, null);
    }

    /**
     * No stack trace: a refusal is an answer, not a fault (only its message is logged), and walking the request's deep
     * stack for every refusal was a large part of the cost of a rush on a full slot or shift.
     */
    public BizException(ErrorCode error, String message, String field) {
        super(error.name() + ": " + message, null, false, false);
        this.error = error;
        this.field = field;
    }

    /** A validation error that names the field. */
    public static BizException invalid(String field, String message) {
        return new BizException(CommonError.VALIDATION_FAILED, message, field);
    }

    public ErrorCode error() {
        return error;
    }

    public String field() {
        return field;
    }

    public String userMessage() {
        String m = getMessage();
        int i = m.indexOf(": ");
        return i >= 0 ? m.substring(i + 2) : m;
    }
}
