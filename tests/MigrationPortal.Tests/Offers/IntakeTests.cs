using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Offers;

[Trait(Suite.Name, Suite.Integration)]
public sealed class LeadTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static async Task<HttpResponseMessage> PostAsync(PortalClient client, string url, params (string, string)[] fields)
    {
        using var content = new FormUrlEncodedContent(fields.Append(("__RequestVerificationToken", await client.TokenAsync("/error/404"))).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)));
        return await client.Http.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    private Task<(int WebSak, int Forms)> ProductsAsync() => factory.WithDbAsync(async db => (
        await db.Products.Where(p => p.Code == "websak").Select(p => p.Id).SingleAsync(),
        await db.Products.Where(p => p.Code == "forms").Select(p => p.Id).SingleAsync()));

    [Theory]
    [InlineData("2024-01-15", "en måned tilbake")]
    [InlineData("2031-01-15", "to år fram")]
    public async Task A_tender_deadline_years_away_is_refused_with_the_reason(string deadline, string message)
    {
        var (websak, _) = await ProductsAsync();
        using var sales = await factory.LoginAsync(Demo.Sales);

        var response = await PostAsync(sales, "/leads/new", ("NewCustomerName", "Lesja kommune"), ("NewCustomerOrgNumber", "939 617 213"), ("NewCustomerType", "Municipality"),
            ("ProductIds", $"{websak}"), ("Source", "PublicTender"), ("TenderReference", "2026-999999"), ("TenderDeadline", deadline));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await PortalClient.ParseAsync(response)).QuerySelector("#TenderDeadline-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Customers.AnyAsync(c => c.Name == "Lesja kommune")));
    }

    [Fact]
    public async Task Sales_registers_a_tender_lead_for_a_new_customer_and_makes_it_a_project_in_phase_one()
    {
        var (websak, forms) = await ProductsAsync();
        using var sales = await factory.LoginAsync(Demo.Sales);

        var noReference = await PostAsync(sales, "/leads/new", ("NewCustomerName", "Vågå kommune"), ("NewCustomerOrgNumber", "951 521 000"), ("ProductIds", $"{websak}"), ("Source", "PublicTender"));
        var saved = await PostAsync(sales, "/leads/new", ("NewCustomerName", "Vågå kommune"), ("NewCustomerOrgNumber", "951 521 000"), ("NewCustomerType", "Municipality"),
            ("ProductIds", $"{websak}"), ("ProductIds", $"{forms}"), ("Source", "PublicTender"), ("TenderReference", "2026-123456"), ("TenderDeadline", "2027-01-15"), ("Notes", "Frist for spørsmål 5. jan."));

        Assert.Contains("anbudsreferanse", (await PortalClient.ParseAsync(noReference)).QuerySelector("#TenderReference-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var lead = await factory.WithDbAsync(db => db.Leads.AsNoTracking().Include(l => l.Customer).SingleAsync(l => l.TenderReference == "2026-123456"));
        Assert.Equal("Vågå kommune", lead.Customer!.Name);
        Assert.Equal("951521000", lead.Customer.OrgNumber);

        var converted = await sales.PostFormAsync($"/leads/{lead.Id}/convert", []);
        var again = await sales.PostFormAsync($"/leads/{lead.Id}/convert", []);

        Assert.Equal(HttpStatusCode.Redirect, converted.StatusCode);
        Assert.Equal(converted.Headers.Location, again.Headers.Location);
        var project = await factory.WithDbAsync(db => db.Projects.AsNoTracking().Include(p => p.Steps).Include(p => p.Products).SingleAsync(p => p.Customers.Any(c => c.CustomerId == lead.CustomerId)));
        Assert.Equal(Phase.Intake, project.Phase);
        Assert.Equal(2, project.Products.Count);
        Assert.Contains(project.Steps, s => s.TemplateKey == "intake.initial-meeting");
        Assert.Equal(LeadStatus.Converted, (await factory.WithDbAsync(db => db.Leads.AsNoTracking().SingleAsync(l => l.Id == lead.Id))).Status);
    }

    [Fact]
    public async Task A_lead_for_a_new_customer_with_an_org_number_we_have_is_refused()
    {
        var (websak, _) = await ProductsAsync();
        using var sales = await factory.LoginAsync(Demo.Sales);

        var response = await PostAsync(sales, "/leads/new", ("NewCustomerName", "Tromsø igjen"), ("NewCustomerOrgNumber", "971141018"), ("ProductIds", $"{websak}"), ("Source", "CustomerInquiry"));

        Assert.Contains("finnes allerede", (await PortalClient.ParseAsync(response)).QuerySelector("#NewCustomerOrgNumber-error")!.TextContent, StringComparison.Ordinal);
        Assert.False(await factory.WithDbAsync(db => db.Customers.AnyAsync(c => c.Name == "Tromsø igjen")));
    }

    [Fact]
    public async Task Project_leads_see_leads_but_only_sales_and_admins_register_them_and_customers_see_none()
    {
        using var lead = await factory.LoginAsync(Demo.Lead);
        using var kari = await factory.LoginAsync(Demo.SorFronContact);

        Assert.Equal(HttpStatusCode.OK, (await lead.GetAsync("/leads")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.GetAsync("/leads/new")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kari.GetAsync("/leads")).StatusCode);
    }
}

[Trait(Suite.Name, Suite.Integration)]
public sealed class MappingTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<int> TromsoAsync() => factory.WithDbAsync(db => db.Projects.Where(p => p.Name.StartsWith("Tromsø")).Select(p => p.Id).SingleAsync());

    [Fact]
    public async Task The_customer_saves_a_draft_submits_once_and_then_nothing_changes()
    {
        var project = await TromsoAsync();

        // The demo's Tromsø mapping is already submitted; this test starts from none.
        await factory.WithDbAsync(async db => await db.Questionnaires.Where(q => q.ProjectId == project).ExecuteDeleteAsync());
        using var per = await factory.LoginAsync(Demo.TromsoContact);
        using var sales = await factory.LoginAsync(Demo.Sales);

        var draft = await per.PostFormAsync($"/projects/{project}/mapping", new() { ["Needs"] = "Sak/arkiv for 4 000 ansatte", ["Version"] = "0", ["save"] = "1" });
        var (_, salesView) = await sales.GetPageAsync($"/projects/{project}/mapping");
        var version = await factory.WithDbAsync(db => db.Questionnaires.Where(q => q.ProjectId == project).Select(q => q.Version).SingleAsync());
        var incomplete = await per.PostFormAsync($"/projects/{project}/mapping", new() { ["Needs"] = "Sak/arkiv for 4 000 ansatte", ["Version"] = $"{version}", ["submit"] = "1" });
        var submitted = await per.PostFormAsync($"/projects/{project}/mapping", new()
        {
            ["Needs"] = "Sak/arkiv for 4 000 ansatte", ["WhyCloud"] = "Færre egne servere", ["WantsMoreMeetings"] = "false", ["NeedsMappingProject"] = "", ["Version"] = $"{version}", ["submit"] = "1",
        });
        var afterwards = await per.PostFormAsync($"/projects/{project}/mapping", new() { ["Needs"] = "Endret", ["WhyCloud"] = "x", ["Version"] = $"{version + 1}", ["save"] = "1" });

        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        Assert.Equal("Sak/arkiv for 4 000 ansatte", salesView.QuerySelector("#Needs")!.TextContent);
        Assert.Contains("hvorfor dere ønsker skydrift", (await PortalClient.ParseAsync(incomplete)).QuerySelector("#WhyCloud-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, afterwards.StatusCode);
        var q = await factory.WithDbAsync(db => db.Questionnaires.AsNoTracking().SingleAsync(x => x.ProjectId == project));
        Assert.Equal(QuestionnaireStatus.Submitted, q.Status);
        Assert.Equal("Sak/arkiv for 4 000 ansatte", q.Needs);
        Assert.False(q.WantsMoreMeetings);
        Assert.Null(q.NeedsMappingProject);
        Assert.Equal("Per Hansen", q.SubmittedBy);
        Assert.Equal(StepStatus.Done, await factory.WithDbAsync(db => db.Steps.Where(s => s.ProjectId == project && s.TemplateKey == "intake.mapping").Select(s => s.Status).SingleAsync()));
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "MappingQuestionnaire" && a.Property == "Status" && a.NewValue == "Submitted" && a.UserName == Demo.TromsoContact)));
        var (_, readOnly) = await sales.GetPageAsync($"/projects/{project}/mapping");
        Assert.Null(readOnly.QuerySelector("form[action$='/mapping']"));
    }

    [Fact]
    public async Task Another_organisations_contact_gets_404_for_the_mapping()
    {
        var project = await TromsoAsync();
        using var kari = await factory.LoginAsync(Demo.SorFronContact);

        Assert.Equal(HttpStatusCode.NotFound, (await kari.GetAsync($"/projects/{project}/mapping")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await kari.PostFormAsync($"/projects/{project}/mapping", new() { ["Needs"] = "x", ["save"] = "1" })).StatusCode);
    }
}
