package org.redstation.nlu;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.collection.trie.bintrie.BinTrie;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.dictionary.DynamicCustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import java.util.Collection;
import java.util.List;

/**
 * HanLP's Viterbi segmenter with the gazetteer's names as custom words, so "铁路游泳池小区" or "老年优待证" come out
 * whole. Each parser has its own word list on top of HanLP's shared dictionaries (loaded once per JVM); a
 * {@link Segment} with a fixed configuration is safe to share between threads.
 */
final class Segmenter {
    private static final String NAME = "nz 100000";

    private final Segment segment;

    Segmenter(Collection<String> names) {
        // HanLP's own custom dictionary (shared, read-only) plus a trie of our names for this parser only
        DynamicCustomDictionary dict = new DynamicCustomDictionary(CustomDictionary.DEFAULT.dat,
                new BinTrie<CoreDictionary.Attribute>(), null);
        names.forEach(n -> dict.insert(n, NAME));
        this.segment = HanLP.newSegment()
                .enableCustomDictionary(dict)
                .enableCustomDictionaryForcing(true)
                .enablePartOfSpeechTagging(false)
                .enableNameRecognize(false)
                .enablePlaceRecognize(false)
                .enableOrganizationRecognize(false)
                .enableTranslatedNameRecognize(false)
                .enableJapaneseNameRecognize(false)
                .enableNumberQuantifierRecognize(false);
    }

    List<String> tokens(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        return segment.seg(text).stream().map(t -> t.word).toList();
    }

    /** Loads HanLP's dictionaries now rather than on the first message. */
    static void warmUp() {
        HanLP.newSegment().seg("红色驿站");
        HanLP.convertToSimplifiedChinese("驛站");
    }
}
