package nl.veiligwerken.query.web;

import nl.veiligwerken.query.web.SmallCountSuppression.Reason;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

class SmallCountSuppressionTest {

    @Test
    void countsFromOneToFourAreHiddenAndZeroAndFiveOrMoreAreShown() {
        SmallCountSuppression<String> table = new SmallCountSuppression<>();
        for (int count = 0; count <= 6; count++) {
            table.cell("n" + count, count);
        }

        assertThat(table.suppress()).containsOnly(entry("n1", Reason.SMALL), entry("n2", Reason.SMALL),
                entry("n3", Reason.SMALL), entry("n4", Reason.SMALL));
    }

    /** The attack: 20 - 7 - 10 = 3. With the 7 hidden as well, 20 - 10 = 10 is all that can be said of the two. */
    @Test
    void aSingleHiddenCellInALineWithAShownTotalTakesTheNextSmallestWithIt() {
        Table row = new Table().cells("a", 3, "b", 7, "c", 10, "total", 20).line("total", "a", "b", "c");

        Map<String, Reason> hidden = row.suppress();

        assertThat(hidden).containsOnly(entry("a", Reason.SMALL), entry("b", Reason.COMPLEMENTARY));
        assertThat(row.attack(hidden).get("a")).as("what the 3 could be").containsExactlyInAnyOrder(1, 2, 3, 4);
        assertThat(row.withoutComplements(hidden).get("a")).as("without the complement: found").containsExactly(3);
    }

    @Test
    void twoOnesInALineAreGivenAwayByTheirSumSoAThirdCellIsHidden() {
        Table row = new Table().cells("a", 1, "b", 1, "c", 10, "d", 12, "total", 24).line("total", "a", "b", "c", "d");

        Map<String, Reason> hidden = row.suppress();

        assertThat(hidden).containsOnly(entry("a", Reason.SMALL), entry("b", Reason.SMALL), entry("c", Reason.COMPLEMENTARY));
        assertThatNoSmallCellCanBeWorkedOut(row, hidden);
    }

    @Test
    void twoSmallCellsWhoseSumLeavesRoomStayTheOnlyHiddenOnes() {
        Table row = new Table().cells("a", 2, "b", 3, "c", 10, "total", 15).line("total", "a", "b", "c");

        Map<String, Reason> hidden = row.suppress();

        assertThat(hidden).containsOnly(entry("a", Reason.SMALL), entry("b", Reason.SMALL));
        assertThatNoSmallCellCanBeWorkedOut(row, hidden);
    }

    /** 1 + 5 = 6: a small cell is at least 1 and a hidden other one at least 5, so only the total can hide them. */
    @Test
    void whenNoShownPartCanHideItTheTotalIsHidden() {
        Table row = new Table().cells("a", 1, "b", 5, "zero", 0, "total", 6).line("total", "a", "b", "zero");

        Map<String, Reason> hidden = row.suppress();

        assertThat(hidden).containsOnly(entry("a", Reason.SMALL), entry("b", Reason.COMPLEMENTARY),
                entry("total", Reason.COMPLEMENTARY));
        assertThat(hidden).as("a zero is never the complement: it would not hide anything").doesNotContainKey("zero");
    }

    @Test
    void aLineWithOnlyZerosBesideTheSmallCellHidesItsTotal() {
        Table row = new Table().cells("a", 3, "b", 0, "total", 3).line("total", "a", "b");

        assertThat(row.suppress()).containsOnly(entry("a", Reason.SMALL), entry("total", Reason.SMALL));
    }

    /**
     * Teams in rows, categories in columns, totals at the margins. Hiding the 10 for the row opens column y, whose
     * hidden 10 could otherwise be subtracted from its total; then row B. In the end no equation pins a cell.
     */
    @Test
    void hidingACellForItsRowIsCheckedAgainstItsColumnUntilEveryLineHolds() {
        Table table = new Table()
                .cells("A.x", 3, "A.y", 10, "A", 13)
                .cells("B.x", 8, "B.y", 9, "B", 17)
                .cells("x", 11, "y", 19, "all", 30)
                .line("A", "A.x", "A.y").line("B", "B.x", "B.y")
                .line("x", "A.x", "B.x").line("y", "A.y", "B.y").line("all", "x", "y").line("all", "A", "B");

        Map<String, Reason> hidden = table.suppress();

        assertThat(hidden).containsOnly(entry("A.x", Reason.SMALL), entry("A.y", Reason.COMPLEMENTARY),
                entry("B.x", Reason.COMPLEMENTARY), entry("B.y", Reason.COMPLEMENTARY));
        assertThat(table.attack(hidden).get("A.x")).as("all equations together").containsExactlyInAnyOrder(1, 2, 3, 4);
    }

    /** The organisation's figure is the sum of the teams'; with one small team, another team's figure goes too. */
    @Test
    void aSmallTeamInTheOrganisationTotalTakesTheNextSmallestTeamWithIt() {
        Table teams = new Table().cells("noord", 2, "zuid", 40, "west", 12, "organisation", 54)
                .line("organisation", "noord", "zuid", "west");

        Map<String, Reason> hidden = teams.suppress();

        assertThat(hidden).containsOnly(entry("noord", Reason.SMALL), entry("west", Reason.COMPLEMENTARY));
        assertThatNoSmallCellCanBeWorkedOut(teams, hidden);
    }

    @Test
    void withOneTeamTheOrganisationIsThatTeamAndHiddenWithIt() {
        Table teams = new Table().cells("noord", 7, "noord.minor", 3, "noord.serious", 4, "minor", 3, "serious", 4,
                        "organisation", 7)
                .line("noord", "noord.minor", "noord.serious")
                .line("minor", "noord.minor").line("serious", "noord.serious")
                .line("organisation", "noord");

        Map<String, Reason> hidden = teams.suppress();

        // 3 + 4 = 7: both small, and the sum 7 still leaves 3/4 or 4/3
        assertThat(hidden).containsOnly(entry("noord.minor", Reason.SMALL), entry("noord.serious", Reason.SMALL),
                entry("minor", Reason.SMALL), entry("serious", Reason.SMALL));
        assertThatNoSmallCellCanBeWorkedOut(teams, hidden);
    }

    @Test
    void aTableWithoutSmallCountsShowsEverything() {
        Table table = new Table().cells("a", 0, "b", 5, "c", 17, "total", 22).line("total", "a", "b", "c");

        assertThat(table.suppress()).isEmpty();
    }

    @Test
    void aCellWithTwoCountsOrPartsThatDoNotAddUpAreMistakesOfTheCaller() {
        assertThatThrownBy(() -> new SmallCountSuppression<String>().cell("a", 3).cell("a", 4))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmallCountSuppression<String>().cell("a", 3).cell("total", 4)
                .line(List.of("a"), "total"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmallCountSuppression<String>().cell("a", -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertThatNoSmallCellCanBeWorkedOut(Table table, Map<String, Reason> hidden) {
        Map<String, Set<Integer>> possible = table.attack(hidden);
        hidden.forEach((key, reason) -> assertThat(possible.get(key)).as("what %s could be", key).hasSizeGreaterThan(1));
    }

    /** The figures as both the rule and an attacker see them. */
    private static final class Table {

        private final Map<String, Integer> counts = new LinkedHashMap<>();
        private final List<List<String>> lines = new ArrayList<>();
        private final SmallCountSuppression<String> suppression = new SmallCountSuppression<>();

        Table cells(Object... keysAndCounts) {
            for (int i = 0; i < keysAndCounts.length; i += 2) {
                counts.put((String) keysAndCounts[i], (Integer) keysAndCounts[i + 1]);
                suppression.cell((String) keysAndCounts[i], (Integer) keysAndCounts[i + 1]);
            }
            return this;
        }

        Table line(String total, String... parts) {
            List<String> line = new ArrayList<>(List.of(parts));
            suppression.line(List.copyOf(line), total);
            line.add(0, total);
            lines.add(line);
            return this;
        }

        Map<String, Reason> suppress() {
            return suppression.suppress();
        }

        /**
         * Every value each hidden cell can take that fits all equations at once, knowing the rule: "&lt; 5" is 1
         * to 4, another hidden cell 5 or more. Tries them all, so only for a handful of hidden cells.
         */
        Map<String, Set<Integer>> attack(Map<String, Reason> hidden) {
            int max = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
            List<String> unknown = new ArrayList<>(hidden.keySet());
            Map<String, Set<Integer>> possible = new HashMap<>();
            unknown.forEach(key -> possible.put(key, new HashSet<>()));
            assign(unknown, 0, new HashMap<>(counts), hidden, max, possible);
            return possible;
        }

        /** As {@link #attack} when complementary cells are shown: the attack the rule is there to stop. */
        Map<String, Set<Integer>> withoutComplements(Map<String, Reason> hidden) {
            Map<String, Reason> small = new LinkedHashMap<>(hidden);
            small.values().removeIf(reason -> reason == Reason.COMPLEMENTARY);
            return attack(small);
        }

        private void assign(List<String> unknown, int index, Map<String, Integer> guess, Map<String, Reason> hidden,
                            int max, Map<String, Set<Integer>> possible) {
            if (index == unknown.size()) {
                boolean fits = lines.stream().allMatch(line -> guess.get(line.get(0))
                        == line.subList(1, line.size()).stream().mapToInt(guess::get).sum());
                if (fits) {
                    unknown.forEach(key -> possible.get(key).add(guess.get(key)));
                }
                return;
            }
            String key = unknown.get(index);
            int from = hidden.get(key) == Reason.SMALL ? 1 : SmallCountSuppression.MINIMUM_GROUP;
            int to = hidden.get(key) == Reason.SMALL ? SmallCountSuppression.MINIMUM_GROUP - 1 : max;
            for (int value = from; value <= to; value++) {
                guess.put(key, value);
                assign(unknown, index + 1, guess, hidden, max, possible);
            }
            guess.put(key, counts.get(key));
        }
    }
}
