package org.redstation.station;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The status rules and labels, without a database. */
class StationStatusTest {

    @Test
    void eachStatusHasOneChineseLabel() {
        assertThat(StationStatus.OPEN.label()).isEqualTo("开放中");
        assertThat(StationStatus.PAUSED.label()).isEqualTo("暂停服务");
        assertThat(StationStatus.CLOSED.label()).isEqualTo("已关闭");
    }

    @Test
    void residentsSeeOpenAndPausedStationsButNotClosedOnes() {
        assertThat(StationStatus.OPEN.visibleToResidents()).isTrue();
        assertThat(StationStatus.PAUSED.visibleToResidents()).isTrue();
        assertThat(StationStatus.CLOSED.visibleToResidents()).isFalse();
        assertThat(StationStatus.listed()).containsExactlyInAnyOrder(StationStatus.OPEN, StationStatus.PAUSED);
    }

    @Test
    void onlyAnOpenStationMayBeOpenNow() {
        assertThat(StationStatus.OPEN.mayBeOpenNow()).isTrue();
        assertThat(StationStatus.PAUSED.mayBeOpenNow()).isFalse();
        assertThat(StationStatus.CLOSED.mayBeOpenNow()).isFalse();
    }

    @Test
    void parseKnowsTheStoredNamesOnly() {
        assertThat(StationStatus.parse("PAUSED")).isEqualTo(StationStatus.PAUSED);
        assertThat(StationStatus.parse("paused")).isNull();
        assertThat(StationStatus.parse(null)).isNull();
    }

    @Test
    void aStationRefAnswersWithTheSameLabelAndRule() {
        StationRef paused = new StationRef(1, "X1", "x", 3, "春园社区", "a", 32, 112, "PAUSED");
        assertThat(paused.statusLabel()).isEqualTo("暂停服务");
        assertThat(paused.isOpen()).isFalse();
        assertThat(new StationRef(1, "X1", "x", 3, "春园社区", "a", 32, 112, "OPEN").isOpen()).isTrue();
    }

    @Test
    void buildTypesHaveTheirLabelsAndOnlyACoBuiltStationNamesAPartner() {
        assertThat(BuildType.REBUILT.label()).isEqualTo("改建");
        assertThat(BuildType.CO_BUILT.label()).isEqualTo("共建");
        assertThat(BuildType.NEW.label()).isEqualTo("新建");
        assertThat(BuildType.CO_BUILT.hasPartnerUnit()).isTrue();
        assertThat(BuildType.NEW.hasPartnerUnit()).isFalse();
    }

    @Test
    void aServiceIsBookableOnlyWhenEnabledAndBookable() {
        assertThat(new CatalogueService(1, "四点半课堂", "延时服务", UsageMode.BOOKABLE, true).bookable()).isTrue();
        assertThat(new CatalogueService(1, "四点半课堂", "延时服务", UsageMode.BOOKABLE, false).bookable()).isFalse();
        assertThat(new CatalogueService(1, "饮用热水", "便民服务", UsageMode.SELF_SERVICE, true).bookable()).isFalse();
        assertThat(UsageMode.BOOKABLE.label()).isEqualTo("可预约");
    }
}
