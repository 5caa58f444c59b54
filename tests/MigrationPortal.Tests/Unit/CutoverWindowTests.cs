using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Calendar;

namespace MigrationPortal.Tests.Unit;

/// <summary>The cutover window against working hours, Norwegian holidays (the real calendar, several years) and daylight saving.</summary>
public sealed class CutoverWindowTests
{
    private static readonly TimeZoneInfo Oslo = TimeZoneInfo.FindSystemTimeZoneById("Europe/Oslo");
    private static readonly DateTime Now = new(2026, 11, 16, 9, 0, 0, DateTimeKind.Utc);

    private static CutoverWindow.Outcome Check(string start, string end) =>
        CutoverWindow.Check(DateTime.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateTime.Parse(end, System.Globalization.CultureInfo.InvariantCulture),
            Oslo, WorkingHours.Default, WorkCalendar.IsHoliday, Now);

    [Theory]
    [InlineData("2027-01-23 08:00", "2027-01-23 20:00")] // a Saturday, all day
    [InlineData("2027-01-20 16:00", "2027-01-20 23:30")] // a Wednesday evening, from the end of the working day
    [InlineData("2027-01-22 17:00", "2027-01-25 07:59")] // Friday evening to Monday morning
    [InlineData("2028-03-25 22:00", "2028-03-26 06:00")] // across the night summer time begins (7 real hours)
    [InlineData("2028-10-28 20:00", "2028-10-29 05:00")] // across the night summer time ends
    public void A_window_outside_working_hours_on_ordinary_days_is_accepted(string start, string end) =>
        Assert.Equal(CutoverProblem.None, Check(start, end).Problem);

    [Fact]
    public void Times_are_converted_from_Oslo_time_whatever_the_season()
    {
        var winter = Check("2027-01-23 10:00", "2027-01-23 12:00");
        var summer = Check("2027-06-26 10:00", "2027-06-26 12:00");
        var springNight = Check("2028-03-25 22:00", "2028-03-26 06:00");

        Assert.Equal(new DateTime(2027, 1, 23, 9, 0, 0, DateTimeKind.Utc), winter.StartUtc);
        Assert.Equal(new DateTime(2027, 6, 26, 8, 0, 0, DateTimeKind.Utc), summer.StartUtc);
        Assert.Equal(TimeSpan.FromHours(7), springNight.EndUtc - springNight.StartUtc);
    }

    [Theory]
    [InlineData("2027-01-20 15:00", "2027-01-20 22:00", "2027-01-20")] // starts before four on a Wednesday
    [InlineData("2027-01-22 20:00", "2027-01-25 09:00", "2027-01-25")] // runs into Monday morning
    [InlineData("2027-01-20 06:00", "2027-01-20 08:30", "2027-01-20")]
    public void A_window_that_touches_working_hours_is_refused_naming_the_day(string start, string end, string day)
    {
        var outcome = Check(start, end);

        Assert.Equal(CutoverProblem.InWorkingHours, outcome.Problem);
        Assert.Equal(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), outcome.Day);
    }

    [Theory]
    [InlineData("2027-03-25 18:00", "2027-03-25 23:00")] // Maundy Thursday 2027
    [InlineData("2027-03-28 10:00", "2027-03-28 14:00")] // Easter Sunday 2027
    [InlineData("2027-03-29 18:00", "2027-03-29 23:00")] // Easter Monday 2027
    [InlineData("2028-04-14 18:00", "2028-04-14 23:00")] // Good Friday 2028
    [InlineData("2027-05-06 18:00", "2027-05-06 23:00")] // Ascension Day 2027
    [InlineData("2027-05-17 18:00", "2027-05-17 23:00")] // Constitution Day (and Whit Monday) 2027
    [InlineData("2028-06-05 18:00", "2028-06-05 23:00")] // Whit Monday 2028
    [InlineData("2027-05-01 10:00", "2027-05-01 14:00")] // Labour Day on a Saturday still counts
    [InlineData("2027-12-24 20:00", "2027-12-26 04:00")] // runs into Christmas Day
    [InlineData("2028-01-01 01:00", "2028-01-01 05:00")] // New Year's Day
    public void A_window_on_a_public_holiday_is_refused(string start, string end) =>
        Assert.Equal(CutoverProblem.OnPublicHoliday, Check(start, end).Problem);

    [Fact]
    public void A_time_the_clock_skips_in_spring_or_passes_twice_in_autumn_is_refused()
    {
        Assert.Equal(CutoverProblem.StartDoesNotExist, Check("2028-03-26 02:30", "2028-03-26 06:00").Problem);
        Assert.Equal(CutoverProblem.EndDoesNotExist, Check("2028-03-25 22:00", "2028-03-26 02:15").Problem);
        Assert.Equal(CutoverProblem.StartAmbiguous, Check("2027-10-31 02:30", "2027-10-31 06:00").Problem);
        Assert.Equal(CutoverProblem.EndAmbiguous, Check("2027-10-30 22:00", "2027-10-31 02:45").Problem);
    }

    [Fact]
    public void The_window_must_lie_ahead_end_after_start_and_not_run_for_days()
    {
        Assert.Equal(CutoverProblem.InThePast, Check("2026-11-14 10:00", "2026-11-14 12:00").Problem);
        Assert.Equal(CutoverProblem.EndNotAfterStart, Check("2027-01-23 12:00", "2027-01-23 10:00").Problem);
        Assert.Equal(CutoverProblem.TooLong, Check("2027-01-22 17:00", "2027-01-26 05:00").Problem);
        Assert.Equal(CutoverProblem.TooFarAhead, Check("2029-01-20 18:00", "2029-01-20 20:00").Problem);
        Assert.Equal(CutoverProblem.StartMissing, CutoverWindow.Check(null, null, Oslo, WorkingHours.Default, _ => false, Now).Problem);
    }

    [Fact]
    public void Working_hours_are_configurable()
    {
        var late = new WorkingHours(new TimeOnly(7, 0), new TimeOnly(18, 0));

        var outcome = CutoverWindow.Check(new DateTime(2027, 1, 20, 17, 0, 0), new DateTime(2027, 1, 20, 22, 0, 0), Oslo, late, _ => false, Now);

        Assert.Equal(CutoverProblem.InWorkingHours, outcome.Problem);
    }
}
