package nl.veiligwerken.platform.test;

import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Generates malformed requests from valid ones, deterministically from a seed: for a JSON endpoint broken and
 * truncated JSON, the wrong content type, a body that is not an object, nesting too deep; for every field of
 * the valid body the wrong type, a 1 MB string, a 10,000-element array, a date that is no date, an unknown enum
 * value, an overflowing or negative number, the field left out; for a form post the same per field, and the
 * post without or with a forged CSRF token. Each case breaks the request in one way; the valid request itself is
 * never among them. A field's kind is read from its valid value (a UUID, a date-time, an enum constant, text,
 * a number, a flag, a list, a nested object), so a template is just a valid body.
 */
public final class MalformedRequests {

    /** How the request carries its input. */
    public enum Carrier { JSON, FORM, QUERY }

    /**
     * A valid request to break. {@code optional}: fields (by path, {@code report.aggressor}) that may be left
     * out; {@code lenient}: the endpoint stores input unfinished (a draft), so only input that cannot be read
     * or is too large is wrong there, not a missing or implausible value.
     */
    public record Template(String endpoint, String method, String path, Carrier carrier, Map<String, Object> valid,
                           Set<String> optional, boolean lenient) {

        public static Template json(String endpoint, String path, Map<String, Object> valid, String... optional) {
            return new Template(endpoint, endpoint.substring(0, endpoint.indexOf(' ')), path, Carrier.JSON, valid,
                    Set.of(optional), false);
        }

        public static Template form(String endpoint, String path, Map<String, Object> valid, String... optional) {
            return new Template(endpoint, endpoint.substring(0, endpoint.indexOf(' ')), path, Carrier.FORM, valid,
                    Set.of(optional), false);
        }

        public static Template query(String endpoint, String path, Map<String, Object> valid, String... optional) {
            return new Template(endpoint, "GET", path, Carrier.QUERY, valid, Set.of(optional), false);
        }

        public Template asLenient() {
            return new Template(endpoint, method, path, carrier, valid, optional, true);
        }
    }

    /**
     * One malformed request. {@code body} is the raw JSON (JSON), or null; {@code params} the form or query
     * parameters; {@code csrf} whether a valid CSRF token goes with a form post ({@code forgedCsrf}: a wrong one).
     */
    public record Case(String endpoint, String label, String method, String path, Carrier carrier, String contentType,
                       byte[] body, Map<String, List<String>> params, boolean csrf, boolean forgedCsrf) {

        @Override
        public String toString() {
            return endpoint + " [" + label + "]";
        }
    }

    public static final String HUGE = "x".repeat(1 << 20);
    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2})?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");
    private static final Pattern ENUM = Pattern.compile("[A-Z][A-Z0-9_]+");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Object REMOVE = new Object();

    private final Random random;

    public MalformedRequests(long seed) {
        this.random = new Random(seed);
    }

    /** The seed of a run: {@code -Dbad-input.seed=…} to repeat one, else a fixed one so the build is repeatable. */
    public static long seed() {
        return Long.getLong("bad-input.seed", 20261201L);
    }

    /** Every malformed case of the template: one per way to break it. */
    public List<Case> of(Template template) {
        List<Case> cases = new ArrayList<>();
        switch (template.carrier()) {
            case JSON -> {
                wholeJson(template, cases);
                fields(template, "", template.valid(), cases);
            }
            case FORM -> {
                cases.add(form(template, "without CSRF token", template.valid(), false, false));
                cases.add(form(template, "forged CSRF token", template.valid(), false, true));
                fields(template, "", template.valid(), cases);
            }
            case QUERY -> fields(template, "", template.valid(), cases);
        }
        return cases;
    }

    /** Cases for an endpoint nobody wrote a template for: what no endpoint may answer with a 5xx. */
    public List<Case> generic(String endpoint, String path) {
        String method = endpoint.substring(0, endpoint.indexOf(' '));
        List<Case> cases = new ArrayList<>();
        if (path.startsWith("/api/")) {
            // a body that is readable JSON once unbroken, but valid for no endpoint
            Template empty = new Template(endpoint, method, path, Carrier.JSON, Map.of("onbekend", "waarde"), Set.of(), true);
            wholeJson(empty, cases);
        } else if (!"GET".equals(method)) {
            cases.add(new Case(endpoint, "without CSRF token", method, path, Carrier.FORM,
                    "application/x-www-form-urlencoded", null, Map.of(), false, false));
            cases.add(new Case(endpoint, "forged CSRF token", method, path, Carrier.FORM,
                    "application/x-www-form-urlencoded", null, Map.of(), false, true));
            cases.add(new Case(endpoint, "huge unknown field", method, path, Carrier.FORM,
                    "application/x-www-form-urlencoded", null, Map.of("unknown", List.of(HUGE)), true, false));
        }
        return cases;
    }

    private void wholeJson(Template t, List<Case> cases) {
        String valid = JSON.writeValueAsString(t.valid());
        int cut = valid.length() <= 2 ? 1 : 1 + random.nextInt(valid.length() - 2);
        raw(t, "truncated JSON at " + cut, "application/json", valid.substring(0, cut), cases);
        raw(t, "truncated JSON, closing brace only", "application/json", valid.substring(0, valid.length() - 1), cases);
        raw(t, "not JSON", "application/json", "<incident><severity>SERIOUS</severity></incident>", cases);
        raw(t, "trailing comma", "application/json", valid.length() > 2
                ? valid.substring(0, valid.length() - 1) + ",}" : "{,}", cases);
        raw(t, "single quotes", "application/json", valid.replace('"', '\''), cases);
        raw(t, "empty body", "application/json", "", cases);
        raw(t, "null body", "application/json", "null", cases);
        raw(t, "array body", "application/json", "[" + valid + "]", cases);
        raw(t, "string body", "application/json", "\"" + HUGE.substring(0, 1000) + "\"", cases);
        raw(t, "number body", "application/json", "12345678901234567890123", cases);
        raw(t, "nested 10,000 deep", "application/json", "[".repeat(10_000) + "]".repeat(10_000), cases);
        raw(t, "random bytes", "application/json", randomText(200), cases);
        raw(t, "text/plain", "text/plain", valid, cases);
        raw(t, "application/xml", "application/xml", valid, cases);
        raw(t, "form-encoded to the JSON API", "application/x-www-form-urlencoded", "a=b&c=d", cases);
        cases.add(new Case(t.endpoint(), "invalid UTF-8", t.method(), t.path(), Carrier.JSON, "application/json",
                new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '"', '}'}, Map.of(),
                false, false));
    }

    private void raw(Template t, String label, String contentType, String body, List<Case> cases) {
        cases.add(new Case(t.endpoint(), label, t.method(), t.path(), t.carrier(), contentType,
                body.getBytes(StandardCharsets.UTF_8), Map.of(), false, false));
    }

    /** For each field (nested objects and list rows included) every way of breaking it that fits its kind. */
    @SuppressWarnings("unchecked")
    private void fields(Template t, String prefix, Map<String, Object> object, List<Case> cases) {
        for (Map.Entry<String, Object> field : object.entrySet()) {
            String path = prefix + field.getKey();
            Object value = field.getValue();
            if (value == null) {
                continue; // left out already; a kind to break it by cannot be told
            }
            List<Object[]> wrong = new ArrayList<>(); // label, replacement
            if (!t.optional().contains(path) && !t.lenient()) {
                wrong.add(new Object[]{"left out", REMOVE});
            }
            if (value instanceof Map<?, ?> nested) {
                wrong.add(new Object[]{"a list instead of an object", List.of(1, 2)});
                wrong.add(new Object[]{"text instead of an object", "tekst"});
                fields(t, path + ".", (Map<String, Object>) nested, cases);
            } else if (value instanceof List<?> list) {
                wrong.add(new Object[]{"text instead of a list", "tekst"});
                wrong.add(new Object[]{"10,000 unknown values", Collections.nCopies(10_000, "GEEN_BEKENDE_WAARDE")});
                wrong.add(new Object[]{"a list of lists", List.of(List.of(1))});
                if (!list.isEmpty() && list.get(0) instanceof Map<?, ?> row) {
                    wrong.add(new Object[]{"10,000 rows", Collections.nCopies(10_000, row)});
                    fields(t, path + "[0].", (Map<String, Object>) row, cases);
                } else if (!t.lenient()) {
                    wrong.add(new Object[]{"a null element", Collections.singletonList(null)});
                }
            } else if (value instanceof Boolean) {
                wrong.add(new Object[]{"not a flag", "misschien"});
                wrong.add(new Object[]{"an object instead of a flag", Map.of("a", 1)});
            } else if (value instanceof Number) {
                wrong.add(new Object[]{"text instead of a number", "abc"});
                wrong.add(new Object[]{"overflowing number", new java.math.BigInteger("99999999999999999999999")});
                wrong.add(new Object[]{"an object instead of a number", Map.of("a", 1)});
                wrong.add(new Object[]{"decimal with a comma", "1,5"});
                if (!t.lenient()) {
                    wrong.add(new Object[]{"negative number", -1 - random.nextInt(1000)});
                    wrong.add(new Object[]{"largest number", Long.MAX_VALUE});
                }
            } else if (value instanceof String text) {
                if (UUID.matcher(text).matches()) {
                    wrong.add(new Object[]{"not a UUID", "geen-uuid-" + random.nextInt(1000)});
                    wrong.add(new Object[]{"1 MB id", HUGE});
                } else if (DATE_TIME.matcher(text).matches()) {
                    wrong.add(new Object[]{"month 13", "2026-13-45T10:00"});
                    wrong.add(new Object[]{"hour 25", "2026-01-10T25:61"});
                    wrong.add(new Object[]{"a word instead of a date", "gisteren"});
                    wrong.add(new Object[]{"Dutch date order", "10-01-2026 10:00"});
                    wrong.add(new Object[]{"a number instead of a date", 1767955200});
                    wrong.add(new Object[]{"year 99999", "99999-01-10T10:00"});
                } else if (DATE.matcher(text).matches()) {
                    wrong.add(new Object[]{"month 13", "2026-13-45"});
                    wrong.add(new Object[]{"a word instead of a date", "gisteren"});
                    wrong.add(new Object[]{"year 99999", "99999-01-10"});
                } else if (QUARTER.matcher(text).matches()) {
                    wrong.add(new Object[]{"quarter 5", text.substring(0, 5) + "Q5"});
                    wrong.add(new Object[]{"year 99999", "99999-Q1"});
                    wrong.add(new Object[]{"a word instead of a quarter", "vorig-kwartaal"});
                } else if (ENUM.matcher(text).matches()) {
                    wrong.add(new Object[]{"unknown value", "GEEN_BEKENDE_WAARDE"});
                    wrong.add(new Object[]{"lower case", text.toLowerCase(java.util.Locale.ROOT) + "x"});
                    wrong.add(new Object[]{"a number instead of a value", 9999});
                    wrong.add(new Object[]{"1 MB value", HUGE});
                } else {
                    wrong.add(new Object[]{"1 MB text", HUGE});
                    wrong.add(new Object[]{"an object instead of text", Map.of("a", 1)});
                    wrong.add(new Object[]{"a list instead of text", List.of(1, 2)});
                }
            }
            for (Object[] w : wrong) {
                Map<String, Object> broken = replaced(t.valid(), path, w[1]);
                String label = path + ": " + w[0];
                if (t.carrier() == Carrier.JSON) {
                    raw(t, label, "application/json", JSON.writeValueAsString(broken), cases);
                } else if (w[1] instanceof Map<?, ?> && !(value instanceof Map<?, ?>)
                        || w[1] instanceof List<?> && !(value instanceof List<?>)) {
                    // a form has no objects, and repeated text fields are joined with commas into valid text
                } else if (t.carrier() == Carrier.FORM) {
                    cases.add(form(t, label, broken, true, false));
                } else {
                    cases.add(new Case(t.endpoint(), label, "GET", t.path(), Carrier.QUERY, null, null,
                            params(broken), false, false));
                }
            }
        }
    }

    private Case form(Template t, String label, Map<String, Object> fields, boolean csrf, boolean forged) {
        return new Case(t.endpoint(), label, t.method(), t.path(), Carrier.FORM, "application/x-www-form-urlencoded",
                null, params(fields), csrf, forged);
    }

    /** A copy of {@code valid} with the value at {@code path} ({@code a.b}, {@code rows[0].c}) replaced or removed. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> replaced(Map<String, Object> valid, String path, Object replacement) {
        Map<String, Object> copy = deepCopy(valid);
        Object current = copy;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            int index = -1;
            if (part.endsWith("]")) {
                index = Integer.parseInt(part.substring(part.indexOf('[') + 1, part.length() - 1));
                part = part.substring(0, part.indexOf('['));
            }
            Map<String, Object> map = (Map<String, Object>) current;
            if (i == parts.length - 1) {
                if (replacement == REMOVE) {
                    map.remove(part);
                } else {
                    map.put(part, replacement);
                }
            } else {
                current = index >= 0 ? ((List<Object>) map.get(part)).get(index) : map.get(part);
            }
        }
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, copyValue(v)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> m) {
            return deepCopy((Map<String, Object>) m);
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>(l.size());
            l.forEach(v -> copy.add(copyValue(v)));
            return copy;
        }
        return value;
    }

    /** Form or query parameters: nested objects as {@code a.b}, rows as {@code rows[0].c}, lists repeated. */
    public static Map<String, List<String>> params(Map<String, Object> fields) {
        Map<String, List<String>> params = new LinkedHashMap<>();
        flatten("", fields, params);
        return params;
    }

    private static void flatten(String prefix, Map<?, ?> fields, Map<String, List<String>> params) {
        fields.forEach((key, value) -> {
            String name = prefix + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name + ".", nested, params);
            } else if (value instanceof List<?> list) {
                for (int i = 0; i < list.size(); i++) {
                    Object element = list.get(i);
                    if (element instanceof Map<?, ?> row) {
                        flatten(name + "[" + i + "].", row, params);
                    } else {
                        params.computeIfAbsent(name, n -> new ArrayList<>()).add(String.valueOf(element));
                    }
                }
                if (list.isEmpty()) {
                    params.put(name, new ArrayList<>());
                }
            } else if (value != null) {
                params.computeIfAbsent(name, n -> new ArrayList<>()).add(String.valueOf(value));
            }
        });
    }

    private String randomText(int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) (random.nextInt(0x2FFF) + 1));
        }
        return text.toString();
    }
}
