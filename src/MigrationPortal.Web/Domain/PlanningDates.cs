namespace MigrationPortal.Web.Domain;

/// <summary>
/// The range a date on a project plan (test period, training session) may take: from 2000 to five years ahead.
/// Outside it the date is almost certainly mistyped (year 1, 9999, 20266), and times that far out cannot be converted safely.
/// </summary>
public static class PlanningDates
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);

    public const int YearsAhead = 5;

    public static DateOnly Latest(DateOnly today) => today.AddYears(YearsAhead);

    public static bool IsSensible(DateOnly date, DateOnly today) => date >= Earliest && date <= Latest(today);
}
