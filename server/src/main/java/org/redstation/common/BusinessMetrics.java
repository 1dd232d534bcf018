package org.redstation.common;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Business counters for Prometheus/Grafana ({@code /actuator/prometheus}). Modules call one method at the
 * point where the thing happened (after the guarded write succeeded), e.g. {@code metrics.bookingMade()}.
 * Counters are per instance; dashboards sum them over instances.
 */
@Component
public class BusinessMetrics {
    private final MeterRegistry registry;

    BusinessMetrics(MeterRegistry registry, ObjectProvider<OutboxBacklog> backlog) {
        this.registry = registry;
        // registered on every instance; a module implementing OutboxBacklog makes them non-zero
        Gauge.builder("redstation.notify.outbox.due", backlog, b -> b.stream().mapToLong(OutboxBacklog::dueCount).sum())
                .description("subscribe messages due and not yet sent").register(registry);
        Gauge.builder("redstation.notify.outbox.lag.seconds", backlog,
                        b -> b.stream().mapToLong(OutboxBacklog::oldestDueAgeSeconds).max().orElse(0))
                .description("age of the oldest due, unsent subscribe message").register(registry);
    }

    /** A resident booked a slot (status BOOKED or WAITING given as outcome). */
    public void bookingMade(String outcome) {
        counter("redstation.bookings", "outcome", outcome).increment();
    }

    /** A booking was cancelled (by the resident or staff). */
    public void bookingCancelled() {
        counter("redstation.bookings.cancelled").increment();
    }

    /** A member claimed a shift ({@code claimed}) or the claim was refused ({@code full}, {@code busy}, …). */
    public void shiftClaim(String outcome) {
        counter("redstation.shift.claims", "outcome", outcome).increment();
    }

    /** A subscribe message finished: {@code sent}, {@code refused} (43101), {@code failed}, or {@code retry}. */
    public void message(String outcome) {
        counter("redstation.notify.messages", "outcome", outcome).increment();
    }

    /** An official-account message was answered ({@code rule}, {@code command}, {@code forwarded}, …). */
    public void portalMessage(String outcome) {
        counter("redstation.chat.messages", "outcome", outcome).increment();
    }

    /**
     * A batch of a slot's or a shift's line ran ({@link Coalescer}): how many requests it carried. The mean shows how
     * much a rush is coalesced (1 = every request its own transaction).
     */
    public void lineBatch(String kind, int size) {
        DistributionSummary.builder("redstation.line.batch.size").tag("kind", kind)
                .description("requests per batch of a slot's or shift's line").register(registry).record(size);
    }

    private Counter counter(String name, String... tags) {
        return Counter.builder(name).tags(tags).register(registry);
    }

    /** Implemented by notify (one bean): how far the outbox is behind. Kept cheap (one indexed query). */
    public interface OutboxBacklog {
        long dueCount();

        long oldestDueAgeSeconds();
    }
}
