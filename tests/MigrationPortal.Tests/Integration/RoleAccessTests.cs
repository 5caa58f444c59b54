using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;

namespace MigrationPortal.Tests.Integration;

/// <summary>Each role reaches what it should (that it reaches nothing more is <see cref="AccessSweepTests"/>).</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class RoleAccessTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const int Ok = 200, Forbidden = 403, NotFound = 404;

    public static TheoryData<string, string, int> Matrix()
    {
        // {project} = the joint Gudbrandsdalen project (Sør-Fron is in it), {step} one of its steps, {customer} Sør-Fron.
        // Who is refused where, for every endpoint, is AccessSweepTests; these are the ways in each role has, and the
        // exact answer a contact gets on their own project: 403 for what they see but may not change, 404 for the internal.
        var rows = new TheoryData<string, string, int>();
        void Row(string user, string url, int status) => rows.Add(user, url, status);
        foreach (var staff in new[] { Demo.Admin, Demo.Sales, Demo.Lead, Demo.CloudCenter })
        {
            Row(staff, "/dashboard", Ok);
            Row(staff, "/projects/{project}", Ok);
            Row(staff, "/projects/{project}/history", Ok);
            Row(staff, "/customers", Ok);
            Row(staff, "/customers/{customer}", Ok);
        }

        Row(Demo.Admin, "/admin/users", Ok);
        Row(Demo.Admin, "/admin/users/new", Ok);
        Row(Demo.Admin, "/projects/{project}/steps/{step}/edit", Ok);
        Row(Demo.Lead, "/projects/{project}/steps/{step}/edit", Ok);
        Row(Demo.CloudCenter, "/projects/{project}/steps/{step}/edit", Ok);
        Row(Demo.Sales, "/projects/{intake}/steps/{intakeStep}/edit", Ok);
        Row(Demo.Sales, "/projects/{intake}/edit", Ok);
        Row(Demo.Admin, "/customers/new", Ok);
        Row(Demo.Sales, "/customers/new", Ok);
        Row(Demo.Lead, "/customers/{customer}/edit", Ok);
        Row(Demo.Admin, "/admin/products", Ok);
        Row(Demo.Admin, "/projects/new", Ok);
        Row(Demo.Sales, "/projects/new", Ok);
        Row(Demo.Lead, "/projects/new", Ok);
        Row(Demo.Lead, "/projects/{project}/edit", Ok);
        Row(Demo.Sales, "/projects/{project}/meetings/new", Ok);
        Row(Demo.CloudCenter, "/projects/{project}/meetings/new", Ok);
        Row(Demo.CloudCenter, "/queue", Ok);
        Row(Demo.Sales, "/leads/new", Ok);

        Row(Demo.SorFronContact, "/my", Ok);
        Row(Demo.SorFronContact, "/projects/{project}", Ok);
        Row(Demo.SorFronContact, "/projects/{project}/offers", Ok);
        Row(Demo.SorFronContact, "/projects/{project}/mapping", Ok);
        Row(Demo.SorFronContact, "/customers/{customer}", Ok);
        Row(Demo.SorFronContact, "/projects/{project}/edit", Forbidden);
        Row(Demo.SorFronContact, "/projects/{project}/meetings/new", Forbidden);
        Row(Demo.SorFronContact, "/customers/{customer}/edit", Forbidden);
        Row(Demo.SorFronContact, "/projects/{project}/steps/{step}/edit", Forbidden);
        Row(Demo.SorFronContact, "/projects/{project}/history", NotFound);
        return rows;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Role_reaches_what_it_should_and_nothing_more(string user, string url, int expected)
    {
        var ids = await factory.WithDbAsync(async db =>
        {
            var project = await db.Projects.Where(p => p.Name.StartsWith("Gudbrandsdalen")).Select(p => p.Id).SingleAsync();
            var step = await db.Steps.Where(s => s.ProjectId == project && s.CustomerVisible).Select(s => s.Id).FirstAsync();
            var customer = await db.Customers.Where(c => c.Name == "Sør-Fron kommune").Select(c => c.Id).SingleAsync();
            var intake = await db.Projects.Where(p => p.Name.StartsWith("Tromsø")).Select(p => p.Id).SingleAsync();
            var intakeStep = await db.Steps.Where(s => s.ProjectId == intake).Select(s => s.Id).FirstAsync();
            return (project, step, customer, intake, intakeStep);
        });
        using var client = await factory.LoginAsync(user);

        var response = await client.GetAsync(url.Replace("{project}", $"{ids.project}", StringComparison.Ordinal)
            .Replace("{step}", $"{ids.step}", StringComparison.Ordinal).Replace("{customer}", $"{ids.customer}", StringComparison.Ordinal)
            .Replace("{intakeStep}", $"{ids.intakeStep}", StringComparison.Ordinal).Replace("{intake}", $"{ids.intake}", StringComparison.Ordinal));

        Assert.Equal(expected, (int)response.StatusCode);
    }

    [Fact]
    public async Task Home_sends_staff_to_dashboard_and_customers_to_their_page()
    {
        using var lead = await factory.LoginAsync(Demo.Lead);
        using var kari = await factory.LoginAsync(Demo.SorFronContact);

        Assert.Equal("/dashboard", (await lead.GetAsync("/")).Headers.Location!.ToString());
        Assert.Equal("/my", (await kari.GetAsync("/")).Headers.Location!.ToString());
    }
}
