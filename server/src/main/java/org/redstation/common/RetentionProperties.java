package org.redstation.common;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long personal data is kept. Each module deletes its own old rows (oldest first, {@code batchSize} rows per
 * statement, at most {@code timeBox} per run): chat messages and deliveries ({@code chatDays}), finished outbox
 * rows ({@code outboxDays}), the detail of audit rows ({@code auditDetailDays}; who/when/what stays).
 */
@ConfigurationProperties("redstation.retention")
public record RetentionProperties(int chatDays, int outboxDays, int auditDetailDays, int batchSize, Duration timeBox) {
    public RetentionProperties {
        chatDays = chatDays <= 0 ? 180 : chatDays;
        outboxDays = outboxDays <= 0 ? 30 : outboxDays;
        auditDetailDays = auditDetailDays <= 0 ? 365 : auditDetailDays;
        batchSize = batchSize <= 0 ? 500 : batchSize;
        timeBox = timeBox == null ? Duration.ofSeconds(20) : timeBox;
    }

    /**
     * Runs {@code deleteBatch} (returning the rows it removed) until a batch is not full or the time box is used up;
     * returns the rows removed in all.
     */
    public int inBatches(java.util.function.IntUnaryOperator deleteBatch) {
        long deadline = System.nanoTime() + timeBox.toNanos();
        int total = 0;
        while (true) {
            int n = deleteBatch.applyAsInt(batchSize);
            total += n;
            if (n < batchSize || System.nanoTime() - deadline > 0) {
                return total;
            }
        }
    }
}
