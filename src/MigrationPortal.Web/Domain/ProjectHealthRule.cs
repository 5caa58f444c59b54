namespace MigrationPortal.Web.Domain;

/// <summary>
/// Health from the steps: late when a step is more than a week overdue (or go-live has passed before
/// the project reached go-live); at risk when a step is overdue or blocked; otherwise on track.
/// Open checklist items the customer owns count as steps: overdue, they make the project at risk, then late.
/// </summary>
public static class ProjectHealthRule
{
    public const int LateAfterDays = 7;

    public static ProjectHealth Compute(Phase phase, DateOnly? plannedGoLive, IEnumerable<(StepStatus Status, DateOnly? Due)> steps, DateOnly today,
        IEnumerable<(ResponsibleParty Owner, ChecklistStatus Status, DateOnly? Due)>? checklist = null)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var customerItems = (checklist ?? [])
            .Where(c => c.Owner == ResponsibleParty.Customer && c.Status == ChecklistStatus.Open)
            .Select(c => (Status: StepStatus.InProgress, c.Due));
        if (phase < Phase.GoLive && plannedGoLive is { } goLive && goLive < today)
        {
            return ProjectHealth.Late;
        }

        var health = ProjectHealth.OnTrack;
        foreach (var (status, due) in steps.Concat(customerItems))
        {
            var open = Step.IsOpenStatus(status);
            if (!open)
            {
                continue;
            }

            if (due is { } d && d < today)
            {
                if (today.DayNumber - d.DayNumber > LateAfterDays)
                {
                    return ProjectHealth.Late;
                }

                health = ProjectHealth.AtRisk;
            }
            else if (status == StepStatus.Blocked)
            {
                health = ProjectHealth.AtRisk;
            }
        }

        return health;
    }
}
