using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Localization;

namespace MigrationPortal.Web.Infrastructure.Results;

/// <summary>Turns <see cref="SensibleDates"/> into the field error every form shows for a date out of its range.</summary>
public static class DateRules
{
    /// <summary>
    /// Null when <paramref name="date"/> is empty or makes sense for <paramref name="kind"/>; else the message naming the
    /// field, the range and why (e.g. "Møtedato må være mellom 16.11.2024 og 16.11.2029: møter planlegges …").
    /// </summary>
    public static FieldError? Check(DateKind kind, string field, string labelKey, DateOnly? date, DateOnly today)
    {
        if (date is not { } d || SensibleDates.Contains(kind, d, today))
        {
            return null;
        }

        var (from, to) = SensibleDates.Range(kind, today);
        return new FieldError(field, "Validation.DateRange", new Label(labelKey), Display.Date(from), Display.Date(to), new Label("DateRange." + kind));
    }

    /// <summary>Adds the errors of every date given to <paramref name="errors"/>.</summary>
    public static void AddTo(ICollection<FieldError> errors, DateOnly today, params (DateKind Kind, string Field, string LabelKey, DateOnly? Date)[] dates)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var (kind, field, label, date) in dates)
        {
            if (Check(kind, field, label, date, today) is { } error)
            {
                errors.Add(error);
            }
        }
    }
}
