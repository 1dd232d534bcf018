package org.redstation.station;

/**
 * A service of the one district catalogue ({@code service_item}). "Bookable" has one source of truth:
 * {@link UsageMode#BOOKABLE}; booking rules may only name bookable services that the station offers.
 */
public record CatalogueService(long id, String name, String category, UsageMode usageMode, boolean enabled) {
    public boolean bookable() {
        return enabled && usageMode == UsageMode.BOOKABLE;
    }
}
