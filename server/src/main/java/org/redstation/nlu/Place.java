package org.redstation.nlu;

/**
 * A place named in a message. Every place resolves to a community; {@code stationId} is the named station or,
 * for a community or estate, the community's station when it has exactly one (null otherwise).
 *
 * @param said the words as written (after normalisation), e.g. "春园" or "铁路游泳池小区"
 */
public record Place(Kind kind, String said, long communityId, String communityName, Long stationId) {
    public enum Kind {
        STATION("驿站"), COMMUNITY("社区"), ESTATE("小区");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
