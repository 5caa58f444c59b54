using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Calendar;

namespace MigrationPortal.Tests.Unit;

public sealed class AnnualWheelTests
{
    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    private static IReadOnlyList<WheelSlot> Plan(DateOnly today, DateOnly start, int? month = null) =>
        AnnualWheel.Plan(7, today, start, month, WorkCalendar.IsHoliday);

    [Fact]
    public void A_customer_entering_operation_in_November_gets_its_meetings_from_then_on_and_skips_holidays()
    {
        var slots = Plan(D(2026, 11, 16), D(2026, 11, 20));

        Assert.Equal(
            [
                ("wheel:7:2026:status", D(2026, 12, 10)),
                ("wheel:7:2027:q1", D(2027, 2, 15)),
                ("wheel:7:2027:q2", D(2027, 5, 18)), // 15 May 2027 is a Saturday, the 17th Constitution Day and Whit Monday
                ("wheel:7:2027:q3", D(2027, 8, 16)),
                ("wheel:7:2027:q4", D(2027, 11, 15)),
            ],
            slots.Select(s => (s.Key, s.Date)).ToList());
        Assert.DoesNotContain(slots, s => s.Key == "wheel:7:2026:q4"); // 16 November 2026 is before it entered operation
        Assert.All(slots.Where(s => s.Kind == WheelMeetingKind.CustomerCentre), s => Assert.Equal((new TimeOnly(10, 0), new TimeOnly(11, 0)), (s.Start, s.End)));
    }

    [Fact]
    public void Across_the_year_end_the_keys_carry_the_meetings_year_and_nothing_beyond_twelve_months()
    {
        var slots = Plan(D(2026, 12, 20), D(2025, 1, 1), month: 1);

        Assert.Equal(
            ["wheel:7:2027:status", "wheel:7:2027:q1", "wheel:7:2027:q2", "wheel:7:2027:q3", "wheel:7:2027:q4"],
            slots.Select(s => s.Key).ToList());
        Assert.Equal(D(2027, 1, 11), slots[0].Date); // 10 January 2027 is a Sunday
        Assert.All(slots, s => Assert.InRange(s.Date, D(2026, 12, 20), D(2027, 12, 19)));
    }

    [Fact]
    public void From_a_leap_day_the_window_ends_on_28_February_and_the_next_years_meetings_are_in_it()
    {
        Assert.Equal(D(2029, 2, 28), AnnualWheel.WindowEnd(D(2028, 2, 29)));
        var slots = Plan(D(2028, 2, 29), D(2027, 1, 1), month: 2);

        Assert.Equal(
            [
                ("wheel:7:2028:q2", D(2028, 5, 15)),
                ("wheel:7:2028:q3", D(2028, 8, 15)),
                ("wheel:7:2028:q4", D(2028, 11, 15)),
                ("wheel:7:2029:status", D(2029, 2, 12)), // the 10th is a Saturday
                ("wheel:7:2029:q1", D(2029, 2, 15)),
            ],
            slots.Select(s => (s.Key, s.Date)).ToList());
    }

    [Fact]
    public void Entering_operation_on_a_leap_day_puts_the_status_meeting_in_March()
    {
        Assert.Equal(3, AnnualWheel.StatusMonth(null, D(2028, 2, 29)));
        Assert.Equal(1, AnnualWheel.StatusMonth(null, D(2026, 12, 31)));
        Assert.Equal(6, AnnualWheel.StatusMonth(6, D(2026, 12, 31)));
        var slots = Plan(D(2028, 2, 29), D(2028, 2, 29));
        Assert.Equal(("wheel:7:2028:status", D(2028, 3, 10)), (slots[0].Key, slots[0].Date));
    }

    [Fact]
    public void Planning_is_the_same_every_day_it_runs_so_keys_never_move()
    {
        var monday = Plan(D(2026, 11, 16), D(2026, 1, 5));
        var tuesday = Plan(D(2026, 11, 17), D(2026, 1, 5));

        // Tuesday no longer plans Monday's meeting (it is in the past); every other key has the same date.
        Assert.Equal(monday.Skip(1).Select(s => (s.Key, s.Date)), tuesday.Select(s => (s.Key, s.Date)));
        Assert.Equal((AnnualWheel.QuarterKey(7, 2026, 4), new DateOnly(2026, 11, 16)), (monday[0].Key, monday[0].Date));
        Assert.Equal(monday.Count, monday.Select(s => s.Key).Distinct().Count());
    }

    [Fact]
    public void Working_days_skip_weekends_and_Norwegian_public_holidays()
    {
        Assert.Equal(D(2026, 12, 28), AnnualWheel.WorkingDayOnOrAfter(D(2026, 12, 25), WorkCalendar.IsHoliday));
        Assert.Equal(D(2027, 3, 30), AnnualWheel.WorkingDayOnOrAfter(D(2027, 3, 25), WorkCalendar.IsHoliday)); // Maundy Thursday to Easter Monday
        Assert.Equal(D(2026, 11, 16), AnnualWheel.WorkingDayOnOrAfter(D(2026, 11, 16), WorkCalendar.IsHoliday));
    }

    [Fact]
    public void Month_index_places_dates_on_the_twelve_months_from_the_first()
    {
        Assert.Equal(0, AnnualWheel.MonthIndex(D(2026, 11, 1), D(2026, 11, 30)));
        Assert.Equal(2, AnnualWheel.MonthIndex(D(2026, 11, 1), D(2027, 1, 1)));
        Assert.Null(AnnualWheel.MonthIndex(D(2026, 11, 1), D(2027, 11, 1)));
        Assert.Null(AnnualWheel.MonthIndex(D(2026, 11, 1), D(2026, 10, 31)));
    }
}
