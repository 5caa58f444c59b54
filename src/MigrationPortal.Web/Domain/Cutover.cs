namespace MigrationPortal.Web.Domain;

/// <summary>Why a cutover window is refused; <see cref="None"/> when it is fine.</summary>
public enum CutoverProblem
{
    None = 0,
    StartMissing,
    EndNotAfterStart,
    TooLong,
    InThePast,
    TooFarAhead,

    /// <summary>The clock skips this local time when summer time begins (02:00–03:00 on the last Sunday of March).</summary>
    StartDoesNotExist,
    EndDoesNotExist,

    /// <summary>The local time happens twice when summer time ends (02:00–03:00 on the last Sunday of October).</summary>
    StartAmbiguous,
    EndAmbiguous,
    InWorkingHours,
    OnPublicHoliday,
}

/// <summary>Working hours the cutover must stay out of (weekdays, local time). Configurable as <c>Cutover:WorkStart</c>/<c>WorkEnd</c>.</summary>
public sealed record WorkingHours(TimeOnly Start, TimeOnly End)
{
    public static WorkingHours Default { get; } = new(new TimeOnly(8, 0), new TimeOnly(16, 0));
}

/// <summary>
/// The cutover window's rules, with no I/O: a start and an end in local (Europe/Oslo) time that exist and are not
/// ambiguous, end after start, at most <see cref="MaxHours"/> long, ahead of now and at most two years ahead, not touching
/// working hours on a working day, and not on a public holiday.
/// </summary>
public static class CutoverWindow
{
    public const int MaxHours = 72;

    /// <summary>The window checked, and when fine, its start and end in UTC.</summary>
    public sealed record Outcome(CutoverProblem Problem, DateTime StartUtc, DateTime EndUtc, DateOnly? Day = null);

    public static Outcome Check(DateTime? startLocal, DateTime? endLocal, TimeZoneInfo zone, WorkingHours hours, Func<DateOnly, bool> isHoliday, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentNullException.ThrowIfNull(isHoliday);
        if (startLocal is not { } start || endLocal is not { } end)
        {
            return new(CutoverProblem.StartMissing, default, default);
        }

        start = DateTime.SpecifyKind(start, DateTimeKind.Unspecified);
        end = DateTime.SpecifyKind(end, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(start))
        {
            return new(CutoverProblem.StartDoesNotExist, default, default);
        }

        if (zone.IsInvalidTime(end))
        {
            return new(CutoverProblem.EndDoesNotExist, default, default);
        }

        if (zone.IsAmbiguousTime(start))
        {
            return new(CutoverProblem.StartAmbiguous, default, default);
        }

        if (zone.IsAmbiguousTime(end))
        {
            return new(CutoverProblem.EndAmbiguous, default, default);
        }

        var startUtc = TimeZoneInfo.ConvertTimeToUtc(start, zone);
        var endUtc = TimeZoneInfo.ConvertTimeToUtc(end, zone);
        if (endUtc <= startUtc)
        {
            return new(CutoverProblem.EndNotAfterStart, startUtc, endUtc);
        }

        // Real elapsed time, so a night across a clock change is measured as lived (one hour shorter or longer).
        if (endUtc - startUtc > TimeSpan.FromHours(MaxHours))
        {
            return new(CutoverProblem.TooLong, startUtc, endUtc);
        }

        if (startUtc <= nowUtc)
        {
            return new(CutoverProblem.InThePast, startUtc, endUtc);
        }

        if (startUtc > nowUtc.AddYears(2))
        {
            return new(CutoverProblem.TooFarAhead, startUtc, endUtc);
        }

        // Every local day the window touches: none may be a holiday, and on a working day the window may not meet working hours.
        for (var day = DateOnly.FromDateTime(start); day <= DateOnly.FromDateTime(end); day = day.AddDays(1))
        {
            var dayStart = day.ToDateTime(TimeOnly.MinValue);
            var touchesDay = start < dayStart.AddDays(1) && end > dayStart;
            if (!touchesDay)
            {
                continue;
            }

            if (isHoliday(day))
            {
                return new(CutoverProblem.OnPublicHoliday, startUtc, endUtc, day);
            }

            if (day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            var workStart = day.ToDateTime(hours.Start);
            var workEnd = day.ToDateTime(hours.End);
            if (start < workEnd && end > workStart)
            {
                return new(CutoverProblem.InWorkingHours, startUtc, endUtc, day);
            }
        }

        return new(CutoverProblem.None, startUtc, endUtc);
    }
}
