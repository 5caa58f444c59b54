namespace MigrationPortal.Web.Domain;

/// <summary>Why a project may not move to the next phase now; <see cref="None"/> when it may.</summary>
public enum GateProblem
{
    None = 0,

    /// <summary>Not the transition that leaves this phase (e.g. only acceptance leaves intake).</summary>
    WrongTransition,

    /// <summary>Required steps of the phase are still open and no override reason was given.</summary>
    RequiredStepsOpen,

    /// <summary>The project is already in operations.</summary>
    LastPhase,

    /// <summary>Handover needs go-live first: the first production day is recorded.</summary>
    NotLive,

    /// <summary>Handover is accepted only after the lead asked for it.</summary>
    HandoverNotRequested,
}

/// <summary>
/// The phase gates, every rule in one place: a project leaves a phase only through that phase's transition
/// (acceptance leaves intake, the test sign-off leaves setup, the handover leaves go-live), when the phase's required
/// steps are done, or when a lead overrides with a reason. Sales never move a phase (that is the operation's rule).
/// </summary>
public static class PhaseGate
{
    public static Phase? Next(Phase phase) => phase switch
    {
        Phase.Intake => Phase.Setup,
        Phase.Setup => Phase.GoLive,
        Phase.GoLive => Phase.Operations,
        _ => null,
    };

    /// <summary>The transition that leaves <paramref name="phase"/>.</summary>
    public static PhaseTransitionKind? TransitionOut(Phase phase) => phase switch
    {
        Phase.Intake => PhaseTransitionKind.Acceptance,
        Phase.Setup => PhaseTransitionKind.TestSignOff,
        Phase.GoLive => PhaseTransitionKind.Handover,
        _ => null,
    };

    /// <summary>Required steps of <paramref name="phase"/> that are still open, in plan order.</summary>
    public static IReadOnlyList<Step> OpenRequired(IEnumerable<Step> steps, Phase phase) =>
        steps.Where(s => s.Phase == phase && s.Required && s.IsOpen).OrderBy(s => s.SortOrder).ToList();

    /// <summary>
    /// May <paramref name="project"/> leave its phase by <paramref name="kind"/>? An override needs a reason and may
    /// move setup on (never intake, which only acceptance ends, nor go-live, which only an accepted handover ends).
    /// </summary>
    public static GateProblem Check(Project project, IReadOnlyCollection<Step> steps, PhaseTransitionKind kind, string? overrideReason)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(steps);
        if (Next(project.Phase) is null)
        {
            return GateProblem.LastPhase;
        }

        var ownTransition = TransitionOut(project.Phase);
        if (kind == PhaseTransitionKind.Override ? project.Phase != Phase.Setup : kind != ownTransition)
        {
            return GateProblem.WrongTransition;
        }

        if (kind == PhaseTransitionKind.Handover)
        {
            if (project.FirstProductionDay is null)
            {
                return GateProblem.NotLive;
            }

            if (project.HandoverRequestedUtc is null)
            {
                return GateProblem.HandoverNotRequested;
            }

            // The lead already answered for open steps when asking for the handover.
            return GateProblem.None;
        }

        // Acceptance is the customer's decision; the plan for the next phase is made by it.
        if (kind == PhaseTransitionKind.Acceptance)
        {
            return GateProblem.None;
        }

        return OpenRequired(steps, project.Phase).Count == 0 || !string.IsNullOrWhiteSpace(overrideReason)
            ? GateProblem.None
            : GateProblem.RequiredStepsOpen;
    }

    /// <summary>Moves the project on and returns the record of it (the caller adds it to the database).</summary>
    public static PhaseTransition Move(Project project, PhaseTransitionKind kind, string? overrideReason, DateTime nowUtc, string? userId, string userName)
    {
        ArgumentNullException.ThrowIfNull(project);
        var from = project.Phase;
        project.Phase = Next(from) ?? throw new InvalidOperationException("The project is in its last phase.");
        return new PhaseTransition
        {
            ProjectId = project.Id, From = from, To = project.Phase, Kind = kind, AtUtc = nowUtc, UserId = userId, UserName = userName,
            OverrideReason = string.IsNullOrWhiteSpace(overrideReason) ? null : overrideReason.Trim(),
        };
    }
}
