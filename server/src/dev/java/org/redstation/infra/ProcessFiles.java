package org.redstation.infra;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Stops a server left running by a JVM that was killed, found by its pid file. */
final class ProcessFiles {
    private static final Logger log = LoggerFactory.getLogger(ProcessFiles.class);

    private ProcessFiles() {
    }

    static void killStale(Path dir, String glob) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, glob)) {
            for (Path pidFile : files) {
                Optional<ProcessHandle> p = readPid(pidFile).flatMap(ProcessHandle::of);
                if (p.isPresent() && p.get().isAlive()) {
                    log.warn("stopping a server left running by an earlier start (pid {})", p.get().pid());
                    p.get().destroy();
                    try {
                        p.get().onExit().get(Duration.ofSeconds(20).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
                    } catch (Exception e) {
                        p.get().destroyForcibly();
                    }
                }
                Files.deleteIfExists(pidFile);
            }
        }
    }

    private static Optional<Long> readPid(Path f) {
        try {
            return Optional.of(Long.parseLong(Files.readString(f).trim()));
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
