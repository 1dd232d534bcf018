package org.redstation.nlu;

import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Understands one resident message: normalises it, segments it with HanLP (the gazetteer's names as custom
 * words), reads the service, place and day/time slots and decides the intent by ordered rules. Build one per
 * gazetteer (cheap once HanLP is loaded, see {@link #warmUp()}) and share it: {@link #parse} is thread-safe.
 */
public final class IntentParser {
    private static final int FALLBACK_MIN_LENGTH = 3;

    private final InputNormalizer normalizer;
    private final Vocabulary vocabulary;
    private final Segmenter segmenter;

    public IntentParser(Gazetteer gazetteer) {
        Synonyms synonyms = Synonyms.defaults();
        this.normalizer = new InputNormalizer(synonyms);
        this.vocabulary = new Vocabulary(gazetteer, synonyms, normalizer);
        Set<String> words = new HashSet<>(vocabulary.services().keySet());
        words.addAll(vocabulary.places().keySet());
        synonyms.words.forEach(w -> words.add(normalizer.normalize(w)));
        this.segmenter = new Segmenter(words);
    }

    /** Loads HanLP's dictionaries (about a second) so that the first resident does not wait for them. */
    public static void warmUp() {
        Segmenter.warmUp();
    }

    public Understanding parse(String text, LocalDateTime now) {
        String t = normalizer.normalize(text);
        List<String> tokens = segmenter.tokens(t);
        Gazetteer.Service service = find(tokens, t, vocabulary.services());
        Place place = place(tokens, t);
        When when = WhenParser.parse(t, now);
        boolean nearMe = IntentRules.NEAR_ME.matcher(t).find();
        IntentRules.Decision d = IntentRules.decide(t, tokens, service, place, when);
        return new Understanding(text, t, tokens, d.intent(), service, place, when, nearMe, d.confidence());
    }

    private Place place(List<String> tokens, String t) {
        for (String token : tokens) {
            Place p = vocabulary.places().get(token);
            if (p != null) {
                return said(p, token);
            }
        }
        String word = longestInside(t, vocabulary.places());
        return word == null ? null : said(vocabulary.places().get(word), word);
    }

    private static Place said(Place p, String word) {
        return new Place(p.kind(), word, p.communityId(), p.communityName(), p.stationId());
    }

    /** The first token that is a name; else a name of 3+ characters inside the text (the segmenter split it). */
    private static <T> T find(List<String> tokens, String t, Map<String, T> names) {
        for (String token : tokens) {
            T hit = names.get(token);
            if (hit != null) {
                return hit;
            }
        }
        String word = longestInside(t, names);
        return word == null ? null : names.get(word);
    }

    private static String longestInside(String t, Map<String, ?> names) {
        String best = null;
        for (String name : names.keySet()) {
            if (name.length() >= FALLBACK_MIN_LENGTH && t.contains(name) && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        return best;
    }
}
