using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Localization;
using MigrationPortal.Web.Infrastructure.Localization;

namespace MigrationPortal.Web.Features.Shared;

/// <summary>The rules for a day and a start and end time entered in Oslo time (meetings, events).</summary>
public static class OsloTimes
{
    /// <summary>The end must come after the start, and neither may fall in the hour skipped when summer time starts.</summary>
    public static IEnumerable<ValidationResult> Check(IStringLocalizer l, DateOnly? date, TimeOnly? start, TimeOnly? end, string startField, string endField)
    {
        ArgumentNullException.ThrowIfNull(l);
        if (start is { } s && end is { } e && e <= s)
        {
            yield return new ValidationResult(l["Validation.EndBeforeStart"], [endField]);
        }

        if (date is { } d && (start is { } st && Display.Oslo.IsInvalidTime(d.ToDateTime(st)) || end is { } en && Display.Oslo.IsInvalidTime(d.ToDateTime(en))))
        {
            yield return new ValidationResult(l["Validation.TimeDoesNotExist"], [startField]);
        }
    }
}
