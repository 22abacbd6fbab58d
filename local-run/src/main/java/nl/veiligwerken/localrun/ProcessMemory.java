package nl.veiligwerken.localrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Resident memory of processes, from Linux's {@code /proc} (empty elsewhere or when the process is gone). */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    public static OptionalLong rssKb(long pid) {
        return field(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:");
    }

    /**
     * The process and all its descendants, e.g. the postmaster and its backends, by proportional set size:
     * they share PostgreSQL's buffers, and adding up their RSS would count those once per backend.
     */
    public static OptionalLong treePssKb(long pid) {
        OptionalLong own = pssKb(pid);
        if (own.isEmpty()) {
            return own;
        }
        long total = own.getAsLong();
        total += ProcessHandle.of(pid).stream().flatMap(ProcessHandle::descendants)
                .mapToLong(p -> pssKb(p.pid()).orElse(0)).sum();
        return OptionalLong.of(total);
    }

    private static OptionalLong pssKb(long pid) {
        return field(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:");
    }

    private static OptionalLong field(Path file, String name) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(name)) {
                    return OptionalLong.of(Long.parseLong(line.replaceAll("[^0-9]", "")));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or the process has ended
        }
        return OptionalLong.empty();
    }

    public static String format(OptionalLong kb) {
        return kb.isPresent() ? String.format("%d MB", Math.round(kb.getAsLong() / 1024.0)) : "n/a";
    }
}
