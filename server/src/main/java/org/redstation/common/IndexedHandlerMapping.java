package org.redstation.common;

import jakarta.servlet.http.HttpServletRequest;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Spring MVC finds a handler for a path with a variable ({@code /api/duty/shifts/{id}/claim}) by trying every one of
 * the ~200 request mappings in turn: a fifth of a refused claim's CPU went there. This mapping tries only those whose
 * pattern can match at all, indexed by the pattern's first two literal segments ({@code /api/duty}); patterns with a
 * variable or wildcard that early are always tried. Everything else is Spring's own: direct paths, pre-flight requests,
 * no match (404/405/415) and ambiguity go to the inherited lookup, and among the candidates Spring's comparator and
 * {@code handleMatch} choose and expose the match exactly as it would ({@code IndexedHandlerMappingIT} compares both for
 * every registered pattern).
 */
class IndexedHandlerMapping extends RequestMappingHandlerMapping {
    private static final String WILD = "";

    private record Candidate(RequestMappingInfo info, HandlerMethod handler) {
    }

    private record Index(Set<String> directPaths, Map<String, List<Candidate>> byPrefix, List<Candidate> wild) {
    }

    private volatile Index index;

    @Override
    protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
        Index idx = index();
        if (idx.directPaths().contains(lookupPath) || CorsUtils.isPreFlightRequest(request)) {
            return super.lookupHandlerMethod(lookupPath, request);
        }
        List<Candidate> tried = idx.byPrefix().getOrDefault(prefix(lookupPath), List.of());
        List<Candidate> matches = new ArrayList<>(2);
        match(tried, request, matches);
        match(idx.wild(), request, matches);
        if (matches.isEmpty()) {
            return super.lookupHandlerMethod(lookupPath, request); // Spring's 404/405/415
        }
        Candidate best = matches.get(0);
        if (matches.size() > 1) {
            Comparator<RequestMappingInfo> c = getMappingComparator(request);
            matches.sort((a, b) -> c.compare(a.info(), b.info()));
            best = matches.get(0);
            if (c.compare(best.info(), matches.get(1).info()) == 0) {
                return super.lookupHandlerMethod(lookupPath, request); // Spring reports the ambiguity
            }
        }
        request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, best.handler());
        handleMatch(best.info(), lookupPath, request);
        return best.handler();
    }

    /** Spring's own lookup, for the test that compares both. */
    HandlerMethod springLookup(String lookupPath, HttpServletRequest request) throws Exception {
        return super.lookupHandlerMethod(lookupPath, request);
    }

    private void match(List<Candidate> candidates, HttpServletRequest request, List<Candidate> into) {
        for (Candidate c : candidates) {
            RequestMappingInfo m = getMatchingMapping(c.info(), request);
            if (m != null) {
                into.add(new Candidate(m, c.handler()));
            }
        }
    }

    /** "/api/duty/shifts/7/claim" → "/api/duty"; fewer than two segments → the path itself. */
    static String prefix(String path) {
        int first = path.indexOf('/', 1);
        if (first < 0) {
            return path;
        }
        int second = path.indexOf('/', first + 1);
        return second < 0 ? path : path.substring(0, second);
    }

    /** A pattern's key: its first two segments when both are literal, else WILD (always tried). */
    static String key(String pattern) {
        String p = prefix(pattern);
        return p.indexOf('{') >= 0 || p.indexOf('*') >= 0 || p.indexOf('?') >= 0 || !p.startsWith("/") ? WILD : p;
    }

    private Index index() {
        Index idx = index;
        if (idx == null) {
            idx = build();
            index = idx;
        }
        return idx;
    }

    private Index build() {
        Set<String> direct = new HashSet<>();
        Map<String, Set<Candidate>> byPrefix = new HashMap<>();
        Set<Candidate> wild = new LinkedHashSet<>();
        getHandlerMethods().forEach((info, handler) -> {
            Candidate c = new Candidate(info, handler);
            direct.addAll(info.getDirectPaths());
            Set<String> patterns = info.getPatternValues();
            if (patterns.isEmpty()) {
                wild.add(c);
            }
            for (String p : patterns) {
                String k = key(p);
                if (WILD.equals(k)) {
                    wild.add(c);
                } else {
                    byPrefix.computeIfAbsent(k, x -> new LinkedHashSet<>()).add(c);
                }
            }
        });
        Map<String, List<Candidate>> lists = new HashMap<>();
        byPrefix.forEach((k, v) -> lists.put(k, List.copyOf(v)));
        return new Index(Set.copyOf(direct), lists, List.copyOf(wild));
    }

    @Override
    public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
        super.registerMapping(mapping, handler, method);
        index = null;
    }

    @Override
    public void unregisterMapping(RequestMappingInfo mapping) {
        super.unregisterMapping(mapping);
        index = null;
    }

    @Override
    protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
        super.registerHandlerMethod(handler, method, mapping);
        index = null;
    }

    @Configuration(proxyBeanMethods = false)
    static class Registration {
        @Bean
        WebMvcRegistrations indexedHandlerMapping() {
            return new WebMvcRegistrations() {
                @Override
                public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
                    return new IndexedHandlerMapping();
                }
            };
        }
    }
}
