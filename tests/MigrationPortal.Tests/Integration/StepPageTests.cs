using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Integration;

[Trait(Suite.Name, Suite.Integration)]
public sealed class StepPageTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<Step> StepAsync(string templateKey, string projectPrefix = "Gudbrandsdalen") => factory.WithDbAsync(db =>
        db.Steps.AsNoTracking().SingleAsync(s => s.TemplateKey == templateKey && s.Project!.Name.StartsWith(projectPrefix)));

    private static string Url(Step s) => $"/projects/{s.ProjectId}/steps/{s.Id}";

    private static string V(int version) => version.ToString(CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_step_page_shows_details_and_the_steps_it_waits_for_hiding_internal_ones_from_the_customer()
    {
        var testing = await StepAsync("setup.testing");
        var access = await StepAsync("setup.access");
        var servers = await StepAsync("setup.servers");
        await factory.WithDbAsync(db =>
        {
            db.StepDependencies.AddRange(
                new StepDependency { StepId = testing.Id, DependsOnStepId = access.Id },
                new StepDependency { StepId = testing.Id, DependsOnStepId = servers.Id });
            return db.SaveChangesAsync();
        });
        using var kari = await factory.LoginAsync(Demo.SorFronContact);
        using var lead = await factory.LoginAsync(Demo.Lead);

        var (status, page) = await kari.GetPageAsync(Url(testing));
        var (_, staffPage) = await lead.GetPageAsync(Url(testing));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Test hos kunden", page.QuerySelector("h1")!.TextContent.Trim());
        var facts = page.QuerySelector("dl.facts")!.TextContent;
        Assert.Contains("2. Etablering, testing og opplæring", facts, StringComparison.Ordinal);
        Assert.Contains("Kunde", facts, StringComparison.Ordinal);
        Assert.Contains("Brukerne tester uten nedetid", page.Body!.TextContent, StringComparison.Ordinal);
        var waits = page.QuerySelector("#dependencies")!.ParentElement!.TextContent;
        Assert.Contains("Tilgang til programvaren", waits, StringComparison.Ordinal);
        Assert.DoesNotContain("Etablering av servere", page.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.Contains("Etablering av servere", staffPage.QuerySelector("#dependencies")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("#internal-notes"));
        Assert.NotNull(staffPage.QuerySelector("#internal-notes"));
    }

    [Fact]
    public async Task An_internal_step_and_another_customers_step_are_not_found_for_a_customer_whatever_the_url()
    {
        var servers = await StepAsync("setup.servers");
        var testing = await StepAsync("setup.testing");
        var vestland = await StepAsync("setup.testing", "Vestland");
        using var kari = await factory.LoginAsync(Demo.SorFronContact);
        using var per = await factory.LoginAsync(Demo.TromsoContact);
        using var lead = await factory.LoginAsync(Demo.Lead);

        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync(Url(servers))).StatusCode);
        foreach (var (client, url) in new[] { (kari, Url(servers)), (per, Url(testing)), (kari, Url(vestland)), (kari, $"/projects/{testing.ProjectId}/steps/{vestland.Id}") })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync($"{url}/comments", new() { ["Text"] = "Hallo" })).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostFormAsync($"{url}/done", new() { ["version"] = "0" })).StatusCode);
        }

        Assert.Equal(0, await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.Text == "Hallo")));
    }

    [Fact]
    public async Task Comments_are_seen_by_both_sides_and_internal_notes_never_reach_the_customer()
    {
        var step = await StepAsync("setup.kickoff");
        using var kari = await factory.LoginAsync(Demo.SorFronContact);
        using var lead = await factory.LoginAsync(Demo.Lead);

        Assert.Equal(HttpStatusCode.Redirect, (await kari.PostFormAsync($"{Url(step)}/comments", new() { ["Text"] = "Kan vi flytte møtet en time?" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"{Url(step)}/comments", new() { ["Text"] = "Ja, klokka elleve passer." })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await lead.PostFormAsync($"{Url(step)}/comments", new() { ["Text"] = "NOTAT-7731: kunden er sent ute med tilgang", ["Internal"] = "true" })).StatusCode);
        var forged = await kari.PostFormAsync($"{Url(step)}/comments", new() { ["Text"] = "Bare for leverandøren?", ["Internal"] = "true" });

        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Comments.AnyAsync(c => c.Text == "Bare for leverandøren?")));
        var (_, staffPage) = await lead.GetPageAsync(Url(step));
        Assert.Contains("NOTAT-7731", staffPage.QuerySelector("#internal-notes")!.ParentElement!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("NOTAT-7731", staffPage.QuerySelector("#comments")!.ParentElement!.TextContent, StringComparison.Ordinal);
        var discussion = staffPage.QuerySelector("#comments")!.ParentElement!.TextContent;
        Assert.Contains("Kari Nordmann", discussion, StringComparison.Ordinal);
        Assert.Contains("(kunde)", discussion, StringComparison.Ordinal);

        var (_, page) = await kari.GetPageAsync(Url(step));
        var seen = page.QuerySelectorAll(".comments li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, seen.Count);
        Assert.Contains("Marte Solberg", seen[1], StringComparison.Ordinal);
        Assert.Contains("(leverandør)", seen[1], StringComparison.Ordinal);
        Assert.Contains("16. nov. 2026 kl. 10:00", seen[1], StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("input[name=Internal]"));
        foreach (var url in new[] { Url(step), $"/projects/{step.ProjectId}", "/my", $"/projects/{step.ProjectId}/checklist" })
        {
            var html = await (await kari.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("NOTAT-7731", html, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("", "Kommentar må fylles ut.")]
    [InlineData(null, "Kommentar kan ha høyst 4000 tegn.")]
    public async Task An_empty_or_too_long_comment_gets_a_clear_message_and_nothing_is_saved(string? text, string message)
    {
        var step = await StepAsync("setup.training");
        using var kari = await factory.LoginAsync(Demo.SorFronContact);

        var response = await kari.PostFormAsync($"{Url(step)}/comments", new() { ["Text"] = text ?? new string('x', 4001) });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Equal(message, page.QuerySelector("#Text-error")!.TextContent.Trim());
        Assert.Equal("Opplæring", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal(0, await factory.WithDbAsync(db => db.Comments.CountAsync(c => c.StepId == step.Id)));
    }

    [Fact]
    public async Task Customer_marks_a_customer_step_done_but_not_a_vendor_step()
    {
        var testing = await StepAsync("setup.testing", "Vestland");
        var migration = await StepAsync("setup.migration-websak", "Vestland");
        using var ase = await factory.LoginAsync("ase.kvale@vestlandfylke.example");
        var (_, page) = await ase.GetPageAsync(Url(testing));
        Assert.NotNull(page.QuerySelector($"form[action^='{Url(testing)}/done?'] button"));
        var (_, vendorPage) = await ase.GetPageAsync(Url(migration));
        Assert.Null(vendorPage.QuerySelector($"form[action*='/done']"));

        var vendor = await ase.PostFormAsync($"{Url(migration)}/done", new() { ["version"] = V(migration.Version) });
        var stale = await ase.PostFormAsync($"{Url(testing)}/done", new() { ["version"] = V(testing.Version + 1) });
        Assert.Equal(StepStatus.NotStarted, (await StepAsync("setup.testing", "Vestland")).Status);
        var done = await ase.PostFormAsync($"{Url(testing)}/done", new() { ["version"] = V(testing.Version) });

        Assert.Equal(HttpStatusCode.Forbidden, vendor.StatusCode);
        Assert.Equal(migration.Version, (await StepAsync("setup.migration-websak", "Vestland")).Version);
        Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var saved = await StepAsync("setup.testing", "Vestland");
        Assert.Equal((StepStatus.Done, factory.UtcNow), (saved.Status, saved.CompletedUtc!.Value));
        var (_, after) = await ase.GetPageAsync(Url(testing));
        Assert.Contains("Ferdig", after.QuerySelector("#step-status")!.TextContent, StringComparison.Ordinal);
        Assert.Null(after.QuerySelector($"form[action*='/done']"));
    }

    [Fact]
    public async Task The_edit_route_of_the_project_still_answers_beside_the_step_page()
    {
        var step = await StepAsync("setup.project-plan");
        using var lead = await factory.LoginAsync(Demo.Lead);

        var (_, page) = await lead.GetPageAsync(Url(step));
        var edit = await lead.GetAsync($"{Url(step)}/edit");

        Assert.Equal(HttpStatusCode.OK, edit.StatusCode);
        Assert.NotNull(page.QuerySelector($"a[href='{Url(step)}/edit']"));
    }
}
