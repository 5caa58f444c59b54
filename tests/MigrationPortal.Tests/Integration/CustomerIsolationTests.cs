using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;

namespace MigrationPortal.Tests.Integration;

/// <summary>
/// The portal's first promise: a customer contact never reaches another organisation's data, whatever URL they type. That
/// every endpoint refuses another organisation's contact (GET and POST, 404 as for ids that do not exist, the database
/// unchanged) is <see cref="AccessSweepTests"/>; these are what a contact sees of their own.
/// </summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class CustomerIsolationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Customer_contact_sees_own_joint_project_but_not_internal_steps_or_meetings()
    {
        using var kari = await factory.LoginAsync(Demo.SorFronContact);
        var (ownProject, internalMeeting) = await factory.WithDbAsync(async db =>
        {
            var p = await db.Projects.SingleAsync(x => x.Name.StartsWith("Gudbrandsdalen"));
            var m = await db.Meetings.Where(x => x.ProjectId == p.Id && !x.CustomerVisible).Select(x => x.Id).SingleAsync();
            return (p.Id, m);
        });

        var (status, page) = await kari.GetPageAsync($"/projects/{ownProject}");
        var meeting = await kari.GetAsync($"/projects/{ownProject}/meetings/{internalMeeting}");
        var history = await kari.GetAsync($"/projects/{ownProject}/history");

        Assert.Equal(HttpStatusCode.OK, status);
        var text = page.Body!.TextContent;
        Assert.Contains("Migrering av WebSak-data", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Etablering av servere", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Intern gjennomgang serveroppsett", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Endringshistorikk", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, meeting.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, history.StatusCode);
    }

    [Fact]
    public async Task Customer_home_lists_only_the_contacts_own_projects()
    {
        using var per = await factory.LoginAsync(Demo.TromsoContact);

        var (status, page) = await per.GetPageAsync("/my");

        Assert.Equal(HttpStatusCode.OK, status);
        var projects = page.QuerySelectorAll("h2 a").Select(a => a.TextContent).ToList();
        Assert.Equal(["Tromsø kommune: WebSak til Skydrift"], projects);
        Assert.Contains("Oppfølgingsmøte kartlegging", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Gudbrandsdalen", page.Body.TextContent, StringComparison.Ordinal);
    }
}
