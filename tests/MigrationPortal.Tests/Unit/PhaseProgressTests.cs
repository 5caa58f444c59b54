using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Unit;

public sealed class PhaseProgressTests
{
    [Fact]
    public void Each_phase_counts_its_steps_that_are_no_longer_open_and_knows_where_the_project_is()
    {
        (Phase, StepStatus)[] steps =
        [
            (Phase.Intake, StepStatus.Done), (Phase.Intake, StepStatus.NotApplicable),
            (Phase.Setup, StepStatus.Done), (Phase.Setup, StepStatus.InProgress), (Phase.Setup, StepStatus.NotStarted), (Phase.Setup, StepStatus.Blocked),
        ];

        var phases = PhaseProgress.Of(Phase.Setup, steps);

        Assert.Equal(Enum.GetValues<Phase>(), phases.Select(p => p.Phase));
        Assert.Equal((2, 2, 100, false, true), Facts(phases[0]));
        Assert.Equal((1, 4, 25, true, false), Facts(phases[1]));
        Assert.Equal((0, 0, 0, false, false), Facts(phases[2]));
        Assert.Equal(50, PhaseProgress.PercentDone(phases));
    }

    [Fact]
    public void A_past_phase_without_steps_counts_as_complete_and_a_project_without_steps_as_not_started()
    {
        var phases = PhaseProgress.Of(Phase.GoLive, []);

        Assert.Equal(100, phases.Single(p => p.Phase == Phase.Setup).Percent);
        Assert.Equal(0, phases.Single(p => p.Phase == Phase.GoLive).Percent);
        Assert.Equal(0, PhaseProgress.PercentDone(phases));
    }

    private static (int Done, int Total, int Percent, bool IsCurrent, bool IsPast) Facts(PhaseProgress p) => (p.Done, p.Total, p.Percent, p.IsCurrent, p.IsPast);
}
