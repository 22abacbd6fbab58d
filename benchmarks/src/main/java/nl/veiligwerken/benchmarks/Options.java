package nl.veiligwerken.benchmarks;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The sizes and durations of one run, from {@code --flags} or the environment (flag wins). {@code --quick} gives
 * a run of a few minutes for development: its figures show that the harness works, not what the system does.
 */
record Options(boolean quick, int clients, Duration phase, Duration pgbenchPhase, long replayEvents,
               long replayIncidents, long wallEvents, Duration latencyPhase, int readRequests,
               boolean batchTuning, Duration batchTuningWindow, Path dataDir, Path output) {

    static Options parse(String[] args, Map<String, String> env) {
        Map<String, String> given = new java.util.HashMap<>();
        boolean quick = "1".equals(env.get("BENCH_QUICK"));
        for (String arg : args) {
            if (arg.equals("--quick")) {
                quick = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                throw new IllegalArgumentException(usage());
            } else if (arg.startsWith("--") && arg.contains("=")) {
                given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (arg.startsWith("--")) {
                given.put(arg.substring(2), "true");
            } else {
                throw new IllegalArgumentException("unknown argument '" + arg + "'\n" + usage());
            }
        }
        Values v = new Values(given, env);
        return new Options(quick,
                v.integer("clients", 8),
                Duration.ofSeconds(v.integer("phase-seconds", quick ? 8 : 30)),
                Duration.ofSeconds(v.integer("pgbench-seconds", quick ? 5 : 20)),
                v.number("replay-events", quick ? 50_000 : 1_000_000),
                v.number("replay-incidents", quick ? 0 : 100_000),
                v.number("wall-events", quick ? 100_000 : 2_000_000),
                Duration.ofSeconds(v.integer("latency-seconds", quick ? 10 : 60)),
                v.integer("read-requests", quick ? 10 : 40),
                Boolean.parseBoolean(v.text("batch-tuning", Boolean.toString(!quick))),
                Duration.ofSeconds(v.integer("batch-tuning-seconds", quick ? 10 : 30)),
                Path.of(v.text("data-dir", "benchmarks/target/benchmark-data")),
                Path.of(v.text("output", "benchmarks/target/benchmark-results.md")));
    }

    static String usage() {
        return """
                usage: ./benchmark [--quick] [--name=value ...]   (or BENCH_<NAME>=value, e.g. BENCH_REPLAY_EVENTS)
                  --quick                   a few minutes, small sizes; for developing the harness
                  --clients=8               clients of the closed-loop phases
                  --phase-seconds=30        each append / step phase (after a warm-up of a fifth of it)
                  --pgbench-seconds=20      each pgbench run (1 and 8 clients)
                  --replay-events=1000000   events in the store when every view is rebuilt
                  --replay-incidents=100000 ... and at least this many incidents (the read model of the review)
                  --wall-events=2000000     events in the store for the second append measurement
                  --latency-seconds=60      the open-model phase at half of the measured capacity
                  --read-requests=40        requests each for the quarterly review and compliance API
                  --batch-tuning=true       rebuild once with batch size 1 for comparison (restarts the query service)
                  --batch-tuning-seconds=30 how long that rebuild is watched
                  --data-dir=benchmarks/target/benchmark-data   emptied at the start
                  --output=benchmarks/target/benchmark-results.md
                """;
    }

    private record Values(Map<String, String> given, Map<String, String> env) {

        String text(String name, String fallback) {
            String value = given.get(name);
            if (value == null) {
                value = env.get("BENCH_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
            }
            return value == null || value.isBlank() ? fallback : value.trim();
        }

        int integer(String name, int fallback) {
            return (int) number(name, fallback);
        }

        long number(String name, long fallback) {
            String value = text(name, null);
            if (value == null) {
                return fallback;
            }
            try {
                return Long.parseLong(value.replace("_", "").replace("k", "000").replace("M", "000000"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + name + " must be a number, was '" + value + "'");
            }
        }
    }
}
