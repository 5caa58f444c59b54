using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Integration;

[Trait(Suite.Name, Suite.Integration)]
public sealed class StepEditTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<Step> StepAsync(string templateKey, string projectPrefix = "Gudbrandsdalen") => factory.WithDbAsync(db =>
        db.Steps.AsNoTracking().SingleAsync(s => s.TemplateKey == templateKey && s.Project!.Name.StartsWith(projectPrefix)));

    private static Dictionary<string, string?> Fields(Step s, StepStatus status, DateOnly? due = null, int? version = null) => new()
    {
        ["Status"] = status.ToString(),
        ["PlannedStart"] = s.PlannedStart?.ToString("yyyy-MM-dd"),
        ["Due"] = (due ?? s.Due)?.ToString("yyyy-MM-dd"),
        ["AssigneeUserId"] = s.AssigneeUserId,
        ["Version"] = (version ?? s.Version).ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task Every_step_row_links_to_its_own_edit_form_and_the_assignee_is_named()
    {
        var step = await StepAsync("setup.training");
        var (steps, assignees) = await factory.WithDbAsync(async db => (
            await db.Steps.AsNoTracking().Where(s => s.ProjectId == step.ProjectId).Select(s => new { s.Id, s.AssigneeUserId }).ToListAsync(),
            await db.Users.AsNoTracking().Where(u => u.CustomerId == null).ToDictionaryAsync(u => u.Id, u => u.DisplayName)));
        using var lead = await factory.LoginAsync(Demo.Lead);

        var (_, page) = await lead.GetPageAsync($"/projects/{step.ProjectId}");

        Assert.True(steps.Count > 10);
        foreach (var s in steps)
        {
            var row = page.QuerySelector($"tr#step-{s.Id}");
            Assert.NotNull(row);
            Assert.Equal($"/projects/{step.ProjectId}/steps/{s.Id}/edit", row.QuerySelector("a")!.GetAttribute("href"));
            if (s.AssigneeUserId is { } who)
            {
                Assert.Contains(assignees[who], row.TextContent, StringComparison.Ordinal);
            }
        }

        Assert.Contains(steps, s => s.AssigneeUserId is not null);
        var edit = await lead.GetAsync(page.QuerySelector($"tr#step-{step.Id} a")!.GetAttribute("href")!);
        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
    }

    [Fact]
    public async Task Project_lead_saves_a_step_and_the_change_is_in_the_project_history()
    {
        var step = await StepAsync("setup.training");
        using var lead = await factory.LoginAsync(Demo.Lead);

        var response = await lead.PostFormAsync($"/projects/{step.ProjectId}/steps/{step.Id}/edit", Fields(step, StepStatus.Blocked, step.Due!.Value.AddDays(7)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await StepAsync("setup.training");
        Assert.Equal(StepStatus.Blocked, saved.Status);
        Assert.Equal(step.Due.Value.AddDays(7), saved.Due);
        Assert.Equal(step.Version + 1, saved.Version);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(Step) && a.EntityId == step.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToListAsync());
        Assert.Contains(audit, a => a is { Property: "Status", NewValue: "Blocked", UserName: Demo.Lead, ProjectId: not null } && a.OldValue == step.Status.ToString());
        Assert.Contains(audit, a => a.Property == "Due" && a.NewValue == step.Due.Value.AddDays(7).ToString("yyyy-MM-dd"));
        var (_, page) = await lead.GetPageAsync($"/projects/{step.ProjectId}/history");
        var history = page.QuerySelector("#history-heading")!.ParentElement!.TextContent;
        Assert.Contains("«Opplæring»", history, StringComparison.Ordinal);
        Assert.Contains("Blokkert", history, StringComparison.Ordinal);
        Assert.DoesNotContain("Blocked", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_people_saving_the_same_step_get_a_conflict_with_both_values_and_no_lost_update()
    {
        var step = await StepAsync("setup.test-clients");
        using var marte = await factory.LoginAsync(Demo.Lead);
        using var siri = await factory.LoginAsync(Demo.CloudCenter);

        // Both open the form on the same version; Marte saves first.
        var first = await marte.PostFormAsync($"/projects/{step.ProjectId}/steps/{step.Id}/edit", Fields(step, StepStatus.Done));
        var second = await siri.PostFormAsync($"/projects/{step.ProjectId}/steps/{step.Id}/edit", Fields(step, StepStatus.Blocked));

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var page = await PortalClient.ParseAsync(second);
        var conflict = page.QuerySelector("#conflict")!.TextContent;
        Assert.Contains(Demo.Lead, conflict, StringComparison.Ordinal);
        Assert.Contains("Ferdig", conflict, StringComparison.Ordinal);
        Assert.Contains("Blokkert", conflict, StringComparison.Ordinal);
        Assert.Equal(StepStatus.Done, (await StepAsync("setup.test-clients")).Status);

        // The form now carries the saved version, so saving again is a deliberate overwrite.
        var version = page.QuerySelector("input[name=Version]")!.GetAttribute("value");
        var again = await siri.PostFormAsync($"/projects/{step.ProjectId}/steps/{step.Id}/edit", Fields(step, StepStatus.Blocked, version: int.Parse(version!, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(StepStatus.Blocked, (await StepAsync("setup.test-clients")).Status);
    }

    [Fact]
    public async Task Due_before_start_is_refused_with_a_message_in_the_users_language_and_nothing_saved()
    {
        var step = await StepAsync("setup.kickoff", "Vestland");
        using var lead = await factory.LoginAsync(Demo.Lead);
        var bad = Fields(step, StepStatus.InProgress, step.PlannedStart!.Value.AddDays(-3));

        var norwegian = await lead.PostFormAsync($"/projects/{step.ProjectId}/steps/{step.Id}/edit", bad);
        await lead.PostFormAsync("/culture", new() { ["culture"] = "en", ["returnUrl"] = "/" });
        var english = await lead.PostFormAsync($"/projects/{step.ProjectId}/steps/{step.Id}/edit", bad);

        Assert.Equal(HttpStatusCode.OK, norwegian.StatusCode);
        Assert.Contains("Frist kan ikke være før planlagt start.", (await PortalClient.ParseAsync(norwegian)).Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("The due date cannot be before the planned start.", (await PortalClient.ParseAsync(english)).Body!.TextContent, StringComparison.Ordinal);
        var after = await StepAsync("setup.kickoff", "Vestland");
        Assert.Equal((step.Status, step.Due, step.Version), (after.Status, after.Due, after.Version));
    }

    [Theory]
    [InlineData("Status", "Banana")]
    [InlineData("Due", "not-a-date")]
    [InlineData("AssigneeUserId", "no-such-user")]
    public async Task Garbage_input_gets_a_message_never_a_500(string field, string value)
    {
        var step = await StepAsync("setup.project-plan", "Vestland");
        using var lead = await factory.LoginAsync(Demo.Lead);
        var fields = Fields(step, StepStatus.InProgress);
        fields[field] = value;

        var response = await lead.PostFormAsync($"/projects/{step.ProjectId}/steps/{step.Id}/edit", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.NotEmpty(page.QuerySelector($"#{field}-error")?.TextContent.Trim() ?? page.QuerySelector("[role=alert]")!.TextContent.Trim());
        Assert.Equal(step.Version, (await StepAsync("setup.project-plan", "Vestland")).Version);
    }

    [Fact]
    public async Task Completing_a_step_records_when_and_reopening_clears_it()
    {
        var step = await StepAsync("setup.access", "Vestland");
        using var lead = await factory.LoginAsync(Demo.Lead2);

        await lead.PostFormAsync($"/projects/{step.ProjectId}/steps/{step.Id}/edit", Fields(step, StepStatus.Done));
        var done = await StepAsync("setup.access", "Vestland");
        await lead.PostFormAsync($"/projects/{step.ProjectId}/steps/{step.Id}/edit", Fields(done, StepStatus.InProgress));
        var reopened = await StepAsync("setup.access", "Vestland");

        Assert.NotNull(done.CompletedUtc);
        Assert.Equal(DateTimeKind.Utc, done.CompletedUtc.Value.Kind);
        Assert.Equal(StepStatus.Done, done.Status);
        Assert.Null(reopened.CompletedUtc);
    }
}
