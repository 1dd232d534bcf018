package org.redstation.chat;

import java.util.Optional;

/** Optional, implemented by a registration module: the community a mini-program user registered with. */
public interface ResidentCommunityResolver {
    Optional<Long> communityOf(long appUserId);
}
