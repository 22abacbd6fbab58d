package nl.veiligwerken.command.web;

import nl.veiligwerken.platform.test.MessageBundles;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CommandMessagesTest {

    private static final String[] BUNDLES = {"messages/command", "messages/steps", "messages/protocol"};

    @Test
    void everyKeyExistsInDutchAndEnglish() {
        for (String bundle : BUNDLES) {
            assertThat(MessageBundles.missingKeys(bundle)).as(bundle).isEmpty();
        }
    }

    /** Bean Validation's "{key}" and the keys the domain's refusals carry: a missing one shows as raw text. */
    private static final Pattern KEY_IN_CODE = Pattern.compile(
            "message = \"\\{([a-zA-Z0-9_.]+)}\"|(?:Rejected|Forbidden)Exception\\(\"([a-zA-Z0-9_.]+)\"");

    @Test
    void everyKeyTheCodeNamesIsInTheBundles() throws IOException {
        Properties known = new Properties();
        for (String bundle : List.of("messages/platform", "messages/command", "messages/steps", "messages/protocol")) {
            known.putAll(MessageBundles.load(bundle + ".properties"));
        }
        List<String> missing = new ArrayList<>();
        int seen = 0;
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher key = KEY_IN_CODE.matcher(Files.readString(source));
                while (key.find()) {
                    String name = key.group(1) != null ? key.group(1) : key.group(2);
                    seen++;
                    if (!known.containsKey(name)) {
                        missing.add(source.getFileName() + ": " + name);
                    }
                }
            }
        }
        assertThat(seen).as("keys found in the code (the pattern must match something)").isGreaterThan(50);
        assertThat(missing).isEmpty();
    }

    @Test
    void templatesShowOnlyTextFromTheBundles() {
        assertThat(MessageBundles.templateProblems(Path.of("src/main/resources/templates"),
                "messages/platform", "messages/command", "messages/steps", "messages/protocol")).isEmpty();
    }
}
