using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;

namespace MigrationPortal.Tests.Offers;

/// <summary>
/// Amounts come in through the money binder: what cannot be read is named by field and row in the user's language and
/// shown back exactly as typed; whatever a row is priced by must be filled in (never a silent 0 or 1); nothing is half-saved.
/// </summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class OfferInputTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private async Task<(PortalClient Sales, int Id, int Version)> DraftAsync()
    {
        var project = await factory.WithDbAsync(db => db.Projects.Where(p => p.Name.StartsWith("Kystverket")).Select(p => p.Id).SingleAsync());
        var sales = await factory.LoginAsync(Demo.Sales);
        var id = await OfferFlowTests.CreateDraftAsync(sales, project);
        return (sales, id, await VersionAsync(id));
    }

    private Task<int> VersionAsync(int id) => factory.WithDbAsync(db => db.OfferRevisions.Where(r => r.Id == id).Select(r => r.Version).SingleAsync());

    private Dictionary<string, string?> Fields(int version) => new()
    {
        ["Version"] = $"{version}", ["Title"] = "Skydrift", ["ValidUntil"] = factory.Today.AddDays(20).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Language"] = "nb-NO",
        ["Activities[0].Description"] = "Kartlegging", ["Activities[0].PriceKind"] = "Unit", ["Activities[0].Quantity"] = "10", ["Activities[0].UnitPrice"] = "1 450,50",
        ["Activities[1].Description"] = "Prosjektledelse", ["Activities[1].PriceKind"] = "Fixed", ["Activities[1].FixedPrice"] = "kr 30 000",
        ["YearlyCosts[0].Description"] = "Drift", ["YearlyCosts[0].AmountPerYear"] = "185 000",
    };

    [Fact]
    public async Task An_unreadable_price_is_named_by_field_and_row_and_shown_back_as_typed_in_both_languages()
    {
        var (sales, id, version) = await DraftAsync();
        using var _ = sales;
        var fields = Fields(version);
        fields["Activities[1].PriceKind"] = "Unit";
        fields["Activities[1].Quantity"] = "2";
        fields["Activities[1].UnitPrice"] = "mange kroner";

        var norwegian = await PortalClient.ParseAsync(await sales.PostFormAsync($"/offers/{id}/edit", fields));
        await sales.PostFormAsync("/culture", new() { ["culture"] = "en", ["returnUrl"] = "/" });
        var english = await PortalClient.ParseAsync(await sales.PostFormAsync($"/offers/{id}/edit", fields));

        Assert.Contains("Enhetspris i rad 2 er ikke et gyldig beløp: «mange kroner».", norwegian.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Unit price in row 2 is not a valid amount: 'mange kroner'.", english.QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("mange kroner", norwegian.QuerySelector("input[name='Activities[1].UnitPrice']")!.GetAttribute("value"));
        Assert.Equal("1 450,50", norwegian.QuerySelector("input[name='Activities[0].UnitPrice']")!.GetAttribute("value"));
        Assert.Equal(version, await VersionAsync(id));
    }

    [Theory]
    [InlineData("Activities[0].Quantity", "Antall i rad 1 må fylles ut.")]
    [InlineData("Activities[0].UnitPrice", "Enhetspris i rad 1 må fylles ut.")]
    [InlineData("Activities[1].FixedPrice", "Fastpris i rad 2 må fylles ut.")]
    [InlineData("YearlyCosts[0].AmountPerYear", "Beløp per år i rad 1 må fylles ut.")]
    public async Task What_a_row_is_priced_by_must_be_filled_in_and_nothing_is_saved_without_it(string field, string message)
    {
        var (sales, id, version) = await DraftAsync();
        using var _ = sales;
        var fields = Fields(version);
        fields[field] = string.Empty;

        var response = await sales.PostFormAsync($"/offers/{id}/edit", fields);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await PortalClient.ParseAsync(response)).QuerySelector("#error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(version, await VersionAsync(id));
    }

    [Fact]
    public async Task Amounts_typed_the_norwegian_way_reach_the_offer_as_decimals()
    {
        var (sales, id, version) = await DraftAsync();
        using var _ = sales;

        var response = await sales.PostFormAsync($"/offers/{id}/edit", Fields(version));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var r = await factory.WithDbAsync(db => db.OfferRevisions.AsNoTracking().Include(x => x.Activities).Include(x => x.YearlyCosts).SingleAsync(x => x.Id == id));
        var rows = r.Activities.OrderBy(a => a.SortOrder).ToList();
        Assert.Equal((10m, 1450.50m), (rows[0].Quantity, rows[0].UnitPrice));
        Assert.Equal(30000m, rows[1].FixedPrice);
        Assert.Equal(185000m, r.YearlyCosts.Single().AmountPerYear);
    }
}
