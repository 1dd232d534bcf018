package org.redstation.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class IntentParserTest {
    static final LocalDateTime NOW = LocalDateTime.of(2025, 11, 26, 10, 0);
    static final IntentParser DEMO = new IntentParser(DemoGazetteer.build());

    @Test
    void tomorrowEveningAtChunyuanForTheSeniorCardFillsEverySlot() {
        Understanding u = DEMO.parse("明天晚上春园能办老年卡吗", NOW);

        assertThat(u.intent()).isEqualTo(Intent.BOOK_SLOT);
        assertThat(u.service().id()).isEqualTo(11L);
        assertThat(u.service().name()).isEqualTo("老年优待证办理");
        assertThat(u.place().communityName()).isEqualTo("春园社区");
        assertThat(u.place().stationId()).isEqualTo(3L);
        assertThat(u.when().day()).isEqualTo(LocalDate.of(2025, 11, 27));
        assertThat(u.when().start()).isEqualTo(LocalTime.of(18, 0));
        assertThat(u.forwardsToStaff()).isFalse();
    }

    @Test
    void aBrokenChargingPostIsAProblemForStaffNotTheChargingAnswer() {
        Understanding u = DEMO.parse("我家电动车充电桩坏了", NOW);

        assertThat(u.intent()).isEqualTo(Intent.REPORT_PROBLEM);
        assertThat(u.service()).as("充电桩 is not the phone-charging service").isNull();
        assertThat(u.forwardsToStaff()).isTrue();
    }

    @Test
    void whatIsNotUnderstoodIsForwardedWithLowConfidence() {
        Understanding u = DEMO.parse("我儿子在外地打工过年回不来", NOW);

        assertThat(u.intent()).isEqualTo(Intent.UNKNOWN);
        assertThat(u.forwardsToStaff()).isTrue();
        assertThat(u.confidence()).isLessThan(0.5);
        assertThat(DEMO.parse(null, NOW).intent()).isEqualTo(Intent.UNKNOWN);
        assertThat(DEMO.parse("   ", NOW).intent()).isEqualTo(Intent.UNKNOWN);
    }

    @Test
    void anEstateMapsToItsCommunityAndItsOnlyStation() {
        Place p = DEMO.parse("铁路游泳池小区附近的驿站", NOW).place();

        assertThat(p.kind()).isEqualTo(Place.Kind.ESTATE);
        assertThat(p.said()).isEqualTo("铁路游泳池小区");
        assertThat(p.communityId()).isEqualTo(3L);
        assertThat(p.stationId()).isEqualTo(3L);
    }

    @Test
    void aStationIsFoundByItsCodeAndByThePartOfItsNameAfterTheDot() {
        assertThat(DEMO.parse("ＣＹ０１", NOW).place().stationId()).isEqualTo(3L);
        Place p = DEMO.parse("五洲医院那个驿站在哪", NOW).place();
        assertThat(p.kind()).isEqualTo(Place.Kind.STATION);
        assertThat(p.stationId()).isEqualTo(2L);
        assertThat(p.communityName()).isEqualTo("陈营社区");
    }

    @Test
    void aGazetteerOfNamesOnlyGetsResidentsWordsFromSynonymsTsvAndItsOwnSynonymsAndEstates() {
        Gazetteer g = Gazetteer.builder()
                .service(11, "老年优待证办理")
                .service(40, "理发", "剪头发", "推头")
                .community(3, "春园社区")
                .community(50, "阳光社区")
                .estate("幸福里小区", 50)
                .station(3, "春园社区红色驿站", "CY01", 3)
                .build();
        IntentParser parser = new IntentParser(g);

        assertThat(parser.parse("能办老年卡吗", NOW).service().id()).isEqualTo(11L);
        assertThat(parser.parse("铁路游泳池小区", NOW).place().communityId()).as("estate from synonyms.tsv").isEqualTo(3L);
        assertThat(parser.parse("驿站能推头吗", NOW).service().id()).isEqualTo(40L);
        Place p = parser.parse("幸福里的驿站在哪", NOW).place();
        assertThat(p.communityName()).isEqualTo("阳光社区");
        assertThat(p.stationId()).as("阳光社区 has no station").isNull();
    }

    @Test
    void parsersKeepTheirNamesToThemselves() {
        new IntentParser(Gazetteer.builder().community(60, "桃花岛社区").build());

        assertThat(DEMO.parse("桃花岛社区", NOW).place()).isNull();
    }

    @Test
    void oneParserServesManyThreadsWithTheSameAnswers() throws Exception {
        List<String> texts = NluCorpusTest.corpus("/nlu/corpus.tsv").stream().map(NluCorpusTest.Row::text).toList();
        List<Understanding> alone = texts.stream().map(t -> DEMO.parse(t, NOW)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Understanding>> futures = texts.stream().map(t -> pool.submit(() -> DEMO.parse(t, NOW))).toList();
            for (int i = 0; i < texts.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(alone.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void intentsHaveChineseLabelsAndSayWhichGoToStaff() {
        assertThat(Intent.REPORT_PROBLEM.label()).isEqualTo("反映问题");
        assertThat(Intent.values()).filteredOn(Intent::forwardsToStaff)
                .containsExactlyInAnyOrder(Intent.REPORT_PROBLEM, Intent.TALK_TO_PERSON, Intent.UNKNOWN);
    }
}
