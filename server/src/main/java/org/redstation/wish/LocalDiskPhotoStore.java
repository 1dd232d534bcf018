package org.redstation.wish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Photos as files in {@code redstation.wish.photo-dir}; written to a temporary name and moved, so readers never see half a file. */
@Component
class LocalDiskPhotoStore implements PhotoStore {
    private static final Pattern KEY = Pattern.compile("[a-z0-9-]{8,64}\\.(jpg|png)");
    private final Path dir;

    LocalDiskPhotoStore(WishProperties props) {
        this.dir = Path.of(props.photoDir()).toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create photo directory " + dir, e);
        }
    }

    Path dir() {
        return dir;
    }

    private Path file(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("bad photo key");
        }
        return dir.resolve(key);
    }

    @Override
    public void put(String key, byte[] bytes) {
        Path target = file(key);
        try {
            Path tmp = Files.createTempFile(dir, ".up-", ".tmp");
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(file(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(String key) {
        try {
            Files.deleteIfExists(file(key));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
