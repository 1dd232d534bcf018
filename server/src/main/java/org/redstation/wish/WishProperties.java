package org.redstation.wish;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of needs and volunteer activities ({@code redstation.wish}).
 *
 * @param photoDir             where the local {@link PhotoStore} keeps photos (a shared volume with several instances)
 * @param photoMaxBytes        largest photo accepted (before re-encoding)
 * @param photoMaxPixels       largest image (width × height) decoded, against decompression bombs
 * @param unacceptedCommunity  an item not accepted for this long is escalated to the community (level 1)
 * @param unacceptedStreet     … and after this long to the street (level 2)
 * @param overdueCommunity     an accepted item not completed for this long is escalated to the community
 * @param overdueStreet        … and after this long to the street
 * @param escalationScanEvery  how often each instance looks for items to escalate
 * @param activityReminderLead how long before an activity the reminder goes out
 * @param rateReminderAfter    a completed item neither rated nor reopened for this long gets one "please rate" reminder
 * @param rateReminderScanEvery how often each instance looks for items to remind
 */
@ConfigurationProperties("redstation.wish")
record WishProperties(String photoDir, long photoMaxBytes, long photoMaxPixels, Duration unacceptedCommunity,
                      Duration unacceptedStreet, Duration overdueCommunity, Duration overdueStreet,
                      Duration escalationScanEvery, Duration activityReminderLead, Duration rateReminderAfter,
                      Duration rateReminderScanEvery) {
    static final int MAX_PHOTOS = 3;

    WishProperties {
        photoDir = photoDir == null || photoDir.isBlank() ? ".data/wish-photos" : photoDir;
        photoMaxBytes = photoMaxBytes <= 0 ? 5L * 1024 * 1024 : photoMaxBytes;
        photoMaxPixels = photoMaxPixels <= 0 ? 40_000_000L : photoMaxPixels;
        unacceptedCommunity = unacceptedCommunity == null ? Duration.ofHours(24) : unacceptedCommunity;
        unacceptedStreet = unacceptedStreet == null ? Duration.ofHours(72) : unacceptedStreet;
        overdueCommunity = overdueCommunity == null ? Duration.ofDays(7) : overdueCommunity;
        overdueStreet = overdueStreet == null ? Duration.ofDays(14) : overdueStreet;
        escalationScanEvery = escalationScanEvery == null ? Duration.ofMinutes(5) : escalationScanEvery;
        activityReminderLead = activityReminderLead == null ? Duration.ofHours(2) : activityReminderLead;
        rateReminderAfter = rateReminderAfter == null ? Duration.ofDays(3) : rateReminderAfter;
        rateReminderScanEvery = rateReminderScanEvery == null ? Duration.ofMinutes(10) : rateReminderScanEvery;
    }
}
