package nl.veiligwerken.benchmarks;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/** Load of two kinds, latencies in HdrHistograms (microseconds). */
final class Load {

    private Load() {
    }

    interface Call {
        void run() throws Exception;
    }

    interface TimedCall {
        /** {@code intendedNanos}: when the open model meant to send it ({@link System#nanoTime()}). */
        void run(long intendedNanos) throws Exception;
    }

    /** What a phase did: operations completed in the measured window, failures, and their latencies. */
    record Result(long operations, long failures, double seconds, Histogram latency, String firstFailure) {

        double perSecond() {
            return operations / seconds;
        }
    }

    static Histogram histogram() {
        return new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(10), 3);
    }

    /**
     * Closed model: {@code clients} threads, each sending its next request when the previous one answered, for
     * {@code warmUp} (not counted) and then {@code measured}. Each client gets its own call from the factory.
     */
    static Result closed(int clients, Duration warmUp, Duration measured, IntFunction<Call> perClient)
            throws InterruptedException {
        Histogram latency = histogram();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        long begin = System.nanoTime();
        long measureFrom = begin + warmUp.toNanos();
        long end = measureFrom + measured.toNanos();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            Call call = perClient.apply(i);
            Thread thread = new Thread(() -> {
                while (true) {
                    long start = System.nanoTime();
                    if (start >= end) {
                        return;
                    }
                    try {
                        call.run();
                        long done = System.nanoTime();
                        if (start >= measureFrom && done <= end) {
                            ok.incrementAndGet();
                            latency.recordValue(Math.max(1, (done - start) / 1000));
                        }
                    } catch (Exception e) {
                        if (start >= measureFrom) {
                            failed.incrementAndGet();
                        }
                        firstFailure.compareAndSet(null, e.toString());
                        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
                    }
                }
            }, "client-" + i);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Result(ok.get(), failed.get(), measured.toNanos() / 1e9, latency, firstFailure.get());
    }

    /**
     * Open model (constant arrival rate, as Gatling's {@code constantUsersPerSec}): requests are sent at fixed
     * moments whether or not earlier ones have answered, and each latency counts from the moment it was meant to
     * be sent, so a stall shows up in the figures instead of slowing the load (no coordinated omission).
     */
    static Result open(double perSecond, Duration duration, int maxInFlight, TimedCall call)
            throws InterruptedException {
        Histogram latency = histogram();
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstFailure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(maxInFlight);
        long begin = System.nanoTime();
        long interval = (long) (1e9 / perSecond);
        long count = (long) (duration.toNanos() / (double) interval);
        for (long i = 0; i < count; i++) {
            long intended = begin + i * interval;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            pool.execute(() -> {
                try {
                    call.run(intended);
                    ok.incrementAndGet();
                    latency.recordValue(Math.max(1, (System.nanoTime() - intended) / 1000));
                } catch (Exception e) {
                    failed.incrementAndGet();
                    firstFailure.compareAndSet(null, e.toString());
                }
            });
        }
        pool.shutdown();
        pool.awaitTermination(5, TimeUnit.MINUTES);
        return new Result(ok.get(), failed.get(), duration.toNanos() / 1e9, latency, firstFailure.get());
    }
}
