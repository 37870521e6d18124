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

    @Test
    void seasonalTimetablesFollowTheMonths() {
        OpeningHours hours = OpeningHours.parse("Apr-Oct: Mo-Su 09:00-19:00; Nov-Mar: Mo-Su 09:00-17:00");

        assertThat(hours.windowsOn(LocalDate.of(2027, 10, 31), NO_HOLIDAYS)).containsExactly(window("09:00", "19:00"));
        assertThat(hours.windowsOn(LocalDate.of(2027, 11, 1), NO_HOLIDAYS)).containsExactly(window("09:00", "17:00"));
        assertThat(hours.windowsOn(LocalDate.of(2028, 1, 15), NO_HOLIDAYS)).containsExactly(window("09:00", "17:00"));
    }

    @Test
    void datesAndHolidaysCloseTheirDaysOnly() {
        OpeningHours hours = OpeningHours.parse("Mo-Fr 10:00-18:00; PH off; Dec 25 off");
        LocalDate christmas = LocalDate.of(2026, 12, 25);

        assertThat(hours.windowsOn(christmas, NO_HOLIDAYS)).isEmpty();
        assertThat(hours.windowsOn(christmas.minusDays(1), Set.of(christmas.minusDays(1))))
                .isEmpty();
        assertThat(hours.windowsOn(christmas.minusDays(2), NO_HOLIDAYS)).containsExactly(window("10:00", "18:00"));
    }

    @Test
    void nthWeekdaysCountFromEitherEndOfTheMonth() {
        OpeningHours hours = OpeningHours.parse("Sa[1],Su[-1] 10:00-14:00");

        assertThat(hours.windowsOn(LocalDate.of(2027, 5, 1), NO_HOLIDAYS)).hasSize(1); // first Saturday
        assertThat(hours.windowsOn(LocalDate.of(2027, 5, 8), NO_HOLIDAYS)).isEmpty();
        assertThat(hours.windowsOn(LocalDate.of(2027, 5, 30), NO_HOLIDAYS)).hasSize(1); // last Sunday
        assertThat(hours.windowsOn(LocalDate.of(2027, 5, 23), NO_HOLIDAYS)).isEmpty();
    }

    @Test
    void sunRelativeTimesUseTheDaysSunTimes() {
        OpeningHours hours = OpeningHours.parse("sunrise-(sunset+01:00)");
        HoursContext lisbonInMay =
                HoursContext.of(Set.of(), date -> new SunTimes(null, 6 * 60 + 31, 20 * 60 + 34, null));

        assertThat(hours.windowsOn(MONDAY, lisbonInMay)).containsExactly(window("06:31", "21:34"));
        assertThat(hours.windowsOn(MONDAY, NO_HOLIDAYS)).containsExactly(window("06:00", "19:00"));
    }

    @Test
    void openEndsAndCommentsAreUnknownNotOpen() {
        OpeningHours hours = OpeningHours.parse("Mo-Fr 10:00-18:00+; Sa \"by appointment\"");
        HoursContext none = HoursContext.of(NO_HOLIDAYS);

        assertThat(hours.windowsOn(MONDAY, none)).containsExactly(window("10:00", "18:00"));
        assertThat(hours.stateAt(MONDAY.atTime(19, 0), none)).isEqualTo(HoursState.UNKNOWN);
        assertThat(hours.stateAt(SATURDAY.atTime(11, 0), none)).isEqualTo(HoursState.UNKNOWN);
        assertThat(hours.windowsOn(SATURDAY, none)).isEmpty();
    }

    @Test
    void fallbackRuleAppliesOnlyWhereNothingElseDoes() {
        OpeningHours hours = OpeningHours.parse("Mo-Fr 08:00-12:00 || Sa 10:00-11:00");
        HoursContext none = HoursContext.of(NO_HOLIDAYS);

        assertThat(hours.windowsOn(MONDAY, none)).containsExactly(window("08:00", "12:00"));
        assertThat(hours.windowsOn(SATURDAY, none)).containsExactly(window("10:00", "11:00"));
    }

    @Test
    void closingAnAdditionalSpanClosesOnlyThatSpan() {
        OpeningHours hours = OpeningHours.parse("Mo-Fr 08:00-18:00, We 12:00-14:00 off");

        assertThat(hours.windowsOn(WEDNESDAY, NO_HOLIDAYS))
                .containsExactly(window("08:00", "12:00"), window("14:00", "18:00"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"SH off", "Mo-Fr 10:00-18:00/01:00", "Mo 10:00", "Dec 25 +Sa 10:00-12:00"})
    void refusesFeaturesItCannotHonour(String text) {
        assertThatThrownBy(() -> OpeningHours.parse(text))
                .isInstanceOf(InvalidOpeningHoursException.class)
                .hasMessageContaining("'" + text + "'")
                .hasMessageContaining("does not support");
    }

    private static TimeWindow window(String open, String close) {
        return new TimeWindow(LocalTime.parse(open), LocalTime.parse(close));
    }
}
