package org.redstation.nlu;

import java.util.List;

/**
 * What {@link IntentParser} understood from one message. Slots are null when the message does not name them.
 *
 * @param normalized the text after normalisation (what the rules saw)
 * @param tokens     the segmentation of {@code normalized}
 * @param service    the catalogue service named (by name or a resident's word for it)
 * @param place      the station, community or estate named
 * @param when       the day and/or time named
 * @param nearMe     "附近 / 离我最近 / 我这边"
 * @param confidence 0..1: 0.9 a direct cue, 0.7 inferred from slots alone, lower after typo repair, 0.2 unknown
 */
public record Understanding(String text, String normalized, List<String> tokens, Intent intent,
                            Gazetteer.Service service, Place place, When when, boolean nearMe, double confidence) {
    public boolean forwardsToStaff() {
        return intent.forwardsToStaff();
    }
}
