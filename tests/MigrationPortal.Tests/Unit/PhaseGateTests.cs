using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Unit;

/// <summary>Every phase gate rule: the phase's own transition, required steps, the lead's override, the handover.</summary>
public sealed class PhaseGateTests
{
    private static (Project Project, List<Step> Steps) Setup(bool requiredDone)
    {
        var project = new Project { Name = "P", Phase = Phase.Setup };
        var steps = new List<Step>
        {
            new() { Title = "Test hos kunden", Phase = Phase.Setup, Required = true, Status = requiredDone ? StepStatus.Done : StepStatus.InProgress },
            new() { Title = "Ekstra", Phase = Phase.Setup, Required = false, Status = StepStatus.NotStarted },
            new() { Title = "Overgang", Phase = Phase.GoLive, Required = true, Status = StepStatus.NotStarted },
        };
        return (project, steps);
    }

    [Fact]
    public void Setup_ends_by_the_test_sign_off_when_its_required_steps_are_done()
    {
        var (project, steps) = Setup(requiredDone: true);

        Assert.Equal(GateProblem.None, PhaseGate.Check(project, steps, PhaseTransitionKind.TestSignOff, null));
        Assert.Equal(GateProblem.WrongTransition, PhaseGate.Check(project, steps, PhaseTransitionKind.Handover, null));
        Assert.Equal(GateProblem.WrongTransition, PhaseGate.Check(project, steps, PhaseTransitionKind.Acceptance, null));
    }

    [Fact]
    public void Open_required_steps_hold_the_gate_unless_a_lead_gives_a_reason()
    {
        var (project, steps) = Setup(requiredDone: false);

        Assert.Equal(["Test hos kunden"], PhaseGate.OpenRequired(steps, Phase.Setup).Select(s => s.Title));
        Assert.Equal(GateProblem.RequiredStepsOpen, PhaseGate.Check(project, steps, PhaseTransitionKind.TestSignOff, null));
        Assert.Equal(GateProblem.RequiredStepsOpen, PhaseGate.Check(project, steps, PhaseTransitionKind.Override, "   "));
        Assert.Equal(GateProblem.None, PhaseGate.Check(project, steps, PhaseTransitionKind.Override, "Kunden har testet ferdig i eget miljø."));
    }

    [Fact]
    public void An_override_cannot_end_intake_or_go_live_and_operations_is_the_last_phase()
    {
        var steps = new List<Step>();

        Assert.Equal(GateProblem.WrongTransition, PhaseGate.Check(new Project { Name = "P", Phase = Phase.Intake }, steps, PhaseTransitionKind.Override, "grunn"));
        Assert.Equal(GateProblem.WrongTransition, PhaseGate.Check(new Project { Name = "P", Phase = Phase.GoLive }, steps, PhaseTransitionKind.Override, "grunn"));
        Assert.Equal(GateProblem.LastPhase, PhaseGate.Check(new Project { Name = "P", Phase = Phase.Operations }, steps, PhaseTransitionKind.Handover, null));
        Assert.Equal(GateProblem.None, PhaseGate.Check(new Project { Name = "P", Phase = Phase.Intake }, steps, PhaseTransitionKind.Acceptance, null));
    }

    [Fact]
    public void Handover_needs_go_live_and_the_leads_request()
    {
        var project = new Project { Name = "P", Phase = Phase.GoLive };

        Assert.Equal(GateProblem.NotLive, PhaseGate.Check(project, [], PhaseTransitionKind.Handover, null));
        project.FirstProductionDay = new DateOnly(2027, 1, 25);
        Assert.Equal(GateProblem.HandoverNotRequested, PhaseGate.Check(project, [], PhaseTransitionKind.Handover, null));
        project.HandoverRequestedUtc = new DateTime(2027, 2, 22, 9, 0, 0, DateTimeKind.Utc);
        Assert.Equal(GateProblem.None, PhaseGate.Check(project, [], PhaseTransitionKind.Handover, null));
    }

    [Fact]
    public void Moving_records_from_to_who_and_the_trimmed_reason()
    {
        var (project, _) = Setup(requiredDone: false);
        var at = new DateTime(2027, 1, 18, 8, 0, 0, DateTimeKind.Utc);

        var t = PhaseGate.Move(project, PhaseTransitionKind.Override, "  Testet i eget miljø. ", at, "u1", "Jonas Berg");

        Assert.Equal(Phase.GoLive, project.Phase);
        Assert.Equal((Phase.Setup, Phase.GoLive, "Testet i eget miljø.", "Jonas Berg", at), (t.From, t.To, t.OverrideReason, t.UserName, t.AtUtc));
    }
}
