using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Unit;

/// <summary>The plan's rules without a database: building from templates, moving along dependencies, the critical path.</summary>
public sealed class ProjectPlanTests
{
    private static readonly DateOnly Start = new(2027, 2, 1);

    private static StepTemplate T(string key, int offset, int duration, string? after = null, string? requires = null, Phase phase = Phase.Setup, MilestoneKind? milestone = null) =>
        new() { ProductId = 1, Key = key, Phase = phase, Title = key, OffsetDays = offset, DurationDays = duration, SortOrder = offset, DependsOnKeys = after, RequiresInstalled = requires, Milestone = milestone };

    private static readonly StepTemplate[] Templates =
    [
        T(PlanKeys.ProjectPlan, 63, 5),
        T("kickoff", 70, 1, after: PlanKeys.ProjectPlan, milestone: MilestoneKind.Kickoff),
        T("access", 71, 14, after: "kickoff"),
        T("servers", 71, 14, after: "kickoff"),
        T("migration", 85, 21, after: "access,servers,missing-key"),
        T("upgrade", 106, 3, after: "migration", requires: "websak", phase: Phase.GoLive),
        T("websak-plus", 106, 7, after: "migration", requires: "fokus", phase: Phase.GoLive),
        T("cutover", 113, 1, after: "upgrade,websak-plus", phase: Phase.GoLive, milestone: MilestoneKind.GoLive),
    ];

    private static Project Build(params string[] installed)
    {
        var p = new Project { Name = "P" };
        p.Products.Add(new ProjectProduct { ProductId = 1 });
        ProjectPlan.AddFromTemplates(p, Templates, installed.ToHashSet(), Start);
        var id = 0;
        foreach (var s in p.Steps)
        {
            s.Id = ++id;
        }

        return p;
    }

    private static Step S(Project p, string key) => p.Steps.Single(s => s.TemplateKey == key);

    [Fact]
    public void A_plan_starts_on_the_start_it_is_given_and_links_the_dependencies_the_templates_name()
    {
        var p = Build("websak");

        Assert.Equal(Start, S(p, PlanKeys.ProjectPlan).PlannedStart);
        Assert.Equal([PlanKeys.ProjectPlan], S(p, "kickoff").DependsOn.Select(d => d.DependsOn!.TemplateKey));
        Assert.Equal(["access", "servers"], S(p, "migration").DependsOn.Select(d => d.DependsOn!.TemplateKey).Order());
        Assert.All(p.Steps, s => Assert.All(s.DependsOn, d => Assert.True(s.PlannedStart >= d.DependsOn!.Due, $"{s.TemplateKey} starts before {d.DependsOn!.TemplateKey} is due")));
        Assert.Equal(MilestoneKind.GoLive, S(p, "cutover").Milestone);
    }

    [Fact]
    public void Steps_that_need_an_installed_product_come_only_where_a_customer_runs_it()
    {
        var newCustomer = Build();
        var websakOnly = Build("websak");
        var fokus = Build("websak", "fokus");

        Assert.DoesNotContain(newCustomer.Steps, s => s.TemplateKey is "upgrade" or "websak-plus");
        Assert.Contains(websakOnly.Steps, s => s.TemplateKey == "upgrade");
        Assert.DoesNotContain(websakOnly.Steps, s => s.TemplateKey == "websak-plus");
        Assert.Contains(fokus.Steps, s => s.TemplateKey == "websak-plus");

        // The cutover waits for what exists, so the new customer's cutover follows the migration directly.
        Assert.Empty(S(newCustomer, "cutover").DependsOn);
        Assert.Equal(2, S(fokus, "cutover").DependsOn.Count);
    }

    [Fact]
    public void Mapped_activities_are_not_copied_and_the_others_get_a_step_after_the_plan_step()
    {
        var p = Build("websak");
        var count = p.Steps.Count;

        ProjectPlan.MapActivities(p,
        [
            new OfferActivity { Description = "Datamigrering WebSak", PlanKey = "migration", DurationWeeks = 3, SortOrder = 1 },
            new OfferActivity { Description = "Prosjektledelse", DurationWeeks = null, SortOrder = 2 },
            new OfferActivity { Description = "Konvertering av gamle arkiv", DurationWeeks = 2, SortOrder = 3 },
        ], Start);

        Assert.Equal(count + 1, p.Steps.Count);
        var own = p.Steps.Single(s => s.Title == "Konvertering av gamle arkiv");
        Assert.Equal(S(p, PlanKeys.ProjectPlan).Due, own.PlannedStart);
        Assert.Equal(14, own.Due!.Value.DayNumber - own.PlannedStart!.Value.DayNumber);
        Assert.False(own.Required);
        Assert.DoesNotContain(p.Steps, s => s.Title == "Datamigrering WebSak");
    }

    [Fact]
    public void Moving_a_step_later_pushes_what_waits_for_it_and_moving_it_back_pulls_the_steps_that_were_tied_to_it()
    {
        var p = Build("websak");
        var access = S(p, "access");
        var migration = S(p, "migration");
        var upgrade = S(p, "upgrade");
        var migrationStart = migration.PlannedStart;
        var before = p.Steps.ToDictionary(s => s.Id, s => (s.PlannedStart, s.Due));

        access.Due = access.Due!.Value.AddDays(10);
        var moved = ProjectPlan.Reschedule(p.Steps, before);

        Assert.Equal(migrationStart!.Value.AddDays(10), migration.PlannedStart);
        Assert.Equal(migration.Due, upgrade.PlannedStart);
        Assert.Contains(migration, moved);
        Assert.Contains(upgrade, moved);

        var after = p.Steps.ToDictionary(s => s.Id, s => (s.PlannedStart, s.Due));
        access.Due = access.Due!.Value.AddDays(-10);
        ProjectPlan.Reschedule(p.Steps, after);

        Assert.Equal(migrationStart, migration.PlannedStart);
    }

    [Fact]
    public void A_step_that_is_done_never_moves_and_a_gap_the_lead_left_is_kept_when_pulling_back()
    {
        var p = Build("websak");
        var access = S(p, "access");
        var migration = S(p, "migration");
        migration.PlannedStart = migration.PlannedStart!.Value.AddDays(5);
        migration.Due = migration.Due!.Value.AddDays(5);
        var before = p.Steps.ToDictionary(s => s.Id, s => (s.PlannedStart, s.Due));
        var gapStart = migration.PlannedStart;

        access.Due = access.Due!.Value.AddDays(-3);
        ProjectPlan.Reschedule(p.Steps, before);
        Assert.Equal(gapStart, migration.PlannedStart);

        migration.SetStatus(StepStatus.Done, DateTime.UnixEpoch);
        var before2 = p.Steps.ToDictionary(s => s.Id, s => (s.PlannedStart, s.Due));
        access.Due = access.Due!.Value.AddDays(30);
        ProjectPlan.Reschedule(p.Steps, before2);
        Assert.Equal(gapStart, migration.PlannedStart);
    }

    [Fact]
    public void A_pinned_step_keeps_its_agreed_dates_and_what_waits_for_it_follows()
    {
        var p = Build("websak");
        var cutover = S(p, "cutover");
        var before = p.Steps.ToDictionary(s => s.Id, s => (s.PlannedStart, s.Due));
        var agreed = S(p, "upgrade").PlannedStart!.Value.AddDays(-10);

        cutover.PlannedStart = agreed;
        cutover.Due = agreed;
        ProjectPlan.Reschedule(p.Steps, before, pinned: cutover);

        Assert.Equal(agreed, cutover.PlannedStart);
        ProjectPlan.Reschedule(p.Steps, before);
        Assert.NotEqual(agreed, cutover.PlannedStart);
    }

    [Fact]
    public void Shifting_the_start_moves_open_steps_after_intake_only()
    {
        var p = Build("websak");
        var plan = S(p, PlanKeys.ProjectPlan);
        plan.SetStatus(StepStatus.Done, DateTime.UnixEpoch);
        var planStart = plan.PlannedStart;
        var kickoffStart = S(p, "kickoff").PlannedStart;

        ProjectPlan.ShiftOpen(p.Steps, 14);

        Assert.Equal(planStart, plan.PlannedStart);
        Assert.Equal(kickoffStart!.Value.AddDays(14), S(p, "kickoff").PlannedStart);
    }

    [Fact]
    public void A_dependency_that_closes_a_loop_is_found()
    {
        var nodes = new List<ProjectPlan.Node>
        {
            new(1, Start, Start.AddDays(1), false, []),
            new(2, Start, Start.AddDays(1), false, [1]),
            new(3, Start, Start.AddDays(1), false, [2]),
        };

        Assert.True(ProjectPlan.WouldCycle(nodes, 1, 3));
        Assert.True(ProjectPlan.WouldCycle(nodes, 2, 2));
        Assert.False(ProjectPlan.WouldCycle(nodes, 3, 1));
    }

    [Fact]
    public void The_critical_path_is_the_chain_without_slack_and_a_parallel_step_with_slack_is_not_on_it()
    {
        var d = Start;
        var nodes = new List<ProjectPlan.Node>
        {
            new(1, d, d.AddDays(5), false, []),                  // plan
            new(2, d.AddDays(5), d.AddDays(25), false, [1]),     // long migration: critical
            new(3, d.AddDays(5), d.AddDays(10), false, [1]),     // short parallel step: 15 days of slack
            new(4, d.AddDays(25), d.AddDays(26), false, [2, 3]), // cutover
            new(5, d.AddDays(1), d.AddDays(2), true, []),        // done: never critical
        };

        var critical = ProjectPlan.CriticalPath(nodes);

        Assert.Equal([1, 2, 4], critical.Order());
    }

    [Theory]
    [InlineData(MilestoneKind.Kickoff, 1)]
    [InlineData(MilestoneKind.GoLive, 1)]
    [InlineData(MilestoneKind.TestSignOff, 3)]
    [InlineData(MilestoneKind.Handover, 3)]
    public void A_milestone_falls_on_the_start_of_an_event_and_the_end_of_a_period(MilestoneKind kind, int day) =>
        Assert.Equal(new DateOnly(2027, 1, day), ProjectPlan.MilestoneDate(kind, new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 3)));
}
