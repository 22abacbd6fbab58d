package nl.veiligwerken.localrun;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/** One service running as a child JVM, its output in a log file of its own. */
public final class ServiceProcess {

    private static final Logger log = LoggerFactory.getLogger(ServiceProcess.class);
    private static final Pattern UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Service service;
    private final Process process;
    private final Path logFile;
    private final URI baseUrl;

    private ServiceProcess(Service service, Process process, Path logFile, URI baseUrl) {
        this.service = service;
        this.process = process;
        this.logFile = logFile;
        this.baseUrl = baseUrl;
    }

    public static ServiceProcess start(Service service, Path jar, List<String> jvmOptions, Map<String, String> env,
                                       Path logFile, URI baseUrl) throws IOException {
        Files.createDirectories(logFile.getParent());
        if (Files.exists(logFile)) {
            // keep the previous run's log: the reason it was restarted is often in there
            Files.move(logFile, logFile.resolveSibling(logFile.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
        }
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(jar.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        log.info("Started {} (pid {}), log: {}", service.module(), process.pid(), logFile);
        return new ServiceProcess(service, process, logFile, baseUrl);
    }

    /** The launcher's own java, so the services run on the JDK the person started us with. */
    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * Waits until {@code /actuator/health} says UP. Fails at once when the process ends, and at the deadline
     * otherwise, each time pointing at the log and quoting its end.
     */
    public void awaitHealthy(Instant deadline) throws InterruptedException {
        URI health = baseUrl.resolve("/actuator/health");
        HttpRequest request = HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(5)).GET().build();
        while (true) {
            if (!process.isAlive()) {
                throw new ServiceFailedException(service.module() + " stopped during start-up (exit code "
                        + process.exitValue() + "). See " + logFile + "\n" + whyFailed());
            }
            try {
                HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && UP.matcher(response.body()).find()) {
                    return;
                }
            } catch (ConnectException | HttpTimeoutException e) {
                // not listening yet
            } catch (IOException e) {
                // connection reset while Tomcat starts: try again
            }
            if (Instant.now().isAfter(deadline)) {
                throw new ServiceFailedException(service.module() + " did not report UP on " + health
                        + " in time. See " + logFile + "\n" + whyFailed());
            }
            Thread.sleep(500);
        }
    }

    /** Asks the service to stop (SIGTERM: Spring shuts down gracefully), then insists. */
    public void requestStop() {
        process.destroy();
    }

    public void awaitStop(Duration grace) throws InterruptedException {
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            log.warn("{} did not stop within {}s, killing it", service.module(), grace.toSeconds());
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** {@code kill -9}: no shutdown hook, no graceful end of what the service was doing. Waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL on Linux and macOS
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(service.module() + " (pid " + process.pid() + ") survived kill -9");
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public Process process() {
        return process;
    }

    public Service service() {
        return service;
    }

    public long pid() {
        return process.pid();
    }

    public Path logFile() {
        return logFile;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public OptionalLong rssKb() {
        return ProcessMemory.rssKb(process.pid());
    }

    /**
     * The part of the log that usually says why: Spring Boot's failure analysis when there is one, else the
     * first ERROR line (the end of a log is mostly stack frames and shutdown noise), and the last lines.
     */
    String whyFailed() {
        List<String> all;
        try {
            all = Files.readAllLines(logFile, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "(could not read the log: " + e + ")";
        }
        StringBuilder why = new StringBuilder();
        int analysis = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).contains("APPLICATION FAILED TO START")) {
                analysis = i;
            }
        }
        if (analysis >= 0) {
            all.subList(analysis, Math.min(all.size(), analysis + 15)).forEach(l -> why.append("  ").append(l).append('\n'));
            return why.toString();
        }
        all.stream().filter(l -> l.contains(" ERROR ")).findFirst()
                .ifPresent(l -> why.append("First error:\n  ").append(abbreviate(l, 600)).append('\n'));
        why.append("Last lines:\n");
        all.subList(Math.max(0, all.size() - 10), all.size())
                .forEach(l -> why.append("  ").append(abbreviate(l, 300)).append('\n'));
        return why.toString();
    }

    private static String abbreviate(String line, int max) {
        return line.length() <= max ? line : line.substring(0, max) + " ...";
    }

    /** A service would not start; the message says where to look. */
    public static final class ServiceFailedException extends RuntimeException {
        public ServiceFailedException(String message) {
            super(message);
        }
    }
}
