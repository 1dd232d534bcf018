package org.redstation.common;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Combines concurrent requests for the same key (a slot, a shift) on this instance: they queue in memory, ONE of
 * the waiting threads at a time (the leader) takes up to {@code maxBatch} of them and runs them together
 * (one transaction, one lock hold), then answers each waiter and hands the lead to the next one in line.
 * A rush on one key thus costs one database connection and a few round trips per batch, not per request;
 * correctness stays with whatever the batch does (the database's guarded statements).
 *
 * <p>{@code run} answers one {@link Result} per input, in order; an exception thrown by it fails the whole batch
 * (every waiter gets it). A waiter still queued after {@code maxWait} leaves the line and gets {@code busy}; once
 * a leader has taken it, it waits for its answer (the work is under way and its outcome must be told).
 */
public final class Coalescer<I, O> {
    private static final Object LEAD = new Object();
    /** Completed by a waiter that leaves the line, so that no lead is handed to it afterwards. */
    private static final Object GONE = new Object();
    private final int maxBatch;
    private final Duration maxWait;
    private final Function<List<I>, List<Result<O>>> run;
    private final Supplier<RuntimeException> busy;
    /**
     * Weak values: a line lives while requests hold it, so keys leave nothing behind; bounded as well (a line dropped
     * while in use only means two lines, so two batches, for one key for a moment).
     */
    private final Cache<Long, Line> lines;
    private final AtomicLong inFlight = new AtomicLong();

    public Coalescer(int maxBatch, int maxLines, Duration maxWait, Function<List<I>, List<Result<O>>> run,
                     Supplier<RuntimeException> busy) {
        this.lines = Caffeine.newBuilder().weakValues().maximumSize(maxLines).build();
        this.maxBatch = maxBatch;
        this.maxWait = maxWait;
        this.run = run;
        this.busy = busy;
    }

    /** A batch member's answer: a value or the exception its request ends with. */
    public record Result<O>(O value, RuntimeException error) {
        public static <O> Result<O> of(O value) {
            return new Result<>(value, null);
        }

        public static <O> Result<O> failed(RuntimeException error) {
            return new Result<>(null, error);
        }

        /** Runs one request on its own and captures its outcome. */
        public static <O> Result<O> of(Supplier<O> work) {
            try {
                return of(work.get());
            } catch (RuntimeException e) {
                return failed(e);
            }
        }

        O get() {
            if (error != null) {
                throw error;
            }
            return value;
        }
    }

    private static final class Line {
        final ConcurrentLinkedQueue<Waiter<?>> queue = new ConcurrentLinkedQueue<>();
        final AtomicBoolean leading = new AtomicBoolean();
    }

    private static final class Waiter<I> {
        final I input;
        /** Completed with a Result (the answer) or LEAD (this waiter leads now); only its own thread replaces it. */
        volatile CompletableFuture<Object> signal = new CompletableFuture<>();

        Waiter(I input) {
            this.input = input;
        }
    }

    /** Lines held now. */
    public long lineCount() {
        lines.cleanUp();
        return lines.estimatedSize();
    }

    /** Requests submitted and not answered yet, in a line or in a running batch (tests wait on it instead of sleeping). */
    public long inFlight() {
        return inFlight.get();
    }

    /** Runs {@code input} within a batch of its key and returns its own outcome (or throws its own exception). */
    public O submit(long key, I input) {
        inFlight.incrementAndGet();
        try {
            return inLine(key, input);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @SuppressWarnings("unchecked")
    private O inLine(long key, I input) {
        Line line = lines.get(key, k -> new Line());
        Waiter<I> me = new Waiter<>(input);
        line.queue.add(me);
        if (line.leading.compareAndSet(false, true)) {
            me.signal.complete(LEAD);
        }
        long deadline = System.nanoTime() + maxWait.toNanos();
        boolean gone = false;
        while (true) {
            Object got;
            CompletableFuture<Object> signal = me.signal;
            try {
                got = gone ? signal.get() : signal.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                if (line.queue.remove(me) && signal.complete(GONE)) {
                    throw busy.get(); // left the line before anyone took it: nothing of it ran
                }
                // taken by a leader (its answer comes), or just handed the lead (it must lead before leaving)
                gone = true;
                got = signal.join();
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
            if (got == LEAD) {
                boolean inLine = line.queue.contains(me);
                me.signal = new CompletableFuture<>();
                lead(line);
                if (!inLine) {
                    throw busy.get(); // it had left the line when the lead reached it
                }
                continue; // answered by its own batch, or still in line behind a full batch
            }
            return ((Result<O>) got).get();
        }
    }

    @SuppressWarnings("unchecked")
    private void lead(Line line) {
        List<Waiter<I>> batch = new ArrayList<>();
        try {
            Waiter<?> w;
            while (batch.size() < maxBatch && (w = line.queue.poll()) != null) {
                batch.add((Waiter<I>) w);
            }
            if (batch.isEmpty()) {
                return;
            }
            List<Result<O>> results;
            try {
                results = run.apply(batch.stream().map(x -> x.input).toList());
                if (results.size() != batch.size()) {
                    throw new IllegalStateException("batch answered " + results.size() + " of " + batch.size());
                }
            } catch (RuntimeException e) {
                results = batch.stream().map(x -> Result.<O>failed(e)).toList();
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).signal.complete(results.get(i));
            }
        } catch (Error e) {
            RuntimeException failed = new IllegalStateException(e);
            batch.forEach(x -> x.signal.complete(Result.failed(failed)));
            throw e;
        } finally {
            handOver(line);
        }
    }

    /** Gives up the lead; the first one still waiting (if any) leads next. */
    private static void handOver(Line line) {
        while (true) {
            line.leading.set(false);
            if (line.queue.isEmpty() || !line.leading.compareAndSet(false, true)) {
                return; // nobody waits, or a newcomer took the lead itself
            }
            Waiter<?> head = line.queue.peek();
            if (head != null && head.signal.complete(LEAD)) {
                return;
            }
            // the head left the line at this moment (timed out): give up the lead again and look once more
        }
    }
}
