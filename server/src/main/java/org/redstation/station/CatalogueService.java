package org.redstation.station;

/**
 * A service of the one district catalogue ({@code service_item}). "Bookable" has one source of truth:
 * {@link UsageMode#BOOKABLE}; booking rules may only name bookable services that the station offers.
 * {@code whatToBring}: documents or items the resident brings (null = nothing particular).
 */
public record CatalogueService(long id, String name, String category, UsageMode usageMode, boolean enabled, String whatToBring) {
    public CatalogueService(long id, String name, String category, UsageMode usageMode, boolean enabled) {
        this(id, name, category, usageMode, enabled, null);
    }

    public boolean bookable() {
        return enabled && usageMode == UsageMode.BOOKABLE;
    }
}
