package nl.veiligwerken.query.web;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Read-your-writes for the pages a person returns to from the command service: the views are projected a moment
 * after the events are stored, so the page waits, briefly, until the view has reached the version the command
 * service answered with. Never longer than the timeout and never failing: the page then shows what there is and
 * says so. Elapsed time is measured on a monotonic ticker, not the (settable) clock of the organisation.
 */
@Component
class ViewCatchUp {

    /** The passing of time: {@link System#nanoTime()} and {@link Thread#sleep} outside tests. */
    interface Ticker {
        long nanoTime();

        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    };

    private final ReadYourWritesProperties settings;
    private final Ticker ticker;

    @Autowired
    ViewCatchUp(ReadYourWritesProperties settings) {
        this(settings, SYSTEM);
    }

    ViewCatchUp(ReadYourWritesProperties settings, Ticker ticker) {
        this.settings = settings;
        this.ticker = ticker;
    }

    /**
     * Whether the view reached {@code version} within the timeout.
     *
     * @param reached the version the view is at now; negative when it has nothing of the incident yet
     */
    boolean awaitVersion(long version, LongSupplier reached) {
        long deadline = ticker.nanoTime() + settings.timeout().toNanos();
        try {
            while (true) {
                if (reached.getAsLong() >= version) {
                    return true;
                }
                long left = deadline - ticker.nanoTime();
                if (left <= 0) {
                    return false;
                }
                ticker.sleep(Duration.ofNanos(Math.min(left, settings.interval().toNanos())));
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        } catch (RuntimeException unreadable) {
            // the page reads the view again itself, and says there what went wrong if it still cannot
            return false;
        }
    }
}
