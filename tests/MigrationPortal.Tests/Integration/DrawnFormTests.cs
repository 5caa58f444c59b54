using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Integration;

/// <summary>
/// The small forms as the pages draw them (fields named by tag helpers, a button form's version in its address) post what
/// their actions bind: each is submitted as a browser would, with only what a person types or picks filled in.
/// </summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class DrawnFormTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<int> ProjectAsync(string name) => factory.WithDbAsync(db => db.Projects.Where(p => p.Name.StartsWith(name)).Select(p => p.Id).SingleAsync());

    private static IHtmlFormElement Form(IHtmlDocument page, string selector) =>
        page.QuerySelector(selector)?.Closest("form") as IHtmlFormElement ?? throw new InvalidOperationException($"No form around '{selector}'.");

    /// <summary>The id in the form's address just before <paramref name="tail"/> (<c>/queue/7/move?version=2</c>: 7).</summary>
    private static int IdBefore(IHtmlFormElement form, string tail)
    {
        var action = form.GetAttribute("action")!;
        return int.Parse(action[..action.IndexOf(tail, StringComparison.Ordinal)].Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task A_customer_marks_a_checklist_item_done_and_opens_it_again_with_the_button_as_drawn()
    {
        var project = await ProjectAsync("Gudbrandsdalen");
        using var kari = await factory.LoginAsync(Demo.SorFronContact);
        var (_, page) = await kari.GetPageAsync($"/projects/{project}/checklist");
        var form = Form(page, "main form[action*='/status?'][action*='done=true'] button");
        var itemId = IdBefore(form, "/status");
        Assert.NotEqual(ChecklistStatus.Done, (await factory.WithDbAsync(db => db.ChecklistItems.AsNoTracking().SingleAsync(i => i.Id == itemId))).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await kari.SubmitAsync(form)).StatusCode);
        Assert.Equal(ChecklistStatus.Done, (await factory.WithDbAsync(db => db.ChecklistItems.AsNoTracking().SingleAsync(i => i.Id == itemId))).Status);

        var (_, item) = await kari.GetPageAsync($"/projects/{project}/checklist/{itemId}");
        Assert.Equal(HttpStatusCode.Redirect, (await kari.SubmitAsync(Form(item, "main form[action*='/status'] button"))).StatusCode);
        Assert.Equal(ChecklistStatus.Open, (await factory.WithDbAsync(db => db.ChecklistItems.AsNoTracking().SingleAsync(i => i.Id == itemId))).Status);

        // The page read before the first click carries the version it showed: a second click from it changes nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await kari.SubmitAsync(form)).StatusCode);
        Assert.Equal(ChecklistStatus.Open, (await factory.WithDbAsync(db => db.ChecklistItems.AsNoTracking().SingleAsync(i => i.Id == itemId))).Status);
    }

    [Fact]
    public async Task The_queue_forms_set_the_capacity_move_a_project_with_a_reason_and_start_it()
    {
        using var admin = await factory.LoginAsync(Demo.Admin);
        var (_, page) = await admin.GetPageAsync("/queue");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(Form(page, "#ProjectStartsPerMonth"), new() { ["ProjectStartsPerMonth"] = "3" })).StatusCode);
        Assert.Equal(3, await factory.WithDbAsync(db => db.VendorSettings.Select(s => s.ProjectStartsPerMonth).SingleAsync()));

        (_, page) = await admin.GetPageAsync("/queue");
        var move = Form(page, "ol.queue li input[name=Reason]");
        var entry = IdBefore(move, "/move");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(move, new() { ["Reason"] = "Kunden ba om å vente" })).StatusCode);
        Assert.Equal("Kunden ba om å vente", await factory.WithDbAsync(db => db.CloudQueue.Where(q => q.Id == entry).Select(q => q.MoveReason).SingleAsync()));

        (_, page) = await admin.GetPageAsync("/queue");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(Form(page, $"ol.queue li form[action^='/queue/{entry}/start'] button"))).StatusCode);
        Assert.NotNull(await factory.WithDbAsync(db => db.CloudQueue.Where(q => q.Id == entry).Select(q => q.StartedUtc).SingleAsync()));
    }

    [Fact]
    public async Task The_go_live_page_sets_the_weeks_of_follow_up_and_the_plan_page_leaves_setup_with_a_reason()
    {
        var baerum = await ProjectAsync("Bærum");
        using var jonas = await factory.LoginAsync(Demo.Lead2);
        var (_, golive) = await jonas.GetPageAsync($"/projects/{baerum}/golive");
        Assert.Equal(HttpStatusCode.Redirect, (await jonas.SubmitAsync(Form(golive, "#Weeks"), new() { ["Weeks"] = "6" })).StatusCode);
        Assert.Equal(6, await factory.WithDbAsync(db => db.Projects.Where(p => p.Id == baerum).Select(p => p.FollowUpWeeks).SingleAsync()));

        var gudbrandsdalen = await ProjectAsync("Gudbrandsdalen");
        using var admin = await factory.LoginAsync(Demo.Admin);
        var (_, plan) = await admin.GetPageAsync($"/projects/{gudbrandsdalen}/plan");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(Form(plan, "#Reason"), new() { ["Reason"] = "Kunden har testet i eget miljø." })).StatusCode);
        var transition = await factory.WithDbAsync(db => db.PhaseTransitions.AsNoTracking().SingleAsync(t => t.ProjectId == gudbrandsdalen && t.Kind == PhaseTransitionKind.Override));
        Assert.Equal("Kunden har testet i eget miljø.", transition.OverrideReason);
    }

    [Fact]
    public async Task The_cloud_centre_picks_a_status_month_and_the_customer_accepts_an_offer_by_name_and_tick()
    {
        var alesund = await ProjectAsync("Ålesund");
        using var cloud = await factory.LoginAsync(Demo.CloudCenter);
        var (_, wheel) = await cloud.GetPageAsync($"/operations/{alesund}/wheel");
        Assert.Equal(HttpStatusCode.Redirect, (await cloud.SubmitAsync(Form(wheel, "select[name=Month]"), new() { ["Month"] = "9" })).StatusCode);
        Assert.Equal(9, await factory.WithDbAsync(db => db.Customers.Where(c => c.Projects.Any(p => p.ProjectId == alesund)).Select(c => c.StatusMeetingMonth).SingleAsync()));

        var revision = await factory.WithDbAsync(db => db.OfferRevisions.Where(r => r.Status == OfferStatus.Sent && r.Offer!.Project!.Name.StartsWith("Tromsø")).Select(r => r.Id).SingleAsync());
        using var ellen = await factory.LoginAsync(Demo.TromsoSigner);
        var (_, offer) = await ellen.GetPageAsync($"/offers/{revision}");
        var accept = Form(offer, "#FullName");

        // Not ticked: the hidden "false" is all that goes, and nothing is accepted.
        await ellen.SubmitAsync(accept, new() { ["FullName"] = "Ellen Aslaksen" });
        Assert.Equal(OfferStatus.Sent, await factory.WithDbAsync(db => db.OfferRevisions.Where(r => r.Id == revision).Select(r => r.Status).SingleAsync()));

        ((IHtmlInputElement)offer.QuerySelector("#Confirm")!).IsChecked = true;
        Assert.Equal(HttpStatusCode.Redirect, (await ellen.SubmitAsync(accept, new() { ["FullName"] = "Ellen Aslaksen" })).StatusCode);
        Assert.Equal(OfferStatus.Accepted, await factory.WithDbAsync(db => db.OfferRevisions.Where(r => r.Id == revision).Select(r => r.Status).SingleAsync()));
    }

    [Fact]
    public async Task The_dashboard_filter_and_the_language_switch_work_as_drawn()
    {
        using var lead = await factory.LoginAsync(Demo.Lead);
        var (_, dashboard) = await lead.GetPageAsync("/dashboard");
        var filtered = await PortalClient.ParseAsync(await lead.SubmitAsync(Form(dashboard, "#Q"), new() { ["Q"] = "vestland", ["Phase"] = "Setup" }));
        Assert.Equal("1 prosjekter", filtered.QuerySelector("main [role=status]")!.TextContent);
        Assert.Equal("vestland", filtered.QuerySelector("#Q")!.GetAttribute("value"));
        Assert.Equal("Setup", filtered.QuerySelector("#Phase option[selected]")!.GetAttribute("value"));

        // The switch comes back to the page as it was, filter and all.
        var switched = await lead.SubmitAsync(Form(filtered, "form[action^='/culture'] button"), new() { ["culture"] = "en" });
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/dashboard?Q=vestland&Phase=Setup&Product=&Lead=", switched.Headers.Location!.OriginalString);
        var (_, english) = await lead.GetPageAsync(switched.Headers.Location.OriginalString);
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
    }
}
