package nl.veiligwerken.command.incident;

import nl.veiligwerken.command.incident.PersonalDataCheck.Finding;
import nl.veiligwerken.command.incident.PersonalDataCheck.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataCheckTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Vandaag sloeg Jan Jansen mij in het gezicht.|Jan Jansen",
            "Het gesprek met mevrouw Jansen liep uit de hand.|mevrouw Jansen",
            "Toen kwam dhr. De Vries binnen.|dhr. De Vries",
            "Ik belde mw. van Dam terug.|mw. van Dam",
            "De cli\u00ebnt K. schopte tegen de deur.|cli\u00ebnt K.",
            "Cli\u00ebnt Piet schreeuwde.|Cli\u00ebnt Piet",
            "Samen met Els van der Berg naar huis.|Els van der Berg",
            "Daarna dreigde meneer Yilmaz-Bakker met een stok.|meneer Yilmaz-Bakker",
    })
    void findsANameAndSaysWhichWords(String text, String name) {
        assertThat(PersonalDataCheck.find(text)).contains(new Finding(Kind.NAME, name));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Hij belde daarna 06-12345678 wel tien keer.|06-12345678",
            "Nummer: 06 1234 5678|06 1234 5678",
            "Nummer: 06 12 34 56 78|06 12 34 56 78",
            "Bereikbaar op +31 6 12345678.|+31 6 12345678",
            "Bereikbaar op +31612345678.|+31612345678",
            "Het kantoor (020-1234567) belde.|020-1234567",
            "Via 020 123 45 67 gebeld.|020 123 45 67",
            "Via 0111-123456 gebeld.|0111-123456",
            "Het nummer 0612345678 stond op de brief.|0612345678",
            "Code 1234567890 genoemd.|1234567890",
    })
    void findsAPhoneNumber(String text, String number) {
        assertThat(PersonalDataCheck.find(text)).contains(new Finding(Kind.PHONE, number));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Hij mailde naar jan.jansen@example.nl om te dreigen.", "stuur naar a.b+c@zorg-noord.nl"})
    void findsAnEmailAddress(String text) {
        assertThat(PersonalDataCheck.find(text)).map(Finding::kind).contains(Kind.EMAIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Op de Groep werd ik uitgescholden.",
            "Het gebeurde op de Groep van Team Noord, niet in Woongroep Zuid.",
            "Het gebeurde Op de Groep tijdens het eten.",
            "Ik meldde het in Veilig Werken zoals afgesproken.",
            "Veilig Werken is het systeem.",
            "Cli\u00ebnt sloeg mij. Daarna liep hij weg.",
            "Afgelopen Maandag in Maart ging het mis.",
            "Op Woensdag 3 Januari om 10:30 gebeurde het.",
            "Ik belde de Politie en de Bedrijfsarts.",
            "Hij riep: Rot Op! En liep weg.",
            "Hij zei het tegen de cli\u00ebnt. Toen ging hij.",
            "Op 01-10-2026 10:30 was het onrustig, zie CL-4711.",
            "End-to-end test 0b6f3c1e-7c43-4c53-9a4e-1234567890ab: raised voice",
            "De client sloeg met een stoel; 3 collega's erbij, 2 uur later rustig.",
            "Schold mij uit aan de telefoon",
            "Teamleider en BOT gebeld, SEH bezocht.",
            "",
    })
    void leavesOrdinaryTextAlone(String text) {
        assertThat(PersonalDataCheck.find(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Jan Jansen sloeg mij.", "Toen. Piet Klaassen kwam."})
    void aSentenceStartIsNotCountedAsAName(String text) {
        // the known gap of the heuristic: a name that opens a sentence reads as any capitalised first word
        assertThat(PersonalDataCheck.find(text)).isEmpty();
    }
}
