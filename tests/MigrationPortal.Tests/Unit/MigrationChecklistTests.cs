using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Unit;

public sealed class MigrationChecklistTests
{
    private static readonly DateOnly Start = new(2027, 1, 4);
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static List<ChecklistItem> Standard(params string[] products) => MigrationChecklist.Standard(products, Start, key => "[" + key + "]").ToList();

    [Fact]
    public void The_standard_items_cover_access_accounts_exports_network_and_contacts_with_texts_from_the_resources()
    {
        var items = Standard("websak", "forms");

        Assert.Equal(
            ["ItContact", "Vpn", "AdminAccount", "ServiceAccount", "Integrations", "Firewall", "WebSakExport", "FormsExport", "AccessVerified"],
            items.Select(i => i.Title.Replace("[Checklist.Std.", "", StringComparison.Ordinal).Replace(".Title]", "", StringComparison.Ordinal)));
        Assert.All(items, i => Assert.Equal(i.Title.Replace(".Title]", ".Text]", StringComparison.Ordinal), i.Description));
        Assert.Equal(Enum.GetValues<ChecklistCategory>().Order(), items.Select(i => i.Category).Distinct().Order());
        Assert.Contains(items, i => i is { Category: ChecklistCategory.Access, Owner: ResponsibleParty.Customer } && i.Title.Contains("Vpn", StringComparison.Ordinal));
        Assert.Contains(items, i => i is { Category: ChecklistCategory.Account } && i.Title.Contains("ServiceAccount", StringComparison.Ordinal));
        Assert.Contains(items, i => i is { Category: ChecklistCategory.Network } && i.Title.Contains("Firewall", StringComparison.Ordinal));
        Assert.Single(items, i => i.Owner == ResponsibleParty.Vendor);
        Assert.All(items, i => Assert.Equal(ChecklistStatus.Open, i.Status));
        Assert.Equal(items.Select(i => i.SortOrder).Order(), items.Select(i => i.SortOrder));
        Assert.Equal(items.Count, items.Select(i => i.SortOrder).Distinct().Count());
    }

    [Fact]
    public void Due_dates_count_from_the_start_and_the_it_contact_comes_first()
    {
        var items = Standard("websak");

        Assert.All(items, i => Assert.InRange(i.Due!.Value, Start.AddDays(1), Start.AddDays(21)));
        Assert.Equal(Start.AddDays(3), items[0].Due);
        Assert.Equal(items.Min(i => i.Due), items[0].Due);
        Assert.Equal(Start.AddDays(30), MigrationChecklist.Standard(["websak"], Start.AddDays(30), k => k).First().Due!.Value.AddDays(-3));
    }

    [Theory]
    [InlineData(new[] { "websak" }, true, false)]
    [InlineData(new[] { "forms" }, false, true)]
    [InlineData(new[] { "WebSak", "forms" }, true, true)]
    [InlineData(new string[0], false, false)]
    public void Each_product_brings_its_own_export(string[] products, bool websak, bool forms)
    {
        var titles = Standard(products).Select(i => i.Title).ToList();

        Assert.Equal(websak, titles.Contains("[Checklist.Std.WebSakExport.Title]"));
        Assert.Equal(forms, titles.Contains("[Checklist.Std.FormsExport.Title]"));
        Assert.Contains("[Checklist.Std.Vpn.Title]", titles);
    }

    [Fact]
    public void Marking_done_records_who_and_when_and_reopening_clears_it()
    {
        var item = new ChecklistItem { Title = "VPN" };
        var at = new DateTime(2026, 11, 16, 9, 0, 0, DateTimeKind.Utc);

        item.SetStatus(ChecklistStatus.Done, at, "Kari Nordmann");
        item.SetStatus(ChecklistStatus.Done, at.AddHours(1), "Someone else");
        Assert.Equal((ChecklistStatus.Done, at, "Kari Nordmann"), (item.Status, item.DoneUtc!.Value, item.DoneByName!));

        item.SetStatus(ChecklistStatus.Open, at.AddHours(2), "Marte");
        Assert.Equal((ChecklistStatus.Open, (DateTime?)null, (string?)null), (item.Status, item.DoneUtc, item.DoneByName));
    }

    [Fact]
    public void Progress_counts_done_out_of_the_items_that_apply() =>
        Assert.Equal((1, 3), MigrationChecklist.Progress([ChecklistStatus.Done, ChecklistStatus.Open, ChecklistStatus.NotApplicable, ChecklistStatus.Open]));

    private static ProjectHealth Health(params (ResponsibleParty Owner, ChecklistStatus Status, int? DueDays)[] items) =>
        ProjectHealthRule.Compute(Phase.Setup, Today.AddDays(100), [(StepStatus.InProgress, Today.AddDays(5))], Today,
            items.Select(i => (i.Owner, i.Status, i.DueDays is { } d ? Today.AddDays(d) : (DateOnly?)null)));

    [Fact]
    public void A_customer_item_overdue_by_a_week_or_less_puts_the_project_at_risk() =>
        Assert.Equal(ProjectHealth.AtRisk, Health((ResponsibleParty.Customer, ChecklistStatus.Open, -7), (ResponsibleParty.Customer, ChecklistStatus.Open, 3)));

    [Fact]
    public void A_customer_item_overdue_by_more_than_a_week_makes_the_project_late() =>
        Assert.Equal(ProjectHealth.Late, Health((ResponsibleParty.Customer, ChecklistStatus.Open, -8)));

    [Theory]
    [InlineData(ResponsibleParty.Customer, ChecklistStatus.Done)]
    [InlineData(ResponsibleParty.Customer, ChecklistStatus.NotApplicable)]
    [InlineData(ResponsibleParty.Vendor, ChecklistStatus.Open)]
    public void Finished_items_and_the_vendors_items_do_not_count(ResponsibleParty owner, ChecklistStatus status) =>
        Assert.Equal(ProjectHealth.OnTrack, Health((owner, status, -30), (ResponsibleParty.Customer, ChecklistStatus.Open, null)));

    [Fact]
    public void Without_a_checklist_the_steps_alone_decide_as_before()
    {
        Assert.Equal(ProjectHealth.OnTrack, Health());
        Assert.Equal(ProjectHealth.Late, ProjectHealthRule.Compute(Phase.Setup, Today.AddDays(100), [(StepStatus.InProgress, Today.AddDays(-8))], Today));
    }
}
