namespace MigrationPortal.Web.Domain;

/// <summary>
/// How far a project has come in each of its four phases: steps done of steps planned. One computation for the
/// project page, the customer's home page and the timeline they both draw; callers pass only the steps the reader may see,
/// so a customer's progress never hints at internal steps.
/// </summary>
public sealed record PhaseProgress(Phase Phase, int Done, int Total, bool IsCurrent, bool IsPast)
{
    public int Percent => Total == 0 ? (IsPast ? 100 : 0) : (int)Math.Round(100.0 * Done / Total);

    /// <summary>Every phase in order, with the steps of each that are no longer open (done or not applicable).</summary>
    public static IReadOnlyList<PhaseProgress> Of(Phase current, IReadOnlyCollection<(Phase Phase, StepStatus Status)> steps) =>
        Enum.GetValues<Phase>().Select(ph => new PhaseProgress(
            ph,
            steps.Count(s => s.Phase == ph && !Step.IsOpenStatus(s.Status)),
            steps.Count(s => s.Phase == ph),
            ph == current,
            ph < current)).ToList();

    /// <summary>The share of all the project's steps that are no longer open, in whole per cent.</summary>
    public static int PercentDone(IReadOnlyList<PhaseProgress> phases)
    {
        ArgumentNullException.ThrowIfNull(phases);
        var total = phases.Sum(p => p.Total);
        return total == 0 ? 0 : (int)Math.Round(100.0 * phases.Sum(p => p.Done) / total);
    }
}
