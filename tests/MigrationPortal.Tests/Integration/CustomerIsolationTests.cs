using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;

namespace MigrationPortal.Tests.Integration;

/// <summary>The portal's first promise: a customer contact never reaches another organisation's data, whatever URL they type.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class CustomerIsolationTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private sealed record Foreign(List<int> Projects, List<(int Project, int Step)> Steps, List<(int Project, int Meeting)> Meetings, List<int> Customers, int OwnProject, int OwnCustomer)
    {
        public List<int> Offers { get; init; } = [];
    }

    private Task<Foreign> ForeignDataAsync(string contactEmail) => factory.WithDbAsync(async db =>
    {
        var customerId = await db.Users.Where(u => u.Email == contactEmail).Select(u => u.CustomerId!.Value).SingleAsync();
        var foreignProjects = await db.Projects.Where(p => !p.Customers.Any(c => c.CustomerId == customerId)).Select(p => p.Id).ToListAsync();
        var steps = await db.Steps.Where(s => foreignProjects.Contains(s.ProjectId)).Select(s => new { s.ProjectId, s.Id }).ToListAsync();
        var meetings = await db.Meetings.Where(m => foreignProjects.Contains(m.ProjectId)).Select(m => new { m.ProjectId, m.Id }).ToListAsync();
        var customers = await db.Customers.Where(c => c.Id != customerId).Select(c => c.Id).ToListAsync();
        var own = await db.Projects.Where(p => p.Customers.Any(c => c.CustomerId == customerId)).Select(p => p.Id).FirstAsync();
        var offers = await db.OfferRevisions.Where(r => foreignProjects.Contains(r.Offer!.ProjectId)).Select(r => r.Id).ToListAsync();
        return new Foreign(foreignProjects, steps.Select(s => (s.ProjectId, s.Id)).ToList(), meetings.Select(m => (m.ProjectId, m.Id)).ToList(), customers, own, customerId) { Offers = offers };
    });

    [Fact]
    public async Task Customer_contact_gets_404_for_every_project_step_meeting_and_customer_of_another_organisation()
    {
        var foreign = await ForeignDataAsync(Demo.SorFronContact);
        Assert.NotEmpty(foreign.Projects);
        Assert.NotEmpty(foreign.Steps);
        Assert.NotEmpty(foreign.Meetings);
        using var kari = await factory.LoginAsync(Demo.SorFronContact);

        var urls = new List<string>();
        urls.AddRange(foreign.Projects.SelectMany(p => new[] { $"/projects/{p}", $"/projects/{p}/history", $"/projects/{p}/edit", $"/projects/{p}/meetings/new" }));
        urls.AddRange(foreign.Steps.Select(s => $"/projects/{s.Project}/steps/{s.Step}/edit"));
        urls.AddRange(foreign.Meetings.SelectMany(m => new[] { $"/projects/{m.Project}/meetings/{m.Meeting}", $"/projects/{m.Project}/meetings/{m.Meeting}/edit" }));
        urls.AddRange(foreign.Customers.SelectMany(c => new[] { $"/customers/{c}", $"/customers/{c}/edit", $"/customers/{c}/contacts/new" }));
        Assert.NotEmpty(foreign.Offers);
        urls.AddRange(foreign.Offers.SelectMany(o => new[] { $"/offers/{o}", $"/offers/{o}/pdf", $"/offers/{o}/compare", $"/offers/{o}/edit" }));
        urls.AddRange(foreign.Projects.SelectMany(p => new[] { $"/projects/{p}/offers", $"/projects/{p}/mapping" }));

        // Someone else's step or meeting under the contact's own project id must not leak either.
        urls.AddRange(foreign.Steps.Take(5).Select(s => $"/projects/{foreign.OwnProject}/steps/{s.Step}/edit"));
        urls.AddRange(foreign.Meetings.Select(m => $"/projects/{foreign.OwnProject}/meetings/{m.Meeting}"));

        var wrong = new List<string>();
        foreach (var url in urls)
        {
            var response = await kari.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.NotFound)
            {
                wrong.Add($"{url} -> {(int)response.StatusCode}");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Customer_contact_gets_404_when_posting_to_another_organisations_step_or_customer()
    {
        var foreign = await ForeignDataAsync(Demo.SorFronContact);
        using var kari = await factory.LoginAsync(Demo.SorFronContact);
        var (projectId, stepId) = foreign.Steps[0];
        var before = await factory.WithDbAsync(db => db.Steps.AsNoTracking().SingleAsync(s => s.Id == stepId));

        var step = await kari.PostFormAsync($"/projects/{projectId}/steps/{stepId}/edit", new() { ["Status"] = "Blocked", ["Version"] = "0" });
        var customer = await kari.PostFormAsync($"/customers/{foreign.Customers[0]}/edit", new() { ["Name"] = "Hacked", ["OrgNumber"] = "938821003", ["Type"] = "Municipality", ["PreferredLanguage"] = "nb-NO" });
        var contact = await kari.PostFormAsync($"/customers/{foreign.Customers[0]}/contacts/new", new() { ["Name"] = "X", ["Email"] = "x@example.com" });
        var invalidCustomer = await kari.PostFormAsync($"/customers/{foreign.Customers[0]}/edit", new() { ["Name"] = "", ["OrgNumber"] = "1" });
        var invalidProject = await kari.PostFormAsync($"/projects/{projectId}/edit", new() { ["Name"] = "" });
        var meetingEdit = await kari.PostFormAsync($"/projects/{foreign.Meetings[0].Project}/meetings/{foreign.Meetings[0].Meeting}/edit", new() { ["Title"] = "Hacked", ["Date"] = "2027-01-01", ["Start"] = "10:00", ["End"] = "11:00" });
        var invalidMeeting = await kari.PostFormAsync($"/projects/{foreign.Meetings[0].Project}/meetings/{foreign.Meetings[0].Meeting}/edit", new() { ["Title"] = "" });
        var project = await kari.PostFormAsync($"/projects/{projectId}/edit", new() { ["Name"] = "Hacked", ["CustomerIds"] = $"{foreign.OwnCustomer}", ["ProductIds"] = "1" });
        var meeting = await kari.PostFormAsync($"/projects/{projectId}/meetings/new", new() { ["Title"] = "Hacked", ["Date"] = "2027-01-01", ["Start"] = "10:00", ["End"] = "11:00" });

        Assert.Equal(HttpStatusCode.NotFound, step.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, customer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, contact.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, project.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, invalidCustomer.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, invalidProject.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, meetingEdit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, invalidMeeting.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, meeting.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Projects.AnyAsync(p => p.Name == "Hacked")));
        Assert.False(await factory.WithDbAsync(db => db.Meetings.AnyAsync(m => m.Title == "Hacked")));
        var after = await factory.WithDbAsync(db => db.Steps.AsNoTracking().SingleAsync(s => s.Id == stepId));
        Assert.Equal((before.Status, before.Version), (after.Status, after.Version));
        Assert.False(await factory.WithDbAsync(db => db.Customers.AnyAsync(c => c.Name == "Hacked")));
        Assert.False(await factory.WithDbAsync(db => db.Contacts.AnyAsync(c => c.Email == "x@example.com")));
    }

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
