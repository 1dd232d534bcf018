package org.redstation.nlu;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The residents' words of {@code nlu/synonyms.tsv}: service synonyms, estates, rewrites and fillers. */
final class Synonyms {
    static final String RESOURCE = "/nlu/synonyms.tsv";
    private static final Synonyms DEFAULT = load(RESOURCE);

    /** Catalogue service name → resident words. */
    final Map<String, List<String>> serviceWords;
    /** Community name → estate names. */
    final Map<String, List<String>> estates;
    /** What is written → what is meant; fillers map to "". */
    final Map<String, String> rewrites;
    /** Words kept whole by the segmenter so that a shorter name inside them is not read (充电桩 is not 充电). */
    final List<String> words;

    private Synonyms(Map<String, List<String>> serviceWords, Map<String, List<String>> estates,
                     Map<String, String> rewrites, List<String> words) {
        this.serviceWords = Map.copyOf(serviceWords);
        this.estates = Map.copyOf(estates);
        this.rewrites = Map.copyOf(rewrites);
        this.words = List.copyOf(words);
    }

    static Synonyms defaults() {
        return DEFAULT;
    }

    static Synonyms load(String resource) {
        try (InputStream in = Synonyms.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Synonyms parse(List<String> lines) {
        Map<String, List<String>> services = new LinkedHashMap<>();
        Map<String, List<String>> estates = new LinkedHashMap<>();
        Map<String, String> rewrites = new HashMap<>();
        List<String> kept = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length != 3) {
                throw new IllegalArgumentException("synonyms.tsv: expected 3 columns: " + line);
            }
            List<String> words = Arrays.stream(cols[2].split("\\|")).map(String::strip).filter(w -> !w.isEmpty()).toList();
            switch (cols[0]) {
                case "service" -> services.computeIfAbsent(cols[1], k -> new ArrayList<>()).addAll(words);
                case "estate" -> estates.computeIfAbsent(cols[1], k -> new ArrayList<>()).addAll(words);
                case "rewrite" -> words.forEach(w -> rewrites.put(w, cols[1]));
                case "filler" -> words.forEach(w -> rewrites.put(w, ""));
                case "word" -> kept.addAll(words);
                default -> throw new IllegalArgumentException("synonyms.tsv: unknown kind " + cols[0]);
            }
        }
        return new Synonyms(services, estates, rewrites, kept);
    }

    List<String> wordsFor(String serviceName) {
        return serviceWords.getOrDefault(serviceName, List.of());
    }

    List<String> estatesOf(String communityName) {
        return estates.getOrDefault(communityName, List.of());
    }
}
