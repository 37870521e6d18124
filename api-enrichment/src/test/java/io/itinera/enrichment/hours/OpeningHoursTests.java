package io.itinera.enrichment.hours;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.itinera.events.enrichment.TimeWindow;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OpeningHoursTests {

    private static final LocalDate MONDAY = LocalDate.of(2027, 5, 10);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);
    private static final LocalDate WEDNESDAY = MONDAY.plusDays(2);
    private static final LocalDate FRIDAY = MONDAY.plusDays(4);
    private static final LocalDate SATURDAY = MONDAY.plusDays(5);
    private static final LocalDate SUNDAY = MONDAY.plusDays(6);
    private static final Set<LocalDate> NO_HOLIDAYS = Set.of();

    @Test
    void weekdayRangeOpensOnlyOnItsDays() {
        // given
        OpeningHours hours = OpeningHours.parse("Tu-Su 09:30-18:00");

        // when / then
        assertThat(hours.windowsOn(MONDAY, NO_HOLIDAYS)).isEmpty();
        assertThat(hours.windowsOn(TUESDAY, NO_HOLIDAYS)).containsExactly(window("09:30", "18:00"));
        assertThat(hours.windowsOn(SUNDAY, NO_HOLIDAYS)).containsExactly(window("09:30", "18:00"));
    }

    @Test
    void weekdayRangeMayWrapAroundTheWeek() {
        OpeningHours hours = OpeningHours.parse("Fr-Mo 10:00-12:00");

        assertThat(hours.windowsOn(SUNDAY, NO_HOLIDAYS)).containsExactly(window("10:00", "12:00"));
        assertThat(hours.windowsOn(MONDAY, NO_HOLIDAYS)).containsExactly(window("10:00", "12:00"));
        assertThat(hours.windowsOn(WEDNESDAY, NO_HOLIDAYS)).isEmpty();
    }

    @Test
    void weekdaysAndRangesCombine() {
        OpeningHours hours = OpeningHours.parse("Mo,We-Su 10:00-18:00");

        assertThat(hours.windowsOn(MONDAY, NO_HOLIDAYS)).containsExactly(window("10:00", "18:00"));
        assertThat(hours.windowsOn(TUESDAY, NO_HOLIDAYS)).isEmpty();
        assertThat(hours.windowsOn(WEDNESDAY, NO_HOLIDAYS)).containsExactly(window("10:00", "18:00"));
    }

    @Test
    void splitDayGivesTwoWindowsInOrder() {
        OpeningHours hours = OpeningHours.parse("Mo-Fr 14:00-18:00,10:00-13:00");

        assertThat(hours.windowsOn(WEDNESDAY, NO_HOLIDAYS))
                .containsExactly(window("10:00", "13:00"), window("14:00", "18:00"));
    }

    @Test
    void laterOffRuleClosesTheDay() {
        OpeningHours hours = OpeningHours.parse("Mo-Su 10:00-18:00; Mo off");

        assertThat(hours.windowsOn(MONDAY, NO_HOLIDAYS)).isEmpty();
        assertThat(hours.windowsOn(TUESDAY, NO_HOLIDAYS)).containsExactly(window("10:00", "18:00"));
    }

    @Test
    void laterRuleReplacesTheHoursOfItsDays() {
        OpeningHours hours = OpeningHours.parse("Mo-Su 09:00-13:00,14:00-17:00; Fr 09:00-21:00");

        assertThat(hours.windowsOn(FRIDAY, NO_HOLIDAYS)).containsExactly(window("09:00", "21:00"));
        assertThat(hours.windowsOn(SATURDAY, NO_HOLIDAYS)).hasSize(2);
    }

    @Test
    void additionalRuleAddsToTheDay() {
        OpeningHours hours = OpeningHours.parse("Mo-Fr 08:00-12:00, We 14:00-18:00");

        assertThat(hours.windowsOn(WEDNESDAY, NO_HOLIDAYS))
                .containsExactly(window("08:00", "12:00"), window("14:00", "18:00"));
        assertThat(hours.windowsOn(TUESDAY, NO_HOLIDAYS)).containsExactly(window("08:00", "12:00"));
    }

    @Test
    void twentyFourSevenIsOpenAllDayEveryDay() {
        OpeningHours hours = OpeningHours.parse("24/7");

        for (LocalDate date : List.of(MONDAY, WEDNESDAY, SUNDAY)) {
            assertThat(hours.windowsOn(date, Set.of(date))).containsExactly(window("00:00", "23:59"));
        }
    }

    @Test
    void closeAtMidnightBecomesOneMinuteBefore() {
        OpeningHours hours = OpeningHours.parse("Mo-Su 19:00-24:00");

        assertThat(hours.windowsOn(MONDAY, NO_HOLIDAYS)).containsExactly(window("19:00", "23:59"));
        assertThat(hours.windowsOn(TUESDAY, NO_HOLIDAYS)).containsExactly(window("19:00", "23:59"));
    }

    @Test
    void hoursPastMidnightRunIntoTheNextDay() {
        OpeningHours hours = OpeningHours.parse("Fr 20:00-02:00");

        assertThat(hours.windowsOn(FRIDAY, NO_HOLIDAYS)).containsExactly(window("20:00", "23:59"));
        assertThat(hours.windowsOn(SATURDAY, NO_HOLIDAYS)).containsExactly(window("00:00", "02:00"));
        assertThat(hours.windowsOn(SUNDAY, NO_HOLIDAYS)).isEmpty();
    }

    @Test
    void publicHolidayOffClosesOnlyTheGivenHolidays() {
        // given
        OpeningHours hours = OpeningHours.parse("Tu-Su 09:30-18:00; PH off");
        Set<LocalDate> holidays = Set.of(WEDNESDAY);

        // when / then
        assertThat(hours.windowsOn(WEDNESDAY, holidays)).isEmpty();
        assertThat(hours.windowsOn(TUESDAY, holidays)).containsExactly(window("09:30", "18:00"));
        assertThat(hours.windowsOn(WEDNESDAY, NO_HOLIDAYS)).containsExactly(window("09:30", "18:00"));
    }

    @Test
    void publicHolidayHoursReplaceTheWeekdayHours() {
        OpeningHours hours = OpeningHours.parse("Mo-Fr 09:00-18:00; PH 10:00-14:00");
        Set<LocalDate> holidays = Set.of(MONDAY, SUNDAY);

        assertThat(hours.windowsOn(MONDAY, holidays)).containsExactly(window("10:00", "14:00"));
        assertThat(hours.windowsOn(SUNDAY, holidays)).containsExactly(window("10:00", "14:00"));
        assertThat(hours.windowsOn(TUESDAY, holidays)).containsExactly(window("09:00", "18:00"));
    }

    @Test
    void publicHolidayListedWithWeekdaysSelectsEither() {
        OpeningHours hours = OpeningHours.parse("Mo-Su 10:00-18:00; Su,PH off");
        Set<LocalDate> holidays = Set.of(WEDNESDAY);

        assertThat(hours.windowsOn(SUNDAY, holidays)).isEmpty();
        assertThat(hours.windowsOn(WEDNESDAY, holidays)).isEmpty();
        assertThat(hours.windowsOn(TUESDAY, holidays)).containsExactly(window("10:00", "18:00"));
    }

    @Test
    void publicHolidayFollowedByWeekdaysSelectsBoth() {
        OpeningHours hours = OpeningHours.parse("Mo-Su 10:00-18:00; PH Mo off");
        Set<LocalDate> holidays = Set.of(MONDAY, WEDNESDAY);

        assertThat(hours.windowsOn(MONDAY, holidays)).isEmpty();
        assertThat(hours.windowsOn(WEDNESDAY, holidays)).containsExactly(window("10:00", "18:00"));
    }

    @Test
    void keepsTheSourceText() {
        assertThat(OpeningHours.parse("Tu-Su 09:30-18:00; PH off").text()).isEqualTo("Tu-Su 09:30-18:00; PH off");
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "Mo 25:00-26:00", "Mo-Fr 10:00-", "  "})
    void refusesTextItCannotParse(String text) {
        assertThatThrownBy(() -> OpeningHours.parse(text))
                .isInstanceOf(InvalidOpeningHoursException.class)
                .hasMessageContaining("opening hours");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Apr-Oct Mo 10:00-12:00",
                "week 01-10 Mo 10:00-12:00",
                "2027 Mo 10:00-12:00",
                "Mo 10:00+",
                "Mo sunrise-18:00",
                "Mo[1] 10:00-12:00",
                "SH off",
                "PH +1 day off",
                "Mo 10:00-12:00 || Tu 10:00-11:00",
                "Mo-Fr 09:00-17:00 \"by appointment\"",
                "Mo-Fr 09:00-17:00 unknown",
                "Mo-Fr 10:00-18:00/01:00",
                "Mo-Fr 08:00-18:00, We off"
            })
    void refusesFeaturesItDoesNotEvaluate(String text) {
        assertThatThrownBy(() -> OpeningHours.parse(text))
                .isInstanceOf(InvalidOpeningHoursException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("does not support");
    }

    private static TimeWindow window(String open, String close) {
        return new TimeWindow(LocalTime.parse(open), LocalTime.parse(close));
    }
}
