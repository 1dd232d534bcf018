package org.redstation.nlu;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every name the parser can read, normalised like the messages: services (name, gazetteer synonyms, synonyms.tsv
 * words), communities (with and without 社区), estates (with and without 小区), stations (name, code, the part
 * after "·", without 红色驿站). The first owner of a name keeps it: communities, then estates, then stations.
 */
final class Vocabulary {
    private final Map<String, Gazetteer.Service> services = new LinkedHashMap<>();
    private final Map<String, Place> places = new LinkedHashMap<>();

    Vocabulary(Gazetteer g, Synonyms synonyms, InputNormalizer norm) {
        for (Gazetteer.Service s : g.services()) {
            List<String> words = new ArrayList<>(List.of(s.name()));
            words.addAll(s.synonyms());
            words.addAll(synonyms.wordsFor(s.name()));
            words.forEach(w -> put(services, norm.normalize(w), s, 1));
        }
        Map<Long, String> communityNames = new HashMap<>();
        Map<Long, List<Gazetteer.Station>> stationsOf = new HashMap<>();
        g.communities().forEach(c -> communityNames.put(c.id(), c.name()));
        g.stations().forEach(s -> stationsOf.computeIfAbsent(s.communityId(), k -> new ArrayList<>()).add(s));
        for (Gazetteer.Community c : g.communities()) {
            Place p = new Place(Place.Kind.COMMUNITY, null, c.id(), c.name(), onlyStation(stationsOf.get(c.id())));
            withoutSuffix(norm.normalize(c.name()), "社区").forEach(w -> put(places, w, p));
        }
        Map<String, Long> estates = new LinkedHashMap<>(g.estates());
        g.communities().forEach(c -> synonyms.estatesOf(c.name()).forEach(e -> estates.putIfAbsent(e, c.id())));
        estates.forEach((name, communityId) -> {
            Place p = new Place(Place.Kind.ESTATE, null, communityId, communityNames.getOrDefault(communityId, ""),
                    onlyStation(stationsOf.get(communityId)));
            withoutSuffix(norm.normalize(name), "小区").forEach(w -> put(places, w, p));
        });
        for (Gazetteer.Station s : g.stations()) {
            Place p = new Place(Place.Kind.STATION, null, s.communityId(),
                    communityNames.getOrDefault(s.communityId(), ""), s.id());
            String name = norm.normalize(s.name());
            put(places, name, p);
            put(places, norm.normalize(s.code()), p);
            String bare = name.endsWith("红色驿站") ? name.substring(0, name.length() - 4) : name;
            put(places, bare, p);
            int dot = s.name().indexOf('·');
            if (dot >= 0) {
                withoutSuffix(norm.normalize(s.name().substring(dot + 1)).replace("红色驿站", ""), "小区")
                        .forEach(w -> put(places, w, p));
            }
        }
    }

    Map<String, Gazetteer.Service> services() {
        return services;
    }

    Map<String, Place> places() {
        return places;
    }

    private static Long onlyStation(List<Gazetteer.Station> stations) {
        return stations != null && stations.size() == 1 ? stations.get(0).id() : null;
    }

    private static List<String> withoutSuffix(String name, String suffix) {
        return name.endsWith(suffix) && name.length() > suffix.length() + 1
                ? List.of(name, name.substring(0, name.length() - suffix.length())) : List.of(name);
    }

    private static void put(Map<String, Place> map, String word, Place value) {
        put(map, word, value, 2);
    }

    private static <T> void put(Map<String, T> map, String word, T value, int minLength) {
        if (word.length() >= minLength) {
            map.putIfAbsent(word, value);
        }
    }
}
