namespace MigrationPortal.Web.Domain;

public enum WheelMeetingKind
{
    Status = 1,
    CustomerCentre = 2,
}

/// <summary>One meeting the annual wheel plans: its unique key, what it is, and its day and time in Europe/Oslo.</summary>
public sealed record WheelSlot(string Key, WheelMeetingKind Kind, int Quarter, DateOnly Date, TimeOnly Start, TimeOnly End);

/// <summary>
/// The annual wheel (årshjul) of a customer in operation, as dates only (no I/O): one status meeting a year in the
/// customer's status month (default: the month after it entered operation), on the first working day from the 10th,
/// 10:00–12:00; and one customer-centre meeting a quarter in the quarter's middle month (February, May, August,
/// November), on the first working day from the 15th, 10:00–11:00. Only meetings from the later of today and the day
/// the customer entered operation, up to twelve months ahead, are planned. Keys name the project, the year and the
/// meeting (<c>wheel:{projectId}:{yyyy}:status</c>, <c>wheel:{projectId}:{yyyy}:q{n}</c>), so a meeting planned once
/// is never planned again, wherever it was moved to.
/// </summary>
public static class AnnualWheel
{
    public const int StatusDay = 10;
    public const int CustomerCentreDay = 15;
    public static readonly TimeOnly StatusStart = new(10, 0);
    public static readonly TimeOnly StatusEnd = new(12, 0);
    public static readonly TimeOnly CustomerCentreStart = new(10, 0);
    public static readonly TimeOnly CustomerCentreEnd = new(11, 0);

    /// <summary>How many months ahead the wheel keeps planned.</summary>
    public const int MonthsAhead = 12;

    public static string StatusKey(int projectId, int year) => $"wheel:{projectId}:{year}:status";

    public static string QuarterKey(int projectId, int year, int quarter) => $"wheel:{projectId}:{year}:q{quarter}";

    /// <summary>The status meeting's month: the one the cloud centre chose, else the month after the customer entered operation.</summary>
    public static int StatusMonth(int? chosen, DateOnly operationsStart) =>
        chosen is >= 1 and <= 12 ? chosen.Value : operationsStart.AddMonths(1).Month;

    /// <summary>The middle month of a quarter (1–4): February, May, August, November.</summary>
    public static int MidQuarterMonth(int quarter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quarter, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quarter, 4);
        return (quarter * 3) - 1;
    }

    /// <summary>The first day on or after <paramref name="day"/> that is neither a weekend nor a public holiday.</summary>
    public static DateOnly WorkingDayOnOrAfter(DateOnly day, Func<DateOnly, bool> isHoliday)
    {
        ArgumentNullException.ThrowIfNull(isHoliday);
        while (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday || isHoliday(day))
        {
            day = day.AddDays(1);
        }

        return day;
    }

    /// <summary>The first day after the planning window (today plus twelve months; from 29 February that is 28 February).</summary>
    public static DateOnly WindowEnd(DateOnly today) => today.AddMonths(MonthsAhead);

    /// <summary>Every wheel meeting from max(today, operationsStart) up to (not including) twelve months after today, in date order.</summary>
    public static IReadOnlyList<WheelSlot> Plan(int projectId, DateOnly today, DateOnly operationsStart, int? statusMonth, Func<DateOnly, bool> isHoliday)
    {
        var from = operationsStart > today ? operationsStart : today;
        var until = WindowEnd(today);
        var month = StatusMonth(statusMonth, operationsStart);
        var slots = new List<WheelSlot>();
        for (var year = from.Year; year <= until.Year; year++)
        {
            slots.Add(new WheelSlot(StatusKey(projectId, year), WheelMeetingKind.Status, ((month - 1) / 3) + 1,
                WorkingDayOnOrAfter(new DateOnly(year, month, StatusDay), isHoliday), StatusStart, StatusEnd));
            for (var q = 1; q <= 4; q++)
            {
                slots.Add(new WheelSlot(QuarterKey(projectId, year, q), WheelMeetingKind.CustomerCentre, q,
                    WorkingDayOnOrAfter(new DateOnly(year, MidQuarterMonth(q), CustomerCentreDay), isHoliday), CustomerCentreStart, CustomerCentreEnd));
            }
        }

        return slots.Where(s => s.Date >= from && s.Date < until).OrderBy(s => s.Date).ThenBy(s => s.Kind).ToList();
    }

    /// <summary>
    /// The twelve months of the drawn wheel starting at <paramref name="first"/>'s month, and the position (0–11) of a date on it;
    /// null when the date is outside those twelve months.
    /// </summary>
    public static int? MonthIndex(DateOnly first, DateOnly date)
    {
        var index = ((date.Year - first.Year) * 12) + date.Month - first.Month;
        return index is >= 0 and < 12 ? index : null;
    }
}
