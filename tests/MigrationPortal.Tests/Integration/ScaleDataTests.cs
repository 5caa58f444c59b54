using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MigrationPortal.Scale;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Features.Upgrades;
using MigrationPortal.Web.Features.Wheel;

namespace MigrationPortal.Tests.Integration;

/// <summary>
/// The scale data set generator (benchmarks/MigrationPortal.Scale) at a tiny scale, on the run's provider (MP_TEST_PROVIDER): the
/// counts follow the scale, the rows keep the app's rules, the app's own jobs find nothing left to do, and a seed gives the same
/// data twice. Not in the integration suite: that trait is for the classes on <see cref="PortalFactory"/> (SuiteTests).
/// </summary>
public sealed class ScaleDataTests
{
    private const double Scale = 0.01;

    [Fact]
    public async Task A_tiny_data_set_keeps_the_apps_rules_and_the_same_seed_gives_the_same_data()
    {
        var first = await GenerateAsync(async (db, services) =>
        {
            // Org numbers are valid (first digit 8 or 9, MOD11), and unique.
            var orgNumbers = await db.Customers.Select(c => c.OrgNumber).ToListAsync();
            Assert.All(orgNumbers, n => Assert.True(OrgNumber.IsValid(n), n));
            Assert.Equal(orgNumbers.Count, orgNumbers.Distinct().Count());

            // Every template step comes from a template of one of its project's products.
            var templateKeys = await db.StepTemplates.Select(t => new { t.ProductId, t.Key }).ToListAsync();
            var productsOf = (await db.ProjectProducts.Select(pp => new { pp.ProjectId, pp.ProductId }).ToListAsync()).ToLookup(pp => pp.ProjectId, pp => pp.ProductId);
            var steps = await db.Steps.Where(s => s.TemplateKey != null).Select(s => new { s.ProjectId, s.TemplateKey }).ToListAsync();
            Assert.All(steps, s => Assert.Contains(templateKeys, t => t.Key == s.TemplateKey && productsOf[s.ProjectId].Contains(t.ProductId)));

            // Every sent revision has its PDF; every generated project after intake has its accepted offer and its acceptance
            // (the demo's own projects, made at "now", tell a shorter story).
            Assert.False(await db.OfferRevisions.AnyAsync(r => r.Status != OfferStatus.Draft && r.PdfContent == null));
            var generated = await db.Projects.Where(p => p.Phase != Phase.Intake && p.CreatedUtc < ScaleOptions.Now.UtcDateTime).Select(p => p.Id).ToListAsync();
            Assert.NotEmpty(generated);
            Assert.False(await db.Projects.AnyAsync(p => generated.Contains(p.Id) && !db.Offers.Any(o => o.ProjectId == p.Id && o.Revisions.Any(r => r.Status == OfferStatus.Accepted))));
            Assert.False(await db.Projects.AnyAsync(p => generated.Contains(p.Id) && !db.PhaseTransitions.Any(t => t.ProjectId == p.Id && t.Kind == PhaseTransitionKind.Acceptance)));

            // The app's own jobs, at the data set's "now", have nothing left to plan or notify.
            await using var scope = services.CreateAsyncScope();
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AnnualWheelJob>().PlanAsync(CancellationToken.None));
            var notices = await db.UpgradeNotices.CountAsync();
            Assert.True(notices > 0);
            await scope.ServiceProvider.GetRequiredService<UpgradeNoticesJob>().RunAsync(CancellationToken.None);
            Assert.Equal(notices, await db.UpgradeNotices.CountAsync());

            // Generated customer logins sign in with the demo password.
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var login = await db.Contacts.Where(c => c.UserId != null && !DemoData.CustomerLogins.Contains(c.Email)).Select(c => c.UserId!).FirstAsync();
            Assert.True(await users.CheckPasswordAsync((await users.FindByIdAsync(login))!, DemoData.DemoPassword));
        });

        // The counts follow the scale (totals of issue 10 times 0.01, the demo's rows included).
        Assert.Equal(20, first.Counts["Customers"]);
        Assert.Equal(51, first.Counts["Contacts"]);
        Assert.Equal(60, first.Counts["Projects"]);
        Assert.Equal(2000, first.Counts["AuditEntries"]);
        Assert.InRange(first.Counts["Steps"], 1800, 2300);
        Assert.InRange(first.Counts["Offers"], 68, 92);
        Assert.InRange(first.Counts["Meetings"], 240, 360);
        Assert.InRange(first.Counts["Outbox"], 150, 200);
        Assert.InRange(first.Counts["ProjectsInOperation"], 15, 20);
        Assert.Equal(300, first.LongProject.Steps);
        Assert.Equal(ScaleGenerator.LongProjectName, first.LongProject.Name);
        Assert.True(first.CustomerLogin.Projects > 1);

        var second = await GenerateAsync((_, _) => Task.CompletedTask);
        Assert.Equal(first.Fingerprint, second.Fingerprint);
        Assert.Equal(first.Counts, second.Counts);
    }

    private static async Task<ScaleResult> GenerateAsync(Func<PortalDb, IServiceProvider, Task> check)
    {
        var database = TestDatabase.ForTestRun();
        await database.CreateAsync();
        var json = Path.Combine(Path.GetTempPath(), "mp-tests", $"scale-{Guid.NewGuid():N}.json");
        var work = Path.Combine(Path.GetTempPath(), "mp-tests", $"scale-{Guid.NewGuid():N}");
        Directory.CreateDirectory(work);
        try
        {
            var file = database.Provider == DatabaseProvider.Sqlite ? database.ConnectionString["Data Source=".Length..] : null;
            var result = await ScaleGenerator.RunAsync(
                new ScaleOptions { Provider = database.Provider, ConnectionString = database.ConnectionString, SqliteFile = file, JsonFile = json, Seed = 7, Scale = Scale },
                TextWriter.Null);
            Assert.True(File.Exists(json));
            await using var app = ScaleHost.Build(database.Provider, database.ConnectionString, new FakeTimeProvider(ScaleOptions.Now), work);
            await using var scope = app.Services.CreateAsyncScope();
            await check(scope.ServiceProvider.GetRequiredService<PortalDb>(), app.Services);
            return result;
        }
        finally
        {
            File.Delete(json);
            Directory.Delete(work, recursive: true);
            await database.DropAsync();
        }
    }
}
