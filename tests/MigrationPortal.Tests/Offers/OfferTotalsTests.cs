using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Offers;

/// <summary>
/// Each revision's totals are stored in øre so lists sum them in SQL: they equal what the rows add up to after the app
/// saves them, and after the migration computes them for revisions saved before the columns existed.
/// </summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class OfferTotalsTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private Task<List<(int Id, long OneOff, long Yearly, long StoredOneOff, long StoredYearly)>> TotalsAsync() => factory.WithDbAsync(async db =>
        (await db.OfferRevisions.AsNoTracking().Include(r => r.Activities).Include(r => r.YearlyCosts).AsSplitQuery().OrderBy(r => r.Id).ToListAsync())
            .Select(r => (r.Id, OfferRevision.ToOre(r.OneOffTotal), OfferRevision.ToOre(r.YearlyTotal), r.OneOffTotalOre, r.YearlyTotalOre)).ToList());

    [Fact]
    public async Task Stored_totals_are_what_the_rows_add_up_to_after_an_edit()
    {
        var draft = await factory.WithDbAsync(db => db.OfferRevisions.Where(r => r.Status == OfferStatus.Draft).Select(r => new { r.Id, r.Version }).FirstAsync());
        using var sales = await factory.LoginAsync(Demo.Sales);
        var (_, page) = await sales.GetPageAsync($"/offers/{draft.Id}/edit");
        var fields = Input.FormProbe.Fields((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("main form[method=post]")!)
            .ToDictionary(f => f.Name, f => (string?)f.Values[0]);
        fields["Activities[0].PriceKind"] = "Unit";
        fields["Activities[0].Quantity"] = "3";
        fields["Activities[0].UnitPrice"] = "1 234,55";

        var saved = await sales.PostFormAsync($"/offers/{draft.Id}/edit", fields);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, saved.StatusCode);
        var totals = await TotalsAsync();
        Assert.All(totals, t => Assert.Equal((t.OneOff, t.Yearly), (t.StoredOneOff, t.StoredYearly)));
        Assert.Contains(totals, t => t.Id == draft.Id && t.StoredOneOff % 100 == 65); // 3 × 1 234,55 = 3 703,65
        Assert.Contains(totals, t => t.StoredYearly > 0);
    }

    [Theory]
    [InlineData("OfferTotalsStored")]
    [InlineData("OfferPipelineRevision")]
    public async Task The_migration_computes_the_stored_values_of_revisions_saved_before_it(string migration)
    {
        var expected = await TotalsAsync();
        var pipeline = await PipelineAsync();
        Assert.Contains(expected, t => t.OneOff > 0);
        Assert.Contains(pipeline, p => p.Stored);

        await factory.WithDbAsync(async db =>
        {
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var index = migrations.FindIndex(m => m.EndsWith("_" + migration, StringComparison.Ordinal));
            await migrator.MigrateAsync(migrations[index - 1]);
            await migrator.MigrateAsync();
            return 0;
        });

        Assert.Equal(expected, await TotalsAsync());
        Assert.Equal(pipeline, await PipelineAsync());
    }

    [Fact]
    public async Task Each_offer_has_as_its_pipeline_revision_the_newest_sent_or_else_its_draft_after_a_revision()
    {
        var sent = await factory.WithDbAsync(db => db.OfferRevisions.Where(r => r.Status == OfferStatus.Sent).Select(r => r.Id).FirstAsync());
        using var sales = await factory.LoginAsync(Demo.Sales);

        var revised = await sales.PostFormAsync($"/offers/{sent}/revise", []);

        Assert.Equal(System.Net.HttpStatusCode.Redirect, revised.StatusCode);
        var rows = await PipelineAsync();
        Assert.All(rows, r => Assert.Equal(r.Expected, r.Stored));
        Assert.Contains(rows, r => r.Id == sent && r.Stored);
    }

    /// <summary>Each revision's stored pipeline mark beside the rule worked out from all revisions of its offer.</summary>
    private Task<List<(int Id, bool Expected, bool Stored)>> PipelineAsync() => factory.WithDbAsync(async db =>
    {
        var all = await db.OfferRevisions.AsNoTracking().OrderBy(r => r.Id).Select(r => new { r.Id, r.OfferId, r.Revision, r.Status, r.InPipeline }).ToListAsync();
        return all.Select(r =>
        {
            var newestSent = all.Where(x => x.OfferId == r.OfferId && x.Status != OfferStatus.Draft).MaxBy(x => x.Revision);
            return (r.Id, newestSent is null ? r.Status == OfferStatus.Draft : newestSent.Id == r.Id, r.InPipeline);
        }).ToList();
    });
}
