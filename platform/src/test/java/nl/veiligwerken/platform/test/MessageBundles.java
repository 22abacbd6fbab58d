package nl.veiligwerken.platform.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks a service's texts: every key exists in Dutch and English, and templates show no text that does not
 * come from a bundle. Each service calls it from its own test with its own bundle and template folder.
 */
public final class MessageBundles {

    private static final Pattern TEXT_BETWEEN_TAGS = Pattern.compile(">([^<>]*\\p{L}[^<>]*)<");
    private static final Pattern PLAIN_ATTRIBUTE = Pattern.compile("\\s(title|alt|placeholder|aria-label)=\"([^\"]*\\p{L}[^\"]*)\"");
    private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([a-zA-Z0-9_.]+)");

    private MessageBundles() {
    }

    public static Properties load(String resource) {
        Properties p = new Properties();
        try (InputStream in = MessageBundles.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no bundle " + resource);
            }
            p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** Keys present in one language and missing in the other, as "lang: key" lines. */
    public static List<String> missingKeys(String baseName) {
        Properties nl = load(baseName + ".properties");
        Properties en = load(baseName + "_en.properties");
        List<String> missing = new ArrayList<>();
        new TreeSet<>(nl.stringPropertyNames()).stream().filter(k -> !en.containsKey(k)).forEach(k -> missing.add("en: " + k));
        new TreeSet<>(en.stringPropertyNames()).stream().filter(k -> !nl.containsKey(k)).forEach(k -> missing.add("nl: " + k));
        return missing;
    }

    /**
     * Text in templates that a person would read but that has no {@code th:text}/{@code th:utext}/... to
     * replace it, and literal {@code #{key}} references whose key is in none of the given bundles.
     */
    public static List<String> templateProblems(Path templates, String... baseNames) {
        Set<String> keys = new TreeSet<>();
        for (String base : baseNames) {
            keys.addAll(load(base + ".properties").stringPropertyNames());
        }
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(templates)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file).replaceAll("(?s)<!--.*?-->", "");
                for (String tag : html.split("(?=<)")) {
                    Matcher text = TEXT_BETWEEN_TAGS.matcher(tag + "<");
                    boolean replaced = tag.contains("th:text") || tag.contains("th:utext") || tag.contains("th:replace")
                            || tag.contains("th:insert") || tag.contains("th:errors");
                    if (text.find() && !replaced && !text.group(1).isBlank()) {
                        problems.add(templates.relativize(file) + ": hard-coded text \"" + text.group(1).trim() + "\"");
                    }
                    Matcher attr = PLAIN_ATTRIBUTE.matcher(tag);
                    while (attr.find()) {
                        problems.add(templates.relativize(file) + ": hard-coded " + attr.group(1) + " \"" + attr.group(2) + "\"");
                    }
                }
                Matcher key = MESSAGE_KEY.matcher(html);
                while (key.find()) {
                    String k = key.group(1);
                    if (!keys.contains(k) && !k.endsWith(".")) {
                        problems.add(templates.relativize(file) + ": unknown message key " + k);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }
}
