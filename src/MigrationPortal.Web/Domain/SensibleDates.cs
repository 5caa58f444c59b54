namespace MigrationPortal.Web.Domain;

/// <summary>What a date a person enters stands for; each has its own sensible range around today.</summary>
public enum DateKind
{
    /// <summary>Project and step dates: a plan reaches at most five years back (history) or ahead.</summary>
    Plan,

    /// <summary>Meetings and training sessions: two years back (minutes written late) to three years ahead.</summary>
    Meeting,

    /// <summary>A tender's deadline: at most a month past (registered late) and two years ahead.</summary>
    TenderDeadline,

    /// <summary>Test periods and the production copy: a year back to three years ahead.</summary>
    Test,

    /// <summary>The first production day: a year back (recorded late) to two years ahead.</summary>
    Production,
}

/// <summary>
/// The one place that says which dates make sense for what they are: no meeting in year 1 or 9999, no tender deadline
/// years in the past. The range is inclusive and counted from today in Europe/Oslo.
/// </summary>
public static class SensibleDates
{
    public static (DateOnly From, DateOnly To) Range(DateKind kind, DateOnly today) => kind switch
    {
        DateKind.Plan => (today.AddYears(-5), today.AddYears(5)),
        DateKind.Meeting => (today.AddYears(-2), today.AddYears(3)),
        DateKind.TenderDeadline => (today.AddMonths(-1), today.AddYears(2)),
        DateKind.Test => (today.AddYears(-1), today.AddYears(3)),
        DateKind.Production => (today.AddYears(-1), today.AddYears(2)),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static bool Contains(DateKind kind, DateOnly date, DateOnly today)
    {
        var (from, to) = Range(kind, today);
        return date >= from && date <= to;
    }
}
