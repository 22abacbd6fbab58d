package nl.veiligwerken.localrun;

import java.nio.file.Path;

/** The three services the local run starts, each a Spring Boot fat jar built to {@code <module>/target/<module>.jar}. */
public enum Service {
    COMMAND("incident-command", "/incidents/new", "report an incident"),
    QUERY("incident-query", "/tasks", "team leader's task list"),
    NOTIFIER("aftercare-notifier", "/notifications", "aftercare notifications");

    private final String module;
    private final String startPage;
    private final String purpose;

    Service(String module, String startPage, String purpose) {
        this.module = module;
        this.startPage = startPage;
        this.purpose = purpose;
    }

    public String module() {
        return module;
    }

    public String startPage() {
        return startPage;
    }

    public String purpose() {
        return purpose;
    }

    public Path jar(Path repoDir) {
        return repoDir.resolve(module).resolve("target").resolve(module + ".jar");
    }
}
