using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Plan;

/// <summary>The plan over HTTP: built once at acceptance, moved by its dependencies, read by both sides, gated between phases.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class PlanFlowTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Acceptance_builds_the_plan_once_maps_the_offer_onto_it_plans_the_kickoff_and_hands_the_customer_to_a_project_lead()
    {
        var project = await Journeys.AcceptedTromsoProjectAsync(factory);

        var steps = await factory.WithDbAsync(db => db.Steps.AsNoTracking().Include(s => s.DependsOn).ThenInclude(d => d.DependsOn)
            .Where(s => s.ProjectId == project && s.Phase != Phase.Intake).ToListAsync());
        var titles = steps.Select(s => s.Title).ToList();
        Assert.Equal(titles.Count, titles.Distinct().Count());
        Assert.Contains("Testdatabase", titles);
        Assert.DoesNotContain("Testmiljø og testklienter", titles);
        Assert.DoesNotContain("Datamigrering WebSak", titles);
        Assert.DoesNotContain(steps, s => s.Phase == Phase.Setup && s.Title == "Driftssetting");

        // Tromsø runs WebSak with the FOKUS client: the upgrade and the move to WebSak+ are in go-live, after the test sign-off.
        Assert.Contains(steps, s => s.TemplateKey == PlanKeys.Upgrade && s.Phase == Phase.GoLive);
        Assert.Contains(steps, s => s.TemplateKey == PlanKeys.WebSakPlus && s.DependsOn.Any(d => d.DependsOn!.TemplateKey == PlanKeys.TestSignOff));
        Assert.All(steps, s => Assert.All(s.DependsOn, d => Assert.True(s.PlannedStart >= d.DependsOn!.Due, $"{s.Title} starts before {d.DependsOn!.Title} ends")));
        Assert.Equal(7, steps.Count(s => s.Milestone is not null));

        var state = await factory.WithDbAsync(async db => new
        {
            Project = await db.Projects.AsNoTracking().Include(p => p.Meetings).ThenInclude(m => m.Participants).SingleAsync(p => p.Id == project),
            LeadIsProjectLead = await db.Projects.Where(p => p.Id == project)
                .AnyAsync(p => db.UserRoles.Any(ur => ur.UserId == p.LeadUserId && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == Roles.ProjectLead))),
            Transition = await db.PhaseTransitions.AsNoTracking().SingleAsync(t => t.ProjectId == project),
        });
        var kickoff = Assert.Single(state.Project.Meetings, m => m.Kind == MeetingKind.Kickoff);
        Assert.Contains("Tilgang fra kundens IT", kickoff.Agenda, StringComparison.Ordinal);
        Assert.Contains(kickoff.Participants, p => p.UserId == state.Project.LeadUserId);
        Assert.Contains(kickoff.Participants, p => p.Name == "Ellen Aslaksen");
        Assert.True(state.LeadIsProjectLead);

        // The kickoff's invitations went out with the acceptance: each participant once, as a calendar request.
        var invitations = await factory.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Key.StartsWith($"meeting:{kickoff.Id}:")).ToListAsync());
        var lead = await factory.WithDbAsync(db => db.Users.Where(u => u.Id == state.Project.LeadUserId).Select(u => u.Email!).SingleAsync());
        Assert.Equal(new[] { Demo.TromsoSigner, Demo.TromsoContact, lead }.Order(StringComparer.Ordinal), invitations.Select(m => m.ToAddress).Order(StringComparer.Ordinal));
        Assert.All(invitations, m => Assert.Equal(("REQUEST", NotificationKind.Meeting), (m.IcsMethod, m.Kind)));
        Assert.Equal((Phase.Intake, Phase.Setup, PhaseTransitionKind.Acceptance, "Ellen Aslaksen"), (state.Transition.From, state.Transition.To, state.Transition.Kind, state.Transition.UserName));
        Assert.Equal(steps.Single(s => s.Milestone == MilestoneKind.GoLive).PlannedStart, state.Project.PlannedGoLive);
        var checklist = await factory.WithDbAsync(db => db.ChecklistItems.AsNoTracking().Where(i => i.ProjectId == project).ToListAsync());
        Assert.True(checklist.Count >= 5);
        Assert.Contains(checklist, i => i.Owner == ResponsibleParty.Customer && i.Category == ChecklistCategory.Access && i.Due > factory.Today);
    }

    [Fact]
    public async Task The_customer_sees_the_plan_waiting_for_start_with_milestones_and_without_internal_steps()
    {
        var project = await Journeys.AcceptedTromsoProjectAsync(factory);
        using var per = await factory.LoginAsync(Demo.TromsoContact);
        using var kari = await factory.LoginAsync(Demo.SorFronContact);

        var (status, page) = await per.GetPageAsync($"/projects/{project}/plan");
        var foreign = await kari.GetAsync($"/projects/{project}/plan");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Contains("Venter på oppstart", page.QuerySelector("#waiting")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("i sky-køen", page.QuerySelector("#waiting")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(7, page.QuerySelectorAll("#milestones li").Length);
        Assert.Contains("Første produksjonsdag", page.QuerySelector("#milestones")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Etablering av servere", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("svg.gantt[role=img] title"));
        Assert.NotEmpty(page.QuerySelectorAll(".critical-badge"));
        Assert.Null(page.QuerySelector("form[action*='/plan/advance']"));
        var (_, overview) = await per.GetPageAsync($"/projects/{project}");
        Assert.Contains("Venter på oppstart", overview.QuerySelector("#waiting")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Moving_a_steps_end_moves_what_waits_for_it_and_a_dependency_loop_is_refused_with_nothing_saved()
    {
        var project = await Journeys.AcceptedTromsoProjectAsync(factory);
        var steps = await factory.WithDbAsync(db => db.Steps.AsNoTracking().Include(s => s.DependsOn).Where(s => s.ProjectId == project).ToListAsync());
        var migration = steps.Single(s => s.TemplateKey == "setup.migration-websak");
        var testDb = steps.Single(s => s.TemplateKey == "setup.test-database");
        var plan = steps.Single(s => s.TemplateKey == PlanKeys.ProjectPlan);
        using var lead = await factory.LoginAsync(Demo.Lead);

        var moved = await lead.PostFormAsync($"/projects/{project}/steps/{migration.Id}/edit", new()
        {
            ["Version"] = $"{migration.Version}", ["Status"] = "InProgress", ["PlannedStart"] = $"{migration.PlannedStart:yyyy-MM-dd}",
            ["Due"] = $"{migration.Due!.Value.AddDays(14):yyyy-MM-dd}", ["Required"] = "true",
            ["DependsOnStepIds"] = $"{migration.DependsOn[0].DependsOnStepId}",
        });
        var loop = await lead.PostFormAsync($"/projects/{project}/steps/{plan.Id}/edit", new()
        {
            ["Version"] = $"{plan.Version}", ["Status"] = "NotStarted", ["PlannedStart"] = $"{plan.PlannedStart:yyyy-MM-dd}", ["Due"] = $"{plan.Due:yyyy-MM-dd}",
            ["DependsOnStepIds"] = $"{testDb.Id}",
        });

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var after = await factory.WithDbAsync(db => db.Steps.AsNoTracking().Include(s => s.DependsOn).Where(s => s.ProjectId == project).ToListAsync());
        Assert.Equal(testDb.PlannedStart!.Value.AddDays(14), after.Single(s => s.Id == testDb.Id).PlannedStart);
        Assert.Single(after.Single(s => s.Id == migration.Id).DependsOn);
        Assert.True(after.Single(s => s.TemplateKey == PlanKeys.Testing).PlannedStart >= after.Single(s => s.Id == testDb.Id).Due);

        Assert.Equal(HttpStatusCode.OK, loop.StatusCode);
        var loopPage = await PortalClient.ParseAsync(loop);
        Assert.Contains("venter allerede", loopPage.QuerySelector("#DependsOnStepIds-error")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(await factory.WithDbAsync(db => db.StepDependencies.Where(d => d.StepId == plan.Id).ToListAsync()));
    }

    [Fact]
    public async Task A_step_date_out_of_its_sensible_range_is_refused_with_the_reason()
    {
        var project = await Journeys.AcceptedTromsoProjectAsync(factory);
        var step = await factory.WithDbAsync(db => db.Steps.AsNoTracking().FirstAsync(s => s.ProjectId == project && s.TemplateKey == PlanKeys.Kickoff));
        using var lead = await factory.LoginAsync(Demo.Lead);

        var response = await lead.PostFormAsync($"/projects/{project}/steps/{step.Id}/edit", new()
        {
            ["Version"] = $"{step.Version}", ["Status"] = "NotStarted", ["PlannedStart"] = "0001-01-01", ["Due"] = "9999-12-31",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains("fem år", page.QuerySelector("#PlannedStart-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("fem år", page.QuerySelector("#Due-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(step.PlannedStart, await factory.WithDbAsync(db => db.Steps.Where(s => s.Id == step.Id).Select(s => s.PlannedStart).SingleAsync()));
    }

    [Fact]
    public async Task Moving_the_project_start_moves_its_open_steps_and_leaves_done_ones()
    {
        var project = await Journeys.AcceptedTromsoProjectAsync(factory);
        var p = await factory.WithDbAsync(db => db.Projects.AsNoTracking().Include(x => x.Customers).Include(x => x.Products).SingleAsync(x => x.Id == project));
        var steps = await factory.WithDbAsync(db => db.Steps.AsNoTracking().Where(s => s.ProjectId == project).ToListAsync());
        using var lead = await factory.LoginAsync(Demo.Lead);

        var response = await lead.PostFormAsync($"/projects/{project}/edit", new()
        {
            ["Version"] = $"{p.Version}", ["Name"] = p.Name, ["Status"] = "Active", ["LeadUserId"] = p.LeadUserId,
            ["PlannedStart"] = $"{p.PlannedStart!.Value.AddDays(21):yyyy-MM-dd}", ["CustomerIds"] = $"{p.Customers[0].CustomerId}", ["ProductIds"] = $"{p.Products[0].ProductId}",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = await factory.WithDbAsync(db => db.Steps.AsNoTracking().Where(s => s.ProjectId == project).ToDictionaryAsync(s => s.Id));
        Assert.All(steps.Where(s => s.Phase != Phase.Intake), s => Assert.Equal(s.PlannedStart!.Value.AddDays(21), after[s.Id].PlannedStart));
        Assert.All(steps.Where(s => s.Phase == Phase.Intake), s => Assert.Equal(s.PlannedStart, after[s.Id].PlannedStart));
    }

    [Fact]
    public async Task Leaving_setup_early_needs_a_leads_reason_which_the_plan_shows_and_sales_and_customers_cannot_move_a_phase()
    {
        var project = await Journeys.AcceptedTromsoProjectAsync(factory);
        int Version() => factory.WithDbAsync(db => db.Projects.Where(p => p.Id == project).Select(p => p.Version).SingleAsync()).GetAwaiter().GetResult();
        using var sales = await factory.LoginAsync(Demo.Sales);
        using var ellen = await factory.LoginAsync(Demo.TromsoSigner);
        using var kari = await factory.LoginAsync(Demo.SorFronContact);
        using var lead = await factory.LoginAsync(Demo.Lead);

        var bySales = await sales.PostFormAsync($"/projects/{project}/plan/advance", new() { ["version"] = $"{Version()}", ["reason"] = "Vi vil videre" });
        var byCustomer = await ellen.PostFormAsync($"/projects/{project}/plan/advance", new() { ["version"] = $"{Version()}", ["reason"] = "Vi vil videre" });
        var byStranger = await kari.PostFormAsync($"/projects/{project}/plan/advance", new() { ["version"] = $"{Version()}", ["reason"] = "Vi vil videre" });
        var noReason = await lead.PostFormAsync($"/projects/{project}/plan/advance", new() { ["version"] = $"{Version()}" });
        var phaseAfterNoReason = await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == project).Select(p => p.Phase).SingleAsync());
        var withReason = await lead.PostFormAsync($"/projects/{project}/plan/advance", new() { ["version"] = $"{Version()}", ["reason"] = "Kunden har testet i eget miljø og godkjent på e-post." });

        Assert.Equal(HttpStatusCode.Forbidden, bySales.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byCustomer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byStranger.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, noReason.StatusCode);
        Assert.Equal(Phase.Setup, phaseAfterNoReason);
        Assert.Equal(HttpStatusCode.Redirect, withReason.StatusCode);
        var transition = await factory.WithDbAsync(db => db.PhaseTransitions.AsNoTracking().SingleAsync(t => t.ProjectId == project && t.Kind == PhaseTransitionKind.Override));
        Assert.Equal((Phase.Setup, Phase.GoLive, "Kunden har testet i eget miljø og godkjent på e-post."), (transition.From, transition.To, transition.OverrideReason));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.ProjectId == project && a.Property == "Phase" && a.NewValue == "GoLive")));
        var (_, plan) = await ellen.GetPageAsync($"/projects/{project}/plan");
        Assert.Contains("Kunden har testet i eget miljø", plan.QuerySelector("#transitions")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("overstyrt av prosjektleder", plan.QuerySelector("#transitions")!.TextContent, StringComparison.Ordinal);
    }
}
