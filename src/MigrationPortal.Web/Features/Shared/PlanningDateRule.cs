using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Shared;

/// <summary>The message for a plan date outside <see cref="PlanningDates"/>: it names the field and the range, and why.</summary>
public static class PlanningDateRule
{
    /// <summary>An error for <paramref name="field"/> when <paramref name="date"/> is set and outside the sensible range; otherwise none.</summary>
    public static FieldError? Check(DateOnly? date, string field, string labelKey, DateOnly today) =>
        date is { } d && !PlanningDates.IsSensible(d, today)
            ? new FieldError(field, "Validation.PlanDateRange", new Label(labelKey), Display.Date(PlanningDates.Earliest), Display.Date(PlanningDates.Latest(today)))
            : null;
}
