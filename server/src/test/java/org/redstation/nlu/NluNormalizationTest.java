package org.redstation.nlu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NluNormalizationTest {
    private final InputNormalizer norm = new InputNormalizer(Synonyms.defaults());

    @Test
    void fullWidthLettersDigitsAndPunctuationBecomeHalfWidthAndSpacesGo() {
        assertThat(norm.normalize("ＣＹ０１ 签到！")).isEqualTo("cy01签到");
        assertThat(norm.normalize("我要预约　明天，春园。")).isEqualTo("我要预约明天春园");
    }

    @Test
    void traditionalCharactersBecomeSimplified() {
        assertThat(norm.normalize("春園驛站幾點開門")).isEqualTo("春园驿站几点开门");
    }

    @Test
    void fillersOfSpokenAndVoiceInputAreDropped() {
        assertThat(norm.normalize("喂喂 那个 嗯 请问一下 春园驿站开门吗")).isEqualTo("春园驿站开门吗");
        assertThat(norm.normalize("呃麻烦你帮我预约一下")).isEqualTo("预约一下");
    }

    @Test
    void helpMeIsAFillerButHelpHelpMeIsACallForHelp() {
        assertThat(norm.normalize("帮我查一下预约")).isEqualTo("查一下预约");
        assertThat(norm.normalize("帮帮我")).isEqualTo("帮帮我");
    }

    @Test
    void dialectWordsAreRewrittenOnceLongestFirst() {
        assertThat(norm.normalize("有冇热水")).isEqualTo("有没有热水");
        assertThat(norm.normalize("俺咋个预约")).isEqualTo("我怎么预约");
        assertThat(norm.normalize("啥时候开门")).isEqualTo("什么时候开门");
        assertThat(norm.normalize("明儿个晌午")).isEqualTo("明天中午");
    }

    @Test
    void typosAndVoiceSlipsOfKnownWordsAreRepaired() {
        assertThat(norm.normalize("附进的易站")).isEqualTo("附近的驿站");
        assertThat(norm.normalize("老年有待证")).isEqualTo("老年优待证");
        assertThat(norm.normalize("春元驿站几点开们")).isEqualTo("春园驿站几点开门");
    }

    @Test
    void aFinalMeIsAQuestionButWhatAndHowKeepTheirs() {
        assertThat(norm.normalize("能办老年卡么")).isEqualTo("能办老年卡吗");
        assertThat(norm.normalize("什么时候怎么办")).isEqualTo("什么时候怎么办");
    }

    @Test
    void clockTimesKeepTheirMinutes() {
        assertThat(norm.normalize("18:30 能去吗")).isEqualTo("18点30能去吗");
    }

    @Test
    void nothingBecomesEmpty() {
        assertThat(norm.normalize(null)).isEmpty();
        assertThat(norm.normalize("  ？！ ")).isEmpty();
    }
}
