using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Unit;

public sealed class ProjectHealthTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static ProjectHealth Health(params (StepStatus, int?)[] steps) =>
        ProjectHealthRule.Compute(Phase.Setup, Today.AddDays(100), steps.Select(s => (s.Item1, s.Item2 is { } d ? Today.AddDays(d) : (DateOnly?)null)), Today);

    [Fact]
    public void No_overdue_or_blocked_step_is_on_track() =>
        Assert.Equal(ProjectHealth.OnTrack, Health((StepStatus.InProgress, 3), (StepStatus.NotStarted, null), (StepStatus.Done, -30)));

    [Fact]
    public void A_step_overdue_by_a_week_or_less_is_at_risk() =>
        Assert.Equal(ProjectHealth.AtRisk, Health((StepStatus.InProgress, -7), (StepStatus.NotStarted, 10)));

    [Fact]
    public void A_step_overdue_by_more_than_a_week_is_late() =>
        Assert.Equal(ProjectHealth.Late, Health((StepStatus.InProgress, -8)));

    [Fact]
    public void A_blocked_step_is_a_risk_even_when_not_due() =>
        Assert.Equal(ProjectHealth.AtRisk, Health((StepStatus.Blocked, 20)));

    [Theory]
    [InlineData(StepStatus.Done)]
    [InlineData(StepStatus.NotApplicable)]
    public void Closed_steps_never_count_as_overdue(StepStatus status) =>
        Assert.Equal(ProjectHealth.OnTrack, Health((status, -60)));

    [Fact]
    public void Go_live_date_passed_before_reaching_go_live_is_late() =>
        Assert.Equal(ProjectHealth.Late, ProjectHealthRule.Compute(Phase.Setup, Today.AddDays(-1), [], Today));
}
