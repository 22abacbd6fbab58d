package nl.veiligwerken.query.web;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class ViewCatchUpTest {

    private static final ReadYourWritesProperties TWO_SECONDS_EVERY_50_MS =
            new ReadYourWritesProperties(Duration.ofSeconds(2), Duration.ofMillis(50));

    /** Time that passes only when the waiting sleeps, and a record of each sleep. */
    static class FakeTicker implements ViewCatchUp.Ticker {
        long now = 1_000_000_000L;
        final List<Duration> sleeps = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(Duration duration) {
            sleeps.add(duration);
            now += duration.toNanos();
        }

        Duration slept() {
            return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
        }
    }

    private final FakeTicker ticker = new FakeTicker();
    private final ViewCatchUp catchUp = new ViewCatchUp(TWO_SECONDS_EVERY_50_MS, ticker);

    @Test
    void aViewAlreadyThereIsNotWaitedFor() {
        assertThat(catchUp.awaitVersion(5, () -> 5)).isTrue();
        assertThat(catchUp.awaitVersion(5, () -> 7)).isTrue();
        assertThat(ticker.sleeps).isEmpty();
    }

    @Test
    void looksAgainEveryIntervalUntilTheViewReachesTheVersion() {
        LongSupplier view = answers(-1, 3, 4, 5);

        assertThat(catchUp.awaitVersion(5, view)).isTrue();

        assertThat(ticker.sleeps).containsExactly(Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(50));
    }

    @Test
    void givesUpAfterTheTimeoutAndNeverWaitsLonger() {
        int[] looks = {0};

        boolean caughtUp = catchUp.awaitVersion(5, () -> {
            looks[0]++;
            return 4;
        });

        assertThat(caughtUp).isFalse();
        assertThat(ticker.slept()).isEqualTo(Duration.ofSeconds(2));
        assertThat(ticker.sleeps).allSatisfy(sleep -> assertThat(sleep).isLessThanOrEqualTo(Duration.ofMillis(50)));
        // once at the start and after each of the 40 sleeps
        assertThat(looks[0]).isEqualTo(41);
    }

    @Test
    void theLastSleepIsCutToTheTimeLeft() {
        ViewCatchUp odd = new ViewCatchUp(new ReadYourWritesProperties(Duration.ofMillis(120), Duration.ofMillis(50)), ticker);

        assertThat(odd.awaitVersion(1, () -> 0)).isFalse();

        assertThat(ticker.sleeps).containsExactly(Duration.ofMillis(50), Duration.ofMillis(50), Duration.ofMillis(20));
    }

    @Test
    void aFailingLookGivesUpAtOnceInsteadOfFailingThePage() {
        assertThat(catchUp.awaitVersion(5, () -> {
            throw new IllegalStateException("view unreadable");
        })).isFalse();
        assertThat(ticker.sleeps).isEmpty();
    }

    @Test
    void anInterruptedWaitGivesUpAndKeepsTheInterrupt() {
        ViewCatchUp interrupted = new ViewCatchUp(TWO_SECONDS_EVERY_50_MS, new ViewCatchUp.Ticker() {
            @Override
            public long nanoTime() {
                return 0;
            }

            @Override
            public void sleep(Duration duration) throws InterruptedException {
                throw new InterruptedException("shutting down");
            }
        });
        try {
            assertThat(interrupted.awaitVersion(5, () -> 0)).isFalse();
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void withoutTimeoutItLooksOnceAndDoesNotWait() {
        ViewCatchUp off = new ViewCatchUp(new ReadYourWritesProperties(Duration.ZERO, Duration.ofMillis(50)), ticker);

        assertThat(off.awaitVersion(5, () -> 4)).isFalse();
        assertThat(off.awaitVersion(5, () -> 5)).isTrue();
        assertThat(ticker.sleeps).isEmpty();
    }

    private static LongSupplier answers(long... versions) {
        int[] next = {0};
        return () -> versions[Math.min(next[0]++, versions.length - 1)];
    }
}
