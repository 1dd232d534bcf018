package org.redstation.station;

import java.util.List;
import java.util.Map;

/** Value types of the station module (JSON shapes of the station view). */
final class StationModel {
    private StationModel() {
    }

    static final Map<String, String> BUILD_TYPES = Map.of("REBUILT", "改建", "CO_BUILT", "共建", "NEW", "新建");
    static final Map<String, String> STATUSES = Map.of("OPEN", "开放中", "PAUSED", "暂停服务", "CLOSED", "已关闭");
    static final Map<String, String> KINDS = Map.of("REGULAR", "常规", "EVENING_EXTRA", "晚间一小时", "RED_WEEKEND", "红色周末");
    static final Map<String, String> USAGE = Map.of("SELF_SERVICE", "自助", "STAFFED", "人工服务", "BOOKABLE", "可预约");
    static final String[] DAY_NAMES = {"", "周一", "周二", "周三", "周四", "周五", "周六", "周日"};

    /** The station itself as shown to residents. */
    record StationInfo(long id, String code, String name, String streetName, long communityId, String communityName,
                       String communityPhone, String address, double latitude, double longitude, String phone,
                       String buildType, String buildTypeName, String coBuildingUnit, String photoUrl, String status,
                       String statusName, String notice) {
    }

    /** One opening window; start/end HH:mm. */
    record Window(String start, String end, String kind, String kindName) {
    }

    record Day(int dayOfWeek, String dayName, List<Window> windows) {
    }

    record ServiceEntry(long id, String name, String category, String description, String usageMode, String usageModeName,
                        String note, String hours) {
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

    record ServiceHit(long id, String name, String category, String usageMode, String usageModeName,
                      List<StationCard> stations) {
    }

    record SearchResult(String keyword, List<StationCard> stations, List<ServiceHit> services) {
    }
}
