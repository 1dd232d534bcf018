package org.redstation.common;

import jakarta.validation.ConstraintViolationException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.redis.RedisConnectionFailureException;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.BindException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Turns every failure into {@link ApiError}: stable code, Chinese message, never a stack trace or SQL. */
@RestControllerAdvice
public class GlobalExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);

    public static ResponseEntity<ApiError> body(ErrorCode code, String message, String field, List<ApiError.FieldError> errors) {
        return ResponseEntity.status(code.status())
                .body(new ApiError(code.name(), message, field, errors, MDC.get(RequestIdFilter.MDC_KEY)));
    }

    public static ResponseEntity<ApiError> body(ErrorCode code) {
        return body(code, code.message(), null, null);
    }

    /**
     * The same answer as throwing e through Spring's resolver, for a hot endpoint that catches its own refusals: Spring
     * wraps a thrown exception in an InvocationTargetException with the request's full stack trace and then looks up a
     * handler, about a tenth of a refusal on a full slot or shift.
     */
    public static ResponseEntity<ApiError> answer(BizException e) {
        return e instanceof RateLimitedException r ? rateLimitedAnswer(r) : bizAnswer(e);
    }

    @ExceptionHandler(RateLimitedException.class)
    public ResponseEntity<ApiError> rateLimited(RateLimitedException e) {
        return rateLimitedAnswer(e);
    }

    private static ResponseEntity<ApiError> rateLimitedAnswer(RateLimitedException e) {
        log.info("rate limited: {}", e.getMessage());
        return ResponseEntity.status(e.error().status()).header("Retry-After", String.valueOf(e.retryAfterSeconds()))
                .body(new ApiError(e.error().name(), e.userMessage(), null, null, MDC.get(RequestIdFilter.MDC_KEY)));
    }

    @ExceptionHandler(BizException.class)
    public ResponseEntity<ApiError> biz(BizException e) {
        return bizAnswer(e);
    }

    private static ResponseEntity<ApiError> bizAnswer(BizException e) {
        if (e.error().status().is5xxServerError()) {
            log.warn("refused: {}", LogSafe.value(e.getMessage()));
        } else if (log.isInfoEnabled()) { // a rush of refusals at WARN level builds no log text
            log.info("refused: {}", LogSafe.value(e.getMessage()));
        }
        return body(e.error(), e.userMessage(), e.field(), null);
    }

    @ExceptionHandler(BindException.class) // includes MethodArgumentNotValidException
    public ResponseEntity<ApiError> bind(BindException e) {
        List<ApiError.FieldError> errors = e.getFieldErrors().stream()
                .map(f -> new ApiError.FieldError(f.getField(), f.getDefaultMessage())).toList();
        return invalid(errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    public ResponseEntity<ApiError> methodValidation(HandlerMethodValidationException e) {
        List<ApiError.FieldError> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> new ApiError.FieldError(
                        r.getMethodParameter().getParameterName(), err.getDefaultMessage())))
                .toList();
        return invalid(errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    public ResponseEntity<ApiError> constraint(ConstraintViolationException e) {
        List<ApiError.FieldError> errors = e.getConstraintViolations().stream().map(v -> {
            String path = v.getPropertyPath().toString();
            return new ApiError.FieldError(path.substring(path.lastIndexOf('.') + 1), v.getMessage());
        }).toList();
        return invalid(errors);
    }

    private ResponseEntity<ApiError> invalid(List<ApiError.FieldError> errors) {
        if (errors.isEmpty()) {
            return body(CommonError.VALIDATION_FAILED);
        }
        ApiError.FieldError first = errors.get(0);
        String message = CommonError.VALIDATION_FAILED.message() + "：" + first.field() + " " + first.message();
        return body(CommonError.VALIDATION_FAILED, message, first.field(), errors);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    public ResponseEntity<ApiError> missingParam(MissingServletRequestParameterException e) {
        return body(CommonError.VALIDATION_FAILED, "缺少参数：" + e.getParameterName(), e.getParameterName(), null);
    }

    @ExceptionHandler(MissingRequestHeaderException.class)
    public ResponseEntity<ApiError> missingHeader(MissingRequestHeaderException e) {
        return body(CommonError.VALIDATION_FAILED, "缺少请求头：" + e.getHeaderName(), e.getHeaderName(), null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    public ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        return body(CommonError.VALIDATION_FAILED, "参数格式不正确：" + e.getName(), e.getName(), null);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    public ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        return body(CommonError.BAD_REQUEST_BODY);
    }

    @ExceptionHandler({NoResourceFoundException.class, org.springframework.web.servlet.NoHandlerFoundException.class})
    public ResponseEntity<ApiError> noResource(Exception e) {
        return body(CommonError.NOT_FOUND);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    public ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return body(CommonError.METHOD_NOT_ALLOWED);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    public ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return body(CommonError.UNSUPPORTED_MEDIA_TYPE);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    public ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
        return body(CommonError.VALIDATION_FAILED, "上传内容太大", null, null);
    }

    @ExceptionHandler(DuplicateKeyException.class)
    public ResponseEntity<ApiError> duplicate(DuplicateKeyException e) {
        log.info("duplicate key: {}", LogSafe.value(e.getMostSpecificCause().getMessage()));
        return body(CommonError.CONFLICT);
    }

    @ExceptionHandler({org.redisson.client.RedisException.class, RedisConnectionFailureException.class})
    public ResponseEntity<ApiError> redisDown(RuntimeException e) {
        log.error("redis unavailable: {}", e.toString());
        return body(CommonError.SERVICE_BUSY);
    }

    @ExceptionHandler(DataAccessException.class)
    public ResponseEntity<ApiError> database(DataAccessException e) {
        log.error("database error", e);
        return body(CommonError.SERVICE_BUSY);
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ApiError> unexpected(Exception e) {
        log.error("unexpected error", e);
        return body(CommonError.INTERNAL_ERROR);
    }
}
