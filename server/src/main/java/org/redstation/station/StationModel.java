package org.redstation.station;

import java.util.List;
import org.redstation.common.SlotKind;

/** Value types of the station module (JSON shapes of the station view); enums serialise as their names. */
final class StationModel {
    private StationModel() {
    }

    /** The station itself as shown to residents. */
    record StationInfo(long id, String code, String name, String streetName, long communityId, String communityName,
                       String communityPhone, String address, double latitude, double longitude, String phone,
                       BuildType buildType, String buildTypeName, String coBuildingUnit, String photoUrl, StationStatus status,
                       String statusName, String notice, boolean allowUnverifiedCheckin) {
    }

    /** One opening window; start/end HH:mm. */
    record Window(String start, String end, SlotKind kind, String kindName) {
    }

    record Day(int dayOfWeek, String dayName, List<Window> windows) {
    }

    record ServiceEntry(long id, String name, String category, String description, UsageMode usageMode, String usageModeName,
                        String note, String hours) {
    }

    /** One stored offer of a station for staff: disabled catalogue entries included, in the station's order. */
    record OfferEntry(long serviceId, String name, String category, boolean enabled, String note, String hours) {
    }

    record ServiceGroup(String category, List<ServiceEntry> services) {
    }

    /** The cached, rarely changing part of the station view (shared through Redis). */
    record StaticView(StationInfo station, String notice, List<Day> schedule, List<ServiceGroup> serviceGroups,
                      int serviceCount, boolean bookable) {
    }

    /** The per-request part of the view. */
    record LiveView(boolean openNow, String todayText, Day today, List<OnDutyProvider.OnDutyPerson> onDuty,
                    List<NextSlotsProvider.SlotSummary> nextSlots) {
    }

    /** A station in a list (nearby, search). */
    record StationCard(long id, String code, String name, String communityName, String address, double latitude,
                       double longitude, String phone, String status, String statusName, Boolean openNow,
                       Integer distanceMeters) {
    }

    record ServiceHit(long id, String name, String category, UsageMode usageMode, String usageModeName,
                      List<StationCard> stations) {
    }

    record SearchResult(String keyword, List<StationCard> stations, List<ServiceHit> services) {
    }

    /** A catalogue service as staff edit it. */
    record CatalogueEntry(long id, String name, String category, String description, UsageMode usageMode,
                          String usageModeName, boolean enabled, String whatToBring) {
        static CatalogueEntry of(ServiceItem s) {
            return new CatalogueEntry(s.getId(), s.getName(), s.getCategory(), s.getDescription(), s.getUsageMode(),
                    s.getUsageMode().label(), Boolean.TRUE.equals(s.getEnabled()), s.getWhatToBring());
        }
    }
}
