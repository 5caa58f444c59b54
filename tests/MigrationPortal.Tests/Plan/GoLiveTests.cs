using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Plan;

/// <summary>Go-live over HTTP: the cutover window's rules, the first production day, close follow-up and the handover.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class GoLiveTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string Baerum = "thomas.gronli@baerum.kommune.example";

    private Task<Project> BaerumAsync() => factory.WithDbAsync(db => db.Projects.AsNoTracking().Include(p => p.Steps).SingleAsync(p => p.Name.StartsWith("Bærum")));

    private static Dictionary<string, string?> Window(int version, string startDate, string startTime, string endDate, string endTime) => new()
    {
        ["Version"] = $"{version}", ["StartDate"] = startDate, ["StartTime"] = startTime, ["EndDate"] = endDate, ["EndTime"] = endTime,
    };

    [Theory]
    [InlineData("2027-03-29", "18:00", "2027-03-29", "23:00", "StartTime", "helligdag")] // Easter Monday
    [InlineData("2027-05-17", "18:00", "2027-05-17", "23:00", "StartTime", "helligdag")] // Constitution Day
    [InlineData("2027-01-20", "15:00", "2027-01-20", "22:00", "StartTime", "arbeidstiden")]
    [InlineData("2028-03-26", "02:30", "2028-03-26", "06:00", "StartTime", "finnes ikke")]
    [InlineData("2027-10-31", "02:30", "2027-10-31", "06:00", "StartTime", "to ganger")]
    [InlineData("2027-01-23", "20:00", "2027-01-23", "08:00", "EndTime", "etter starten")]
    [InlineData("2026-11-14", "10:00", "2026-11-14", "12:00", "StartTime", "fram i tid")]
    public async Task A_cutover_window_that_breaks_a_rule_is_refused_with_the_reason_and_nothing_saved(string sd, string st, string ed, string et, string field, string message)
    {
        var project = await BaerumAsync();
        using var lead = await factory.LoginAsync(Demo.Lead2);

        var response = await lead.PostFormAsync($"/projects/{project.Id}/golive/cutover", Window(project.Version, sd, st, ed, et));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector($"#{field}-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(project.CutoverStartUtc, await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == project.Id).Select(p => p.CutoverStartUtc).SingleAsync()));
    }

    [Fact]
    public async Task A_window_on_a_saturday_is_stored_in_utc_pins_the_cutover_step_moves_what_follows_and_warns_of_what_ends_after_it()
    {
        var id = await Journeys.AcceptedTromsoProjectAsync(factory);
        using var lead = await factory.LoginAsync(Demo.Lead);
        using var sales = await factory.LoginAsync(Demo.Sales);
        using var per = await factory.LoginAsync(Demo.TromsoContact);
        int Version() => factory.WithDbAsync(db => db.Projects.Where(p => p.Id == id).Select(p => p.Version).SingleAsync()).GetAwaiter().GetResult();
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"/projects/{id}/plan/advance", new() { ["version"] = $"{Version()}", ["reason"] = "Testet tidligere i eget prosjekt." })).StatusCode);

        var bySales = await sales.PostFormAsync($"/projects/{id}/golive/cutover", Window(Version(), "2027-01-23", "08:00", "2027-01-23", "20:00"));
        var byCustomer = await per.PostFormAsync($"/projects/{id}/golive/cutover", Window(Version(), "2027-01-23", "08:00", "2027-01-23", "20:00"));
        var response = await lead.PostFormAsync($"/projects/{id}/golive/cutover", Window(Version(), "2027-01-23", "08:00", "2027-01-23", "20:00"));

        Assert.Equal(HttpStatusCode.Forbidden, bySales.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, byCustomer.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var saved = await factory.WithDbAsync(db => db.Projects.AsNoTracking().Include(p => p.Steps).SingleAsync(p => p.Id == id));
        Assert.Equal(new DateTime(2027, 1, 23, 7, 0, 0, DateTimeKind.Utc), saved.CutoverStartUtc);
        Assert.Equal(new DateTime(2027, 1, 23, 19, 0, 0, DateTimeKind.Utc), saved.CutoverEndUtc);
        var cutover = saved.Steps.Single(s => s.Milestone == MilestoneKind.GoLive);
        Assert.Equal((new DateOnly(2027, 1, 23), new DateOnly(2027, 1, 23)), (cutover.PlannedStart!.Value, cutover.Due!.Value));
        Assert.Equal(cutover.Due, saved.Steps.Single(s => s.Milestone == MilestoneKind.FollowUpEnd).PlannedStart);
        Assert.Equal(new DateOnly(2027, 1, 23), saved.PlannedGoLive);

        var (_, page) = await per.GetPageAsync($"/projects/{id}/golive");
        Assert.Contains("23. jan. 2027 kl. 08:00", page.QuerySelector("#cutover")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Godkjenning av test", page.QuerySelector("#after-cutover")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("form[action*='/golive/production']"));
    }

    [Fact]
    public async Task Go_live_starts_close_follow_up_and_the_cloud_centre_takes_over_only_after_the_lead_asks()
    {
        var project = await BaerumAsync();
        int Version() => factory.WithDbAsync(db => db.Projects.Where(p => p.Id == project.Id).Select(p => p.Version).SingleAsync()).GetAwaiter().GetResult();
        using var lead = await factory.LoginAsync(Demo.Lead2);
        using var cloud = await factory.LoginAsync(Demo.CloudCenter);
        using var kari = await factory.LoginAsync(Demo.SorFronContact);
        var today = factory.Today;

        var tooEarly = await cloud.PostFormAsync($"/projects/{project.Id}/golive/handover/accept", new() { ["version"] = $"{Version()}" });
        var future = await lead.PostFormAsync($"/projects/{project.Id}/golive/production", new() { ["version"] = $"{Version()}", ["day"] = $"{today.AddDays(3):yyyy-MM-dd}" });
        var stranger = await kari.PostFormAsync($"/projects/{project.Id}/golive/production", new() { ["version"] = $"{Version()}", ["day"] = $"{today:yyyy-MM-dd}" });
        Assert.Null(await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == project.Id).Select(p => p.FirstProductionDay).SingleAsync()));
        var live = await lead.PostFormAsync($"/projects/{project.Id}/golive/production", new() { ["version"] = $"{Version()}", ["day"] = $"{today:yyyy-MM-dd}" });
        var longer = await lead.PostFormAsync($"/projects/{project.Id}/golive/followup", new() { ["version"] = $"{Version()}", ["weeks"] = "6" });
        var badWeeks = await lead.PostFormAsync($"/projects/{project.Id}/golive/followup", new() { ["version"] = $"{Version()}", ["weeks"] = "60" });

        Assert.Equal(HttpStatusCode.Redirect, tooEarly.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, future.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, live.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, longer.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, badWeeks.StatusCode);
        var afterLive = await BaerumAsync();
        Assert.Equal(today, afterLive.FirstProductionDay);
        Assert.Equal(6, afterLive.FollowUpWeeks);
        Assert.Equal(Phase.GoLive, afterLive.Phase);
        Assert.False(afterLive.Steps.Single(s => s.Milestone == MilestoneKind.GoLive).IsOpen);
        var followUp = afterLive.Steps.Single(s => s.Milestone == MilestoneKind.FollowUpEnd);
        Assert.Equal((today, today.AddDays(42)), (followUp.PlannedStart!.Value, followUp.Due!.Value));
        Assert.True(afterLive.Steps.Single(s => s.Milestone == MilestoneKind.Handover).PlannedStart >= followUp.Due);

        var noReason = await lead.PostFormAsync($"/projects/{project.Id}/golive/handover/request", new() { ["version"] = $"{Version()}" });
        Assert.Null(await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == project.Id).Select(p => p.HandoverRequestedUtc).SingleAsync()));
        var asked = await lead.PostFormAsync($"/projects/{project.Id}/golive/handover/request", new() { ["version"] = $"{Version()}", ["reason"] = "Kunden er trygg; evaluering på første statusmøte." });
        var leadAccepts = await lead.PostFormAsync($"/projects/{project.Id}/golive/handover/accept", new() { ["version"] = $"{Version()}" });
        var accepted = await cloud.PostFormAsync($"/projects/{project.Id}/golive/handover/accept", new() { ["version"] = $"{Version()}" });

        Assert.Equal(HttpStatusCode.Redirect, noReason.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, leadAccepts.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var done = await factory.WithDbAsync(async db => new
        {
            Project = await db.Projects.AsNoTracking().Include(p => p.Steps).SingleAsync(p => p.Id == project.Id),
            CloudUser = await db.Users.Where(u => u.Email == Demo.CloudCenter).Select(u => u.Id).SingleAsync(),
            Transition = await db.PhaseTransitions.AsNoTracking().Where(t => t.ProjectId == project.Id && t.Kind == PhaseTransitionKind.Handover && t.To == Phase.Operations).SingleAsync(),
        });
        Assert.Equal(Phase.Operations, done.Project.Phase);
        Assert.Equal(done.CloudUser, done.Project.LeadUserId);
        Assert.NotNull(done.Project.HandoverAcceptedUtc);
        Assert.False(done.Project.Steps.Single(s => s.Milestone == MilestoneKind.Handover).IsOpen);
        Assert.Equal(Phase.GoLive, done.Transition.From);

        using var thomas = await factory.LoginAsync(Baerum);
        var (_, home) = await thomas.GetPageAsync("/my");
        var contact = home.QuerySelector("#your-contact")!.TextContent;
        Assert.Contains("skysenteret", contact, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upgrades_follow_the_customers_installed_systems()
    {
        var tromso = await Journeys.AcceptedTromsoProjectAsync(factory);
        var baerum = await BaerumAsync();
        using var lead = await factory.LoginAsync(Demo.Lead);

        var (_, withFokus) = await lead.GetPageAsync($"/projects/{tromso}/golive");
        var (_, newCustomer) = await lead.GetPageAsync($"/projects/{baerum.Id}/golive");

        var upgrades = withFokus.QuerySelector("#upgrades")!.TextContent;
        Assert.Contains("WebSak 2022.3", upgrades, StringComparison.Ordinal);
        Assert.Contains("FOKUS", upgrades, StringComparison.Ordinal);
        Assert.Contains("Tromsø kommune", upgrades, StringComparison.Ordinal);
        Assert.NotNull(newCustomer.QuerySelector("#no-upgrades"));
    }
}
