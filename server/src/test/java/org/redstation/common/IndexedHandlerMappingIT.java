package org.redstation.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.redstation.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

class IndexedHandlerMappingIT extends IntegrationTest {
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void theAppUsesTheIndexedMapping() {
        assertThat(mapping).isInstanceOf(IndexedHandlerMapping.class);
    }

    @Test
    void everyRegisteredPatternFindsTheHandlerAndVariablesSpringWouldFind() throws Exception {
        IndexedHandlerMapping indexed = (IndexedHandlerMapping) mapping;
        List<String> checked = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : indexed.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            List<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? List.of("GET")
                    : info.getMethodsCondition().getMethods().stream().map(Enum::name).toList();
            for (String pattern : info.getPatternValues()) {
                // a concrete path for the pattern: every variable 7, every wildcard a segment
                String path = pattern.replaceAll("\\{\\*[^}]+}", "a/b").replaceAll("\\{[^}]+}", "7")
                        .replace("**", "a/b").replace("*", "a");
                for (String method : methods) {
                    MockHttpServletRequest ours = request(method, path);
                    MockHttpServletRequest spring = request(method, path);
                    Object got = lookupOrError(indexed, path, ours, false);
                    Object expected = lookupOrError(indexed, path, spring, true);
                    assertThat(String.valueOf(got)).as(method + " " + path).isEqualTo(String.valueOf(expected));
                    assertThat(ours.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE)).as(method + " " + path)
                            .isEqualTo(spring.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE));
                    assertThat(ours.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE)).as(method + " " + path)
                            .isEqualTo(spring.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
                    checked.add(method + " " + path);
                }
            }
        }
        assertThat(checked).hasSizeGreaterThan(150).contains("POST /api/duty/shifts/7/claim");
    }

    @Test
    void aLiteralPathBeatsAVariableOneAsInSpring() throws Exception {
        IndexedHandlerMapping indexed = (IndexedHandlerMapping) mapping;
        for (String path : List.of("/api/duty/my-shifts", "/api/booking/bookings/mine", "/api/nope/7/x", "/api/duty/shifts/x/y/z")) {
            MockHttpServletRequest ours = request("GET", path);
            MockHttpServletRequest spring = request("GET", path);
            Object got = lookupOrError(indexed, path, ours, false);
            Object expected = lookupOrError(indexed, path, spring, true);
            assertThat(String.valueOf(got)).as(path).isEqualTo(String.valueOf(expected));
        }
    }

    @Test
    void prefixesAreTheFirstTwoSegments() {
        assertThat(IndexedHandlerMapping.prefix("/api/duty/shifts/7/claim")).isEqualTo("/api/duty");
        assertThat(IndexedHandlerMapping.prefix("/api/ping")).isEqualTo("/api/ping");
        assertThat(IndexedHandlerMapping.prefix("/wx")).isEqualTo("/wx");
        assertThat(IndexedHandlerMapping.key("/api/{kind}/x")).isEmpty();
        assertThat(IndexedHandlerMapping.key("/console/**")).isEmpty();
        assertThat(IndexedHandlerMapping.key("/api/staff/members/{id}")).isEqualTo("/api/staff");
        assertThat(IndexedHandlerMapping.key("/**")).isEmpty();
    }

    private static Object lookupOrError(IndexedHandlerMapping m, String path, MockHttpServletRequest r, boolean spring) {
        try {
            HandlerMethod h = spring ? m.springLookup(path, r) : m.lookupHandlerMethod(path, r);
            return h == null ? null : h.getMethod();
        } catch (Exception e) {
            return e.getClass().getName();
        }
    }

    private static MockHttpServletRequest request(String method, String path) {
        MockHttpServletRequest r = new MockHttpServletRequest(method, path);
        r.setContentType("application/json");
        r.addHeader("Accept", "application/json");
        return r;
    }
}
