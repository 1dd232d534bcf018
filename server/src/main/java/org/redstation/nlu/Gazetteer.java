package org.redstation.nlu;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names the parser knows: catalogue services, stations, communities and estates (小区). The chat module
 * implements it from the station module's API; residents' words for services and the estates of the demo
 * communities come on top from {@code nlu/synonyms.tsv}, matched by service and community name.
 */
public interface Gazetteer {
    List<Service> services();

    List<Station> stations();

    List<Community> communities();

    /** Estate (小区) names to their community id. */
    Map<String, Long> estates();

    /** A catalogue service; {@code synonyms} are extra words for it besides those in synonyms.tsv. */
    record Service(long id, String name, List<String> synonyms) {
        public Service {
            synonyms = List.copyOf(synonyms);
        }
    }

    record Station(long id, String name, String code, long communityId) {
    }

    record Community(long id, String name) {
    }

    static Gazetteer of(List<Service> services, List<Station> stations, List<Community> communities,
                        Map<String, Long> estates) {
        return new Fixed(List.copyOf(services), List.copyOf(stations), List.copyOf(communities), Map.copyOf(estates));
    }

    static Builder builder() {
        return new Builder();
    }

    record Fixed(List<Service> services, List<Station> stations, List<Community> communities,
                 Map<String, Long> estates) implements Gazetteer {
    }

    /** For tests and small setups: {@code Gazetteer.builder().community(3, "春园社区").station(3, "春园社区红色驿站", "CY01", 3)…}. */
    final class Builder {
        private final List<Service> services = new ArrayList<>();
        private final List<Station> stations = new ArrayList<>();
        private final List<Community> communities = new ArrayList<>();
        private final Map<String, Long> estates = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder service(long id, String name, String... synonyms) {
            services.add(new Service(id, name, List.of(synonyms)));
            return this;
        }

        public Builder station(long id, String name, String code, long communityId) {
            stations.add(new Station(id, name, code, communityId));
            return this;
        }

        public Builder community(long id, String name) {
            communities.add(new Community(id, name));
            return this;
        }

        public Builder estate(String name, long communityId) {
            estates.put(name, communityId);
            return this;
        }

        public Gazetteer build() {
            return of(services, stations, communities, estates);
        }
    }
}
