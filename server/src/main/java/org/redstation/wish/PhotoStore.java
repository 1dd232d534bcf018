package org.redstation.wish;

import java.util.Optional;

/** Where photo bytes live; rows in wish_photo name them by key. Local disk by default (a shared volume for several instances). */
interface PhotoStore {
    void put(String key, byte[] bytes);

    Optional<byte[]> get(String key);

    void delete(String key);
}
