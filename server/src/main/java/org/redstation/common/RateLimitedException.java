package org.redstation.common;

/** 429 {@code RATE_LIMITED} with the seconds to wait, sent as {@code Retry-After} by {@link GlobalExceptionHandler}. */
public class RateLimitedException extends BizException {
    private final long retryAfterSeconds;

    public RateLimitedException(long retryAfterSeconds) {
        super(CommonError.RATE_LIMITED);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
