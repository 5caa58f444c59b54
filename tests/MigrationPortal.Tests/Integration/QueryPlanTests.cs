using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Data;

namespace MigrationPortal.Tests.Integration;

/// <summary>
/// Every command the main pages run reads the tables that grow with the customer base through an index: the database's
/// own plan for each command (SQLite's <c>EXPLAIN QUERY PLAN</c>; PostgreSQL's <c>EXPLAIN</c> with sequential scans
/// priced out, so that an index is used whenever one can serve) shows no full scan of such a table.
/// </summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed partial class QueryPlanTests(QueryCountingFactory factory) : IClassFixture<QueryCountingFactory>
{
    /// <summary>The tables whose rows grow with customers, projects and time (not products, templates or settings).</summary>
    private static readonly HashSet<string> Growing = new(StringComparer.Ordinal)
    {
        "Customers", "Contacts", "Projects", "ProjectCustomers", "ProjectProducts", "CustomerProducts", "Steps", "StepDependencies",
        "Meetings", "MeetingParticipants", "MeetingRequests", "AuditEntries", "Offers", "OfferRevisions", "OfferActivities",
        "OfferYearlyCosts", "CloudQueue", "Leads", "Questionnaires", "PhaseTransitions", "PlanVersions", "SignedContracts",
        "ChecklistItems", "Comments", "TestEnvironments", "TestFindings", "TrainingSessions", "Outbox", "UpgradeNotices",
        "UpgradeAcknowledgements", "CustomerUpgrades", "EventInvitations", "EventRegistrations", "UserSessions", "SecurityEvents",
        "AspNetUsers", "AspNetUserRoles", "AspNetUserClaims",
    };

    /// <summary>
    /// The scans that are known and why each stays: a substring search, which no index serves, and reads whose whole
    /// scan was measured cheap at scale (docs/performance.md). Anything else that scans a growing table fails the test.
    /// </summary>
    private static readonly (string Url, string Table, string Why)[] Known =
    [
        ("/dashboard?q=", "Projects", "a substring search (instr on the folded text): no index serves it"),
        ("/dashboard?q=", "ProjectCustomers", "the same search through the projects' customers"),
        ("/customers?q=", "Customers", "a substring search (instr on the folded text): no index serves it"),
        ("/dashboard", "Projects", "ordered by phase rank, an expression no index serves: every project's id is read and sorted (under 100 ms p95 at 6,000 projects)"),
        ("/dashboard", "AspNetUsers", "the lead filter's choices: the users who lead a project"),
        ("/my", "Projects", "a customer's projects through EXISTS on the link table; SQLite walks the projects and looks each up"),
        ("/operations/", "Projects", "the same customer's-projects filter, for the wheel's project header"),
        ("/cloud-centre", "UpgradeNotices", "the unacknowledged notices are an anti-join: counting them reads every notice"),
    ];

    [Fact]
    public async Task No_main_page_scans_a_growing_table_from_end_to_end()
    {
        var ids = await QueryCountTests.MainPageIdsAsync(factory);
        var pages = QueryCountTests.MainPages(ids.Gudbrandsdalen, ids.Alesund);
        var scans = new List<string>();
        var planned = 0;
        foreach (var (login, url) in pages)
        {
            using var client = await factory.LoginAsync(login);
            var probe = $"plan-{login}-{url}";
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
            request.Headers.Add(QueryCountingFactory.Header, probe);
            using var response = await client.Http.SendAsync(request);
            Assert.True(response.IsSuccessStatusCode, $"{url} as {login} answered {(int)response.StatusCode}");

            foreach (var command in (factory.Commands.GetValueOrDefault(probe) ?? []).DistinctBy(c => c.Sql + string.Join('|', c.Parameters.Select(p => $"{p.Name}={p.Value}"))))
            {
                if (!command.Sql.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                planned++;
                foreach (var table in await FullScansAsync(command))
                {
                    if (Known.Any(k => url.StartsWith(k.Url, StringComparison.Ordinal) && table.StartsWith(k.Table + " ", StringComparison.Ordinal)))
                    {
                        continue;
                    }

                    scans.Add($"{url} as {login}: {table} in {command.Sql.ReplaceLineEndings(" ")}");
                }
            }
        }

        Assert.True(planned > pages.Length, $"only {planned} commands were planned: the probe did not record the pages' reads");
        Assert.True(scans.Count == 0, string.Join(Environment.NewLine + Environment.NewLine, scans.Distinct()));
    }

    /// <summary>The growing tables the command's plan reads from end to end.</summary>
    private Task<List<string>> FullScansAsync(RecordedCommand command) => factory.WithDbAsync(async db =>
    {
        var aliases = TableAlias().Matches(command.Sql).ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value, StringComparer.Ordinal);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var sqlite = db is SqlitePortalDb;
        if (!sqlite)
        {
            await ExecuteAsync(connection, transaction, "SET LOCAL enable_seqscan = off");
        }

        await using var explain = connection.CreateCommand();
        explain.Transaction = transaction;
        explain.CommandText = (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.Sql;
        foreach (var (name, value) in command.Parameters)
        {
            var p = explain.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            explain.Parameters.Add(p);
        }

        var found = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                var line = reader.GetString(sqlite ? 3 : 0);
                var scanned = sqlite ? SqliteFullScan().Match(line) : PostgresSeqScan().Match(line);
                if (scanned.Success)
                {
                    var name = scanned.Groups[1].Value;
                    var table = aliases.GetValueOrDefault(name, name);
                    if (Growing.Contains(table))
                    {
                        found.Add($"{table} ({line.Trim()})");
                    }
                }
            }
        }

        await transaction.RollbackAsync();
        return found;
    });

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary><c>FROM "Projects" AS "p"</c> or <c>JOIN "Steps" AS "s"</c>: the table behind an alias.</summary>
    [GeneratedRegex("\"(\\w+)\" AS \"(\\w+)\"")]
    private static partial Regex TableAlias();

    /// <summary>SQLite's plan line for reading a whole table: <c>SCAN p</c> (with an index it says <c>USING</c>).</summary>
    [GeneratedRegex(@"^SCAN (\w+)$")]
    private static partial Regex SqliteFullScan();

    /// <summary>PostgreSQL's plan line for reading a whole table: <c>Seq Scan on "Projects" p</c>.</summary>
    [GeneratedRegex("Seq Scan on \"?(\\w+)\"?")]
    private static partial Regex PostgresSeqScan();
}
