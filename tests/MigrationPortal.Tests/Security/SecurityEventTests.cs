using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Security;

/// <summary>Security events (ASVS 16): who, from where, when; shown to admins with a filter; never a password or a link.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class SecurityEventTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<List<SecurityEvent>> EventsAsync(SecurityEventKind kind) =>
        factory.WithDbAsync(db => db.SecurityEvents.AsNoTracking().Where(e => e.Kind == kind).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task Sign_ins_failures_and_sign_outs_are_recorded_with_the_address_and_never_the_password()
    {
        using var client = factory.Client();
        await client.PostFormAsync("/account/login", new() { ["Email"] = "ingen.slik@kommune.example", ["Password"] = "hemmelig-passord-1" }, tokenFrom: "/account/login");
        await client.PostFormAsync("/account/login", new() { ["Email"] = Demo.CloudCenter, ["Password"] = "hemmelig-passord-2" }, tokenFrom: "/account/login");
        await client.LoginAsync(Demo.CloudCenter);
        await client.PostFormAsync("/account/logout", []);

        var failed = await EventsAsync(SecurityEventKind.LoginFailed);
        Assert.Contains(failed, e => e.UserName == "ingen.slik@kommune.example" && e.UserId == null);
        var siri = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.CloudCenter).Select(u => u.Id).SingleAsync());
        Assert.Contains(failed, e => e.UserId == siri && e.Path == "/account/login");
        var signedIn = Assert.Single(await EventsAsync(SecurityEventKind.LoginSucceeded), e => e.UserId == siri);
        Assert.Equal("127.0.0.1", signedIn.IpAddress);
        Assert.Equal(factory.UtcNow, signedIn.AtUtc);
        Assert.Contains(await EventsAsync(SecurityEventKind.LoggedOut), e => e.UserId == siri);
        Assert.False(await factory.WithDbAsync(db => db.SecurityEvents.AnyAsync(e => e.Detail!.Contains("hemmelig") || e.UserName!.Contains("hemmelig"))));
    }

    [Fact]
    public async Task Role_organisation_and_deactivation_changes_name_who_did_them_and_a_refusal_is_recorded()
    {
        var jonas = await factory.WithDbAsync(db => db.Users.Where(u => u.Email == Demo.Lead2).Select(u => new { u.Id, u.ConcurrencyStamp }).SingleAsync());
        using var admin = await factory.LoginAsync(Demo.Admin);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"/admin/users/{jonas.Id}", new()
        {
            ["DisplayName"] = "Jonas Åsheim", ["Email"] = Demo.Lead2, ["Role"] = Roles.Sales, ["IsActive"] = "false", ["ConcurrencyStamp"] = jonas.ConcurrencyStamp,
        })).StatusCode);

        var role = Assert.Single(await EventsAsync(SecurityEventKind.RoleChanged), e => e.UserId == jonas.Id);
        Assert.Equal(($"{Roles.ProjectLead} → {Roles.Sales}", Demo.Lead2), (role.Detail, role.UserName));
        Assert.NotNull(role.ActorName);
        Assert.NotEqual(Demo.Lead2, role.ActorName);
        Assert.Single(await EventsAsync(SecurityEventKind.UserDeactivated), e => e.UserId == jonas.Id);

        // The audit trail names the roles taken and given, and who did it, never a role's id.
        var audit = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking().Where(a => a.EntityId.StartsWith(jonas.Id + "/")).ToListAsync());
        Assert.Contains(audit, a => a is { Action: "Deleted", OldValue: Roles.ProjectLead, UserName: Demo.Admin });
        Assert.Contains(audit, a => a is { Action: "Created", NewValue: Roles.Sales, UserName: Demo.Admin });

        using var kari = await factory.LoginAsync(Demo.SorFronContact);
        var project = await factory.WithDbAsync(db => db.Projects.Where(p => p.Name.StartsWith("Gudbrandsdalen")).Select(p => p.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await kari.GetAsync($"/projects/{project}/checklist/new")).StatusCode);
        var denied = Assert.Single(await EventsAsync(SecurityEventKind.AccessDenied), e => e.UserName == Demo.SorFronContact || e.Detail!.Contains("/checklist/new"));
        Assert.Equal($"GET /projects/{project}/checklist/new", denied.Detail);
    }

    [Fact]
    public async Task A_reset_is_recorded_without_its_link_and_the_admin_page_filters_and_is_for_admins_only()
    {
        using var client = factory.Client();
        await client.PostFormAsync("/account/forgot-password", new() { ["Email"] = Demo.Sales }, tokenFrom: "/account/login");
        var (_, link) = Assert.Single(await factory.AccountMailsAsync(Demo.Sales));
        var token = Uri.UnescapeDataString(link.Split("token=")[1]);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync("/account/reset-password", new()
        {
            ["Email"] = Demo.Sales, ["Token"] = token, ["Password"] = DemoData.DemoPassword, ["ConfirmPassword"] = DemoData.DemoPassword,
        }, tokenFrom: "/account/login")).StatusCode);

        Assert.Single(await EventsAsync(SecurityEventKind.PasswordResetRequested));
        Assert.Single(await EventsAsync(SecurityEventKind.PasswordReset));
        Assert.False(await factory.WithDbAsync(db => db.SecurityEvents.AnyAsync(e => (e.Detail != null && e.Detail.Contains(token)) || (e.Path != null && e.Path.Contains("token")))));

        using var admin = await factory.LoginAsync(Demo.Admin);
        var (status, page) = await admin.GetPageAsync($"/admin/security?kind=PasswordReset&who=salg&from={factory.Today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");
        Assert.Equal(HttpStatusCode.OK, status);
        var rows = page.QuerySelectorAll("#security-events tbody tr");
        var row = Assert.Single(rows);
        Assert.Contains("Passord tilbakestilt", row.TextContent, StringComparison.Ordinal);
        Assert.Contains(Demo.Sales, row.TextContent, StringComparison.Ordinal);
        var (_, none) = await admin.GetPageAsync("/admin/security?kind=PasswordReset&who=ingen-slik");
        Assert.NotNull(none.QuerySelector("#security-empty"));

        using var sales = await factory.LoginAsync(Demo.Sales);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync("/admin/security")).StatusCode);
    }

    [Fact]
    public async Task A_filter_value_that_does_not_read_comes_back_as_typed_with_its_message_and_the_rest_still_filters()
    {
        using var admin = await factory.LoginAsync(Demo.Admin);
        using var sales = await factory.LoginAsync(Demo.Sales);
        var (_, empty) = await admin.GetPageAsync("/admin/security");
        var form = empty.QuerySelector("main form[method=get]")!;
        Assert.Equal(["Kind", "Who", "From", "To"], form.QuerySelectorAll("[name]").Select(e => e.GetAttribute("name")));

        // The form's own names, as a browser sends them: a day that does not exist and one that is not a date.
        var (status, page) = await admin.GetPageAsync("/admin/security?Kind=LoginSucceeded&Who=salg&From=2026-02-30&To=i+morgen");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("2026-02-30", page.QuerySelector("#From")!.GetAttribute("value"));
        Assert.Equal("true", page.QuerySelector("#From")!.GetAttribute("aria-invalid"));
        Assert.Equal("Verdien «2026-02-30» er ikke gyldig for Fra dato.", page.QuerySelector("#From-error")!.TextContent);
        Assert.Equal("i morgen", page.QuerySelector("#To")!.GetAttribute("value"));
        Assert.Equal("Verdien «i morgen» er ikke gyldig for Til dato.", page.QuerySelector("#To-error")!.TextContent);
        Assert.Equal(2, page.QuerySelectorAll("#error-summary li").Length);
        Assert.Equal("salg", page.QuerySelector("#Who")!.GetAttribute("value"));
        Assert.Equal("LoginSucceeded", page.QuerySelector("#Kind option[selected]")!.GetAttribute("value"));
        var rows = page.QuerySelectorAll("#security-events tbody tr");
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Contains(Demo.Sales, r.TextContent, StringComparison.Ordinal));
        Assert.All(rows, r => Assert.Contains("Innlogging", r.TextContent, StringComparison.Ordinal));

        var (_, unknown) = await admin.GetPageAsync("/admin/security?Kind=Innbrudd");
        Assert.Equal("Verdien «Innbrudd» er ikke gyldig for Hendelse.", unknown.QuerySelector("#Kind-error")!.TextContent);
    }
}
