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

    [Fact]
    public async Task The_migration_computes_the_totals_of_revisions_saved_before_it()
    {
        var expected = await TotalsAsync();
        Assert.Contains(expected, t => t.OneOff > 0);

        await factory.WithDbAsync(async db =>
        {
            var migrator = db.GetService<IMigrator>();
            var migrations = db.Database.GetMigrations().ToList();
            var index = migrations.FindIndex(m => m.EndsWith("_OfferTotalsStored", StringComparison.Ordinal));
            await migrator.MigrateAsync(migrations[index - 1]);
            await migrator.MigrateAsync();
            return 0;
        });

        Assert.Equal(expected, await TotalsAsync());
    }
}
