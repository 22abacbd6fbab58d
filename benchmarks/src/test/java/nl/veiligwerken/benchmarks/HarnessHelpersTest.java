package nl.veiligwerken.benchmarks;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The harness's own arithmetic and parsing; the measurements themselves run only in ./benchmark. */
class HarnessHelpersTest {

    @Test
    void ratiosAndTargetsAgainstABaseline() {
        assertThat(Report.ratio(250, OptionalDouble.of(1000), "P8")).isEqualTo("0.25 × P8");
        assertThat(Report.ratio(250, OptionalDouble.empty(), "P8")).isEmpty();
        assertThat(Report.ratio(5.5, OptionalDouble.of(2340), "P8")).isEqualTo("0.0024 × P8");
        assertThat(Report.atLeast(200, 0.20, OptionalDouble.of(1000))).isTrue();
        assertThat(Report.atLeast(199, 0.20, OptionalDouble.of(1000))).isFalse();
        assertThat(Report.atLeast(199, 0.20, OptionalDouble.empty())).isNull();
    }

    @Test
    void percentilesInMilliseconds() {
        Histogram h = Load.histogram();
        for (int ms = 1; ms <= 100; ms++) {
            h.recordValue(ms * 1000L);
        }
        assertThat(Report.percentiles(h)).isEqualTo("p50 50.0, p99 99.0, max 100 ms (n=100)");
        assertThat(Report.p95(h)).startsWith("p95 95.0 ms");
        assertThat(Report.percentiles(Load.histogram())).isEqualTo("no samples");
    }

    @Test
    void theTableMarksMissedTargets() {
        Report report = new Report();
        report.add("replay", "900/s events", "0.90 × P1", "≥ 1.0 × P1", false);
        report.add("start-up", "40.0 s");
        String table = report.markdown("## Results", List.of("quick run"));
        assertThat(table).contains("| replay | 900/s events | 0.90 × P1 | ≥ 1.0 × P1 | **no** |")
                .contains("| start-up | 40.0 s |  |  |  |");
    }

    @Test
    void optionsFromFlagsThenEnvironmentThenDefaults() {
        Options full = Options.parse(new String[0], Map.of());
        assertThat(full.quick()).isFalse();
        assertThat(full.replayEvents()).isEqualTo(1_000_000);
        assertThat(full.wallEvents()).isEqualTo(2_000_000);
        assertThat(full.batchTuning()).isTrue();

        Options quick = Options.parse(new String[] {"--quick", "--replay-events=200k"}, Map.of("BENCH_PHASE_SECONDS", "5"));
        assertThat(quick.replayEvents()).isEqualTo(200_000);
        assertThat(quick.phase()).isEqualTo(Duration.ofSeconds(5));
        assertThat(quick.batchTuning()).isFalse();

        assertThatThrownBy(() -> Options.parse(new String[] {"--clients=many"}, Map.of()))
                .hasMessageContaining("--clients must be a number");
        assertThatThrownBy(() -> Options.parse(new String[] {"stray"}, Map.of())).hasMessageContaining("unknown argument");
    }

    @Test
    void pgbenchThroughputIsReadFromItsSummary() {
        String output = """
                number of transactions actually processed: 31722
                latency average = 0.315 ms
                initial connection time = 3.020 ms
                tps = 3172.671458 (without initial connection time)
                """;
        assertThat(Pgbench.parseTps(output)).isEqualTo(3172.671458);
        assertThatThrownBy(() -> Pgbench.parseTps("FATAL: no such database")).hasMessageContaining("no tps");
    }

    @Test
    void copiedEventsGetTheCopysPrefixInEveryUuid() {
        String uuid = "0b6f3c1e-7c43-4c53-9a4e-1f0e2d9f8a11";
        String copied = Pattern.compile(EventStoreFiller.UUID_PATTERN).matcher("{\"incidentId\":\"" + uuid + "\"}")
                .replaceAll("0000002a$1");
        assertThat(copied).isEqualTo("{\"incidentId\":\"0000002a-7c43-4c53-9a4e-1f0e2d9f8a11\"}");
        assertThat(EventStoreFiller.copySql()).contains("lpad(to_hex(k), 8, '0') || '\\1'")
                .contains("order by k, t.global_index");
    }

    @Test
    void aReportAsTheApiTakesIt() {
        String json = Benchmark.reportJson(Benchmark.NOORD, 4);
        assertThat(Api.field(json, "teamId")).isEqualTo("ambulant-noord");
        assertThat(Api.field(json, "severity")).isEqualTo("MINOR");
        assertThat(Api.field(json, "supportWanted")).isEqualTo("true");
        assertThat(Api.field("{\"incidentId\":\"x\",\"version\":3}", "version")).isEqualTo("3");
    }

    @Test
    void processorStatusFromTheAdminApi() {
        Views.Status s = Views.parse("{\"name\":\"tasks\",\"running\":false,\"rebuilding\":false,\"caughtUp\":true,\"position\":1234}");
        assertThat(s).isEqualTo(new Views.Status("tasks", false, false, true, 1234));
    }
}
