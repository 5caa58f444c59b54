using Microsoft.Extensions.Options;
using MigrationPortal.Web.Domain;
using PublicHoliday;

namespace MigrationPortal.Web.Infrastructure.Calendar;

/// <summary>Working hours for the cutover rule (weekdays, Europe/Oslo); section <c>Cutover</c> in configuration.</summary>
public sealed class CutoverOptions
{
    public const string Section = "Cutover";

    public TimeOnly WorkStart { get; set; } = WorkingHours.Default.Start;
    public TimeOnly WorkEnd { get; set; } = WorkingHours.Default.End;
}

/// <summary>Norway's working calendar: its public holidays for any year (the PublicHoliday library) and the configured working hours.</summary>
public sealed class WorkCalendar(IOptions<CutoverOptions> options)
{
    private static readonly NorwayPublicHoliday Norway = new();

    public WorkingHours Hours { get; } = new(options.Value.WorkStart, options.Value.WorkEnd);

    public static bool IsHoliday(DateOnly day) => Norway.IsPublicHoliday(day.ToDateTime(TimeOnly.MinValue));
}
