package org.redstation.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * Writes a hot endpoint's refusal ({@link GlobalExceptionHandler#answer}) straight to the response with Spring's own
 * ObjectMapper: the same status, headers and JSON, without the return-value machinery (converter and media-type
 * lookup, body advice for an {@code ResponseEntity<?>}), which cost a refusal on a full slot or shift more CPU than
 * writing the body itself.
 */
@Component
public class RefusalWriter {
    private final ObjectWriter json;

    public RefusalWriter(ObjectMapper mapper) {
        this.json = mapper.writerFor(ApiError.class);
    }

    /** Answers e on res; returns null, for the handler to return (Spring then writes nothing more). */
    public <T> ResponseEntity<T> answer(BizException e, HttpServletResponse res) {
        ResponseEntity<ApiError> a = GlobalExceptionHandler.answer(e);
        res.setStatus(a.getStatusCode().value());
        a.getHeaders().forEach((name, values) -> values.forEach(v -> res.addHeader(name, v)));
        res.setContentType(MediaType.APPLICATION_JSON_VALUE);
        try {
            json.writeValue(res.getOutputStream(), a.getBody());
        } catch (IOException gone) {
            // the client went away: nothing left to answer
        }
        return null;
    }
}
