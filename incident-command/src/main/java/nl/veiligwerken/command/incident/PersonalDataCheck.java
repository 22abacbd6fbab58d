package nl.veiligwerken.command.incident;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether free text seems to hold a person's name, e-mail address or phone number, so the person writing it can be
 * warned before it is stored: a client is named by client number only. A heuristic, so it warns rather than
 * refuses (the person may send the text anyway), and it leans towards not nagging: a name is two capitalised words
 * in a row that do not start a sentence ({@code Jan Jansen}, {@code Els van Dam}), or a capitalised word or initial
 * after a form of address ({@code meneer}, {@code mevrouw}, {@code mw.}, {@code dhr.}, {@code cliënt}); common
 * Dutch words, weekdays, months and the words of this field's places and organisations ({@code Op de Groep},
 * {@code Veilig Werken}) are not names. A single first name mid-sentence is not caught.
 */
public final class PersonalDataCheck {

    public enum Kind { EMAIL, PHONE, NAME }

    /** What was found, and the words that look like it (to show the writer what is meant). */
    public record Finding(Kind kind, String text) {
    }

    private static final Pattern EMAIL = Pattern.compile("[\\p{L}0-9._%+-]+@[\\p{L}0-9-]+(?:\\.[\\p{L}0-9-]+)+");
    /** 06-12345678, 06 1234 5678, 06 12 34 56 78, +31 6 12345678, 0031612345678. */
    private static final Pattern MOBILE = Pattern.compile(
            "(?<![\\w+-])(?:\\+31[ -]?(?:\\(0\\))?|0031[ -]?|0)6[ -]?(?:\\d{2} ?){3}\\d{2}(?![\\w-])");
    /** 020-1234567, 020 123 45 67, 0111-123456, +31 20 1234567: an area code, then the rest, ten digits in all. */
    private static final Pattern LANDLINE = Pattern.compile(
            "(?<![\\w+-])(?:\\+31[ -]?(?:\\(0\\))?|0031[ -]?|0)[1-57-9]\\d{1,2}[ -]?\\d{2,3} ?\\d{2} ?\\d{1,2}(?![\\w-])");
    private static final Pattern TEN_DIGITS = Pattern.compile("(?<![\\w-])\\d{10}(?![\\w-])");
    private static final Pattern WORD = Pattern.compile("\\p{L}+(?:[-'\u2019]\\p{L}+)*");

    private static final Set<String> ADDRESSES = Set.of("meneer", "mevrouw", "mevr", "mw", "dhr", "hr", "heer",
            "juffrouw", "cli\u00ebnt", "client", "cli\u00ebnte", "cliente");
    private static final Set<String> ABBREVIATED = Set.of("mevr", "mw", "dhr", "hr");
    /** Words between a first name and a surname: Jan de Vries, Els van der Berg. */
    private static final Set<String> PARTICLES = Set.of("van", "de", "der", "den", "het", "ter", "ten", "te", "in",
            "op", "la", "le", "du", "da", "di", "el", "al", "bin", "ben", "'t", "\u2019t");
    /** Capitalised but not a name: calendar words, words a sentence part may begin with, this field's places. */
    private static final Set<String> NOT_NAMES = Set.of(
            "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
            "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
            "november", "december", "kerst", "kerstmis", "pasen", "pinksteren", "koningsdag", "oudjaar", "nieuwjaar",
            "ik", "hij", "zij", "ze", "wij", "we", "jij", "je", "u", "jullie", "het", "de", "een", "dit", "dat", "die",
            "deze", "er", "op", "in", "bij", "na", "om", "met", "voor", "tijdens", "toen", "daarna", "later", "eerst",
            "vandaag", "gisteren", "morgen", "vanochtend", "vanmiddag", "vanavond", "vannacht", "ook", "niet", "nee",
            "ja", "en", "maar", "want", "dus", "wel", "geen", "alle", "mijn", "zijn", "haar", "hun", "onze", "ons",
            "wat", "wie", "waar", "hoe", "waarom", "sorry", "hallo", "hoi", "dag", "help", "stop", "kom", "ga", "rot",
            "groep", "team", "teams", "noord", "zuid", "oost", "west", "centrum", "woongroep", "ambulant",
            "wijkteam", "jeugdzorg", "zorg", "veilig", "veilige", "werken", "werk", "sociaal", "publieke", "taak",
            "politie", "ambulance", "brandweer", "arbeidsinspectie", "bedrijfsarts", "huisarts", "arts", "psycholoog",
            "slachtofferhulp", "crisisdienst", "meldkamer", "gemeente", "rijksoverheid", "ministerie", "openbaar",
            "ziekenhuis", "kliniek", "spoedeisende", "eerste", "hulp", "nazorg", "opvang", "collega", "collegas",
            "teamleider", "leidinggevende", "directie", "kantoor", "balie", "receptie", "wachtkamer", "spreekkamer",
            "locatie", "huis", "school", "station", "winkel", "straat", "plein", "park", "nederland", "nederlands",
            "nederlandse", "engels", "arabisch", "turks", "pools");

    private PersonalDataCheck() {
    }

    /** The first thing in {@code text} that seems to be personal data: an e-mail address, a phone number, a name. */
    public static Optional<Finding> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        for (Pattern pattern : List.of(EMAIL)) {
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                return Optional.of(new Finding(Kind.EMAIL, m.group()));
            }
        }
        for (Pattern pattern : List.of(MOBILE, LANDLINE, TEN_DIGITS)) {
            Matcher m = pattern.matcher(text);
            while (m.find()) {
                if (tenDigits(m.group())) {
                    return Optional.of(new Finding(Kind.PHONE, m.group()));
                }
            }
        }
        return name(text).map(found -> new Finding(Kind.NAME, found));
    }

    private record Word(String text, int start, int end, boolean sentenceStart) {

        boolean capitalised() {
            return Character.isUpperCase(text.codePointAt(0)) && text.length() > 1
                    && text.codePoints().skip(1).anyMatch(Character::isLowerCase);
        }

        String lower() {
            return text.toLowerCase(Locale.ROOT);
        }

        boolean nameLike() {
            return capitalised() && !NOT_NAMES.contains(lower()) && !ADDRESSES.contains(lower());
        }
    }

    private static Optional<String> name(String text) {
        List<Word> words = words(text);
        for (int i = 0; i + 1 < words.size(); i++) {
            Word word = words.get(i);
            String gap = text.substring(word.end(), words.get(i + 1).start());
            // a form of address, then a name or an initial: mevrouw Jansen, dhr. De Vries, cliënt K.
            boolean addressed = ADDRESSES.contains(word.lower()) && (isSpace(gap)
                    || ABBREVIATED.contains(word.lower()) && gap.startsWith(".") && isSpace(gap.substring(1)));
            if (addressed) {
                Word name = words.get(afterParticles(text, words, i + 1));
                boolean initial = name.text().length() == 1 && Character.isUpperCase(name.text().charAt(0))
                        && text.startsWith(".", name.end());
                if (name.nameLike() || initial) {
                    return Optional.of(text.substring(word.start(), name.end() + (initial ? 1 : 0)));
                }
            }
            // two capitalised words in a row, perhaps with particles between, not at the start of a sentence
            if (!word.sentenceStart() && word.nameLike() && isSpace(gap)) {
                Word name = words.get(afterParticles(text, words, i + 1));
                if (name.nameLike()) {
                    return Optional.of(text.substring(word.start(), name.end()));
                }
            }
        }
        return Optional.empty();
    }

    /** From {@code from} on, the first word that is not a particle joined to the word after it (Jan de Vries). */
    private static int afterParticles(String text, List<Word> words, int from) {
        int i = from;
        while (i + 1 < words.size() && PARTICLES.contains(words.get(i).lower())
                && isSpace(text.substring(words.get(i).end(), words.get(i + 1).start()))) {
            i++;
        }
        return i;
    }

    /** Only spaces: no punctuation, no new line. */
    private static boolean isSpace(String gap) {
        return !gap.isEmpty() && gap.chars().allMatch(c -> c == ' ' || c == '\u00a0');
    }

    private static List<Word> words(String text) {
        List<Word> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(new Word(m.group(), m.start(), m.end(), startsSentence(text, m.start())));
        }
        return words;
    }

    /** At the start of the text, or after a full stop, question or exclamation mark, colon, new line, or a bullet. */
    private static boolean startsSentence(String text, int at) {
        int i = at - 1;
        while (i >= 0 && (text.charAt(i) == ' ' || text.charAt(i) == '\t' || text.charAt(i) == '\u00a0'
                || "\"'\u2018\u2019\u201c\u201d\u201e(".indexOf(text.charAt(i)) >= 0)) {
            i--;
        }
        return i < 0 || ".!?:;\n\r-\u2013\u2022*".indexOf(text.charAt(i)) >= 0;
    }

    /** A Dutch number has ten digits, written with 0 in front or +31 / 0031 instead of it. */
    private static boolean tenDigits(String number) {
        String digits = number.replace("(0)", "").replaceAll("[^0-9]", "");
        if (number.startsWith("+31")) {
            digits = "0" + digits.substring(2);
        } else if (number.startsWith("0031")) {
            digits = "0" + digits.substring(4);
        }
        return digits.length() == 10;
    }
}
