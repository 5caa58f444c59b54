using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Integration;

/// <summary>The portal with every database command counted against the request that caused it (by a header the test sends).</summary>
public sealed class QueryCountingFactory : PortalFactory
{
    public const string Header = "X-Query-Probe";

    public ConcurrentDictionary<string, int> Counts { get; } = new();

    /// <summary>Each probe's commands as they ran: the SQL and its parameters (for <see cref="QueryPlanTests"/>).</summary>
    public ConcurrentDictionary<string, ConcurrentQueue<RecordedCommand>> Commands { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<SqlitePortalDb>((sp, o) => o.AddInterceptors(new Counter(sp.GetRequiredService<IHttpContextAccessor>(), Counts, Commands)));
            services.ConfigureDbContext<PostgresPortalDb>((sp, o) => o.AddInterceptors(new Counter(sp.GetRequiredService<IHttpContextAccessor>(), Counts, Commands)));
        });
    }

    private sealed class Counter(IHttpContextAccessor accessor, ConcurrentDictionary<string, int> counts, ConcurrentDictionary<string, ConcurrentQueue<RecordedCommand>> commands) : DbCommandInterceptor
    {
        private void Count(DbCommand command)
        {
            if (accessor.HttpContext?.Request.Headers[Header].ToString() is { Length: > 0 } probe)
            {
                counts.AddOrUpdate(probe, 1, (_, n) => n + 1);
                commands.GetOrAdd(probe, _ => new()).Enqueue(new(command.CommandText,
                    command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, p.Value)).ToList()));
            }
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
        {
            Count(command);
            return base.ReaderExecuting(command, eventData, result);
        }
    }
}

/// <summary>A database command as a page ran it.</summary>
public sealed record RecordedCommand(string Sql, IReadOnlyList<(string Name, object? Value)> Parameters);

/// <summary>
/// Each main page runs a fixed number of database commands whatever the amount of data: counted once every list on those
/// pages has grown by dozens of rows, then again after they have grown by as many more (projects in every phase with steps and meetings,
/// offers, leads, customers, users, queue entries, checklist items). A page whose count grows runs a query per row.
/// </summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class QueryCountTests(QueryCountingFactory factory) : IClassFixture<QueryCountingFactory>
{
    private const int Many = 30;

    [Fact]
    public async Task No_main_page_runs_more_queries_when_there_is_more_data()
    {
        var ids = await MainPageIdsAsync(factory);
        var pages = MainPages(ids.Gudbrandsdalen, ids.Alesund);
        var clients = new Dictionary<string, PortalClient>();
        foreach (var login in pages.Select(p => p.Login).Distinct())
        {
            clients[login] = await factory.LoginAsync(login);
        }

        try
        {
            // Grown once first, so every kind of row a page may show (a project in operation, an offer expiring soon) is there.
            await GrowAsync(ids.Gudbrandsdalen, 0);
            var before = await CountAllAsync(pages, clients, "before");
            await GrowAsync(ids.Gudbrandsdalen, 1);
            var after = await CountAllAsync(pages, clients, "after");

            var grown = pages.Select((p, i) => (p, before[i], after[i])).Where(x => x.Item3 != x.Item2)
                .Select(x => $"{x.p.Url} as {x.p.Login}: {x.Item2} queries, then {x.Item3}").ToList();
            Assert.True(grown.Count == 0, string.Join(Environment.NewLine, grown));
            Assert.All(before, n => Assert.InRange(n, 1, 40));
        }
        finally
        {
            foreach (var c in clients.Values)
            {
                c.Dispose();
            }
        }
    }

    /// <summary>The demo projects the main pages show.</summary>
    public static async Task<(int Gudbrandsdalen, int Alesund)> MainPageIdsAsync(PortalFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return await factory.WithDbAsync(async db => (
            await db.Projects.Where(p => p.Name.StartsWith("Gudbrandsdalen")).Select(p => p.Id).SingleAsync(),
            await db.Projects.Where(p => p.Name.StartsWith("Ålesund")).Select(p => p.Id).SingleAsync()));
    }

    /// <summary>The main pages, each as the role that uses it: the ones the load benchmark measures, and their filters.</summary>
    public static (string Login, string Url)[] MainPages(int gudbrandsdalen, int alesund) =>
        [
            (Demo.Lead, "/dashboard"),
            (Demo.Lead, "/dashboard?q=kommune"),
            (Demo.Lead, $"/projects/{gudbrandsdalen}"),
            (Demo.SorFronContact, $"/projects/{gudbrandsdalen}"),
            (Demo.SorFronContact, "/my"),
            (Demo.AlesundContact, "/my"),
            (Demo.AlesundContact, $"/operations/{alesund}/wheel"),
            (Demo.Sales, "/offers"),
            (Demo.Sales, "/leads"),
            (Demo.Admin, "/queue"),
            (Demo.CloudCenter, "/cloud-centre"),
            (Demo.CloudCenter, "/cloud-centre/customers"),
            (Demo.Admin, "/customers?q=kommune"),
            (Demo.Admin, "/admin/users"),
        ];

    /// <summary>Each page's commands, counted on its second request (the first may fill a cache); each must answer 200.</summary>
    private async Task<List<int>> CountAllAsync((string Login, string Url)[] pages, Dictionary<string, PortalClient> clients, string round)
    {
        var counts = new List<int>();
        for (var i = 0; i < pages.Length; i++)
        {
            var (login, url) = pages[i];
            for (var attempt = 0; attempt < 2; attempt++)
            {
                var probe = $"{round}-{i}-{attempt}";
                using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
                request.Headers.Add(QueryCountingFactory.Header, probe);
                using var response = await clients[login].Http.SendAsync(request);
                Assert.True(response.IsSuccessStatusCode, $"{url} as {login} answered {(int)response.StatusCode}");
                await response.Content.ReadAsStringAsync();
                if (attempt == 1)
                {
                    counts.Add(factory.Counts.GetValueOrDefault(probe));
                }
            }
        }

        return counts;
    }

    /// <summary>Dozens more of everything the pages list, tied to the customers and the project the pages show.</summary>
    private Task<int> GrowAsync(int gudbrandsdalen, int round) => factory.WithDbAsync(async db =>
    {
        var today = factory.Today;
        var now = factory.UtcNow;
        var sorFron = await db.Customers.Where(c => c.Name == "Sør-Fron kommune").Select(c => c.Id).SingleAsync();
        var product = await db.Products.OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        var lead = await db.Users.Where(u => u.Email == Demo.Lead).Select(u => u.Id).SingleAsync();
        var position = await db.CloudQueue.MaxAsync(q => (int?)q.Position) ?? 0;

        for (var i = round * Many; i < (round + 1) * Many; i++)
        {
            foreach (var phase in Enum.GetValues<Phase>())
            {
                var customer = new Customer { Name = $"Vekstkommune {phase} {i}", OrgNumber = OrgNumberFor(i * 10 + (int)phase) };
                var project = new Project { Name = $"Vekst {phase} {i:D2}", Phase = phase, LeadUserId = lead, CreatedUtc = now, PlannedGoLive = today.AddDays(60 - i) };
                project.Customers.Add(new ProjectCustomer { Customer = customer });
                project.Customers.Add(new ProjectCustomer { CustomerId = sorFron });
                project.Products.Add(new ProjectProduct { ProductId = product });
                for (var s = 0; s < 12; s++)
                {
                    project.Steps.Add(new Step
                    {
                        Phase = (Phase)(1 + (s % 3)), Title = $"Steg {s}", Status = (StepStatus)(s % 5), Due = today.AddDays(s - 6), SortOrder = s,
                        Responsible = s % 2 == 0 ? ResponsibleParty.Vendor : ResponsibleParty.Customer, AssigneeUserId = s % 3 == 0 ? lead : null,
                    });
                }

                project.Meetings.Add(new Meeting { Kind = MeetingKind.Other, Title = "Statusmøte", StartUtc = now.AddDays(i), EndUtc = now.AddDays(i).AddHours(1) });
                customer.Contacts.Add(new Contact { Name = $"Kontakt {phase} {i}", Email = $"kontakt{(int)phase}-{i}@vekst.example" });
                db.Projects.Add(project);
                if (phase == Phase.Setup)
                {
                    db.CloudQueue.Add(new CloudQueueEntry { Project = project, Position = ++position, QueuedUtc = now.AddHours(-i) });
                }
            }

            var revision = new OfferRevision { Revision = 1, Title = $"Vekst {i}", ValidUntil = today.AddDays(i % 20), CreatedUtc = now, Status = i % 2 == 0 ? OfferStatus.Draft : OfferStatus.Sent };
            revision.Activities.Add(new OfferActivity { Description = "Migrering", Quantity = 1 + i, UnitPrice = 950 });
            revision.YearlyCosts.Add(new OfferYearlyCost { Description = "Drift", AmountPerYear = 12_000 });
            var offer = new Offer { ProjectId = gudbrandsdalen, Number = $"V-{i:D4}", CreatedUtc = now };
            offer.Revisions.Add(revision);
            db.Offers.Add(offer);
            db.Leads.Add(new Lead { CustomerId = sorFron, Source = LeadSource.PublicTender, TenderDeadline = today.AddDays(i), CreatedUtc = now });
            db.Steps.Add(new Step { ProjectId = gudbrandsdalen, Phase = Phase.Setup, Title = $"Ekstra steg {i}", Status = (StepStatus)(i % 5), Due = today.AddDays(i - 10), SortOrder = 100 + i, AssigneeUserId = i % 2 == 0 ? lead : null });
            db.Meetings.Add(new Meeting { ProjectId = gudbrandsdalen, Kind = MeetingKind.Other, Title = $"Arbeidsmøte {i}", StartUtc = now.AddDays(i - 10), EndUtc = now.AddDays(i - 10).AddHours(1) });
            db.ChecklistItems.Add(new ChecklistItem { ProjectId = gudbrandsdalen, Title = $"Sjekkpunkt {i}", Due = today.AddDays(i - 5) });
            db.Users.Add(new PortalUser { UserName = $"vekst{i}@leverandor.example", Email = $"vekst{i}@leverandor.example", DisplayName = $"Vekst {i}" });
        }

        return await db.SaveChangesAsync();
    });

    /// <summary>A valid organisation number (9 and seven digits, with its check digit) no demo customer has.</summary>
    private static string OrgNumberFor(int n)
    {
        for (var i = n; ; i += 7919)
        {
            var first = $"96{i % 1_000_000:D6}";
            if (OrgNumber.CheckDigit(first) is { } check)
            {
                return first + check;
            }
        }
    }
}
