using System.Data.Common;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Localization;

namespace MigrationPortal.Load;

/// <summary>
/// The ceiling (issue 10, item 3): a minimal Kestrel endpoint in the benchmark's own process that reads the rows the
/// dashboard and the project page show with plain ADO.NET (the statements EF Core runs for them, as few and as narrow as
/// the page allows) and writes the same content as HTML without the layout, the session, the access checks or Razor. A page's
/// throughput divided by its ceiling's is comparable between machines.
/// </summary>
public sealed class Ceiling : IAsyncDisposable
{
    private const int PageSize = 20;
    private static readonly CultureInfo Norwegian = CultureInfo.GetCultureInfo("nb-NO");
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly WebApplication app;

    private Ceiling(WebApplication app, Uri baseUri)
    {
        this.app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public static async Task<Ceiling> StartAsync(DataSet data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.MapGet("/ceiling/dashboard", async (HttpContext http) => await WriteAsync(http, await DashboardAsync(data, http.RequestAborted)));
        app.MapGet("/ceiling/projects/{id:int}", async (int id, HttpContext http) => await WriteAsync(http, await ProjectAsync(data, id, http.RequestAborted)));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Ceiling(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static async Task WriteAsync(HttpContext http, string? html)
    {
        if (html is null)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(html, http.RequestAborted);
    }

    /// <summary>The dashboard's first page, unfiltered: counts per phase, 20 projects in phase order with their customers,
    /// products, lead, next milestone and health (from their steps and checklist items), the product and lead filters.</summary>
    public static async Task<string> DashboardAsync(DataSet data, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(data);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Norwegian; // as the portal renders for a Bokmål user
        var today = Display.TodayInOslo(TimeProvider.System);
        await using var c = data.Connection();
        await c.OpenAsync(ct);
        var byPhase = new Dictionary<Phase, int>();
        await foreach (var r in QueryAsync(c, "SELECT \"Phase\", COUNT(*) FROM \"Projects\" GROUP BY \"Phase\"", [], ct))
        {
            byPhase[Enum.Parse<Phase>(r.GetString(0))] = Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture);
        }

        var total = byPhase.Values.Sum();
        var rows = new List<(int Id, string Name, Phase Phase, DateOnly? GoLive, string? Lead)>();
        await foreach (var r in QueryAsync(c,
            "SELECT p.\"Id\", p.\"Name\", p.\"Phase\", p.\"PlannedGoLive\", u.\"DisplayName\" FROM \"Projects\" p LEFT JOIN \"AspNetUsers\" u ON u.\"Id\" = p.\"LeadUserId\" " +
            "ORDER BY CASE p.\"Phase\" WHEN 'Intake' THEN 1 WHEN 'Setup' THEN 2 WHEN 'GoLive' THEN 3 ELSE 4 END, p.\"Name\", p.\"Id\" LIMIT @take", [("take", PageSize)], ct))
        {
            rows.Add((r.GetInt32(0), r.GetString(1), Enum.Parse<Phase>(r.GetString(2)), DateOrNull(r, 3), r.IsDBNull(4) ? null : r.GetString(4)));
        }

        var ids = rows.Select(r => r.Id).ToList();
        var customers = await NamesAsync(c, "SELECT pc.\"ProjectId\", x.\"Name\" FROM \"ProjectCustomers\" pc JOIN \"Customers\" x ON x.\"Id\" = pc.\"CustomerId\" WHERE pc.\"ProjectId\" IN ({0}) ORDER BY x.\"Name\"", ids, ct);
        var products = await NamesAsync(c, "SELECT pp.\"ProjectId\", x.\"Name\" FROM \"ProjectProducts\" pp JOIN \"Products\" x ON x.\"Id\" = pp.\"ProductId\" WHERE pp.\"ProjectId\" IN ({0}) ORDER BY x.\"Name\"", ids, ct);
        var steps = new List<(int ProjectId, StepStatus Status, DateOnly? Due, string Title)>();
        await foreach (var r in QueryAsync(c, InList("SELECT \"ProjectId\", \"Status\", \"Due\", \"Title\" FROM \"Steps\" WHERE \"ProjectId\" IN ({0})", ids), IdParameters(ids), ct))
        {
            steps.Add((r.GetInt32(0), Enum.Parse<StepStatus>(r.GetString(1)), DateOrNull(r, 2), r.GetString(3)));
        }

        var checklist = await ChecklistAsync(c, ids, ct);
        var productList = new List<(int, string)>();
        await foreach (var r in QueryAsync(c, "SELECT \"Id\", \"Name\" FROM \"Products\" ORDER BY \"Name\"", [], ct))
        {
            productList.Add((r.GetInt32(0), r.GetString(1)));
        }

        var leads = new List<(string, string)>();
        await foreach (var r in QueryAsync(c, "SELECT DISTINCT u.\"Id\", u.\"DisplayName\" FROM \"Projects\" p JOIN \"AspNetUsers\" u ON u.\"Id\" = p.\"LeadUserId\" ORDER BY u.\"DisplayName\"", [], ct))
        {
            leads.Add((r.GetString(0), r.GetString(1)));
        }

        var stepsOf = steps.ToLookup(s => s.ProjectId);
        var checklistOf = checklist.ToLookup(s => s.ProjectId);
        var h = new StringBuilder(16 * 1024);
        h.Append("<!DOCTYPE html><html lang=\"nb\"><head><meta charset=\"utf-8\"><title>Prosjekter</title></head><body><main><h1>Prosjekter</h1><nav><ul>");
        foreach (var (phase, count) in byPhase.OrderBy(p => p.Key))
        {
            h.Append("<li><a href=\"/dashboard?phase=").Append(phase).Append("\">").Append(phase).Append(" (").Append(count).Append(")</a></li>");
        }

        h.Append("</ul></nav><form method=\"get\"><select name=\"product\"><option value=\"\">Alle</option>");
        foreach (var (id, name) in productList)
        {
            h.Append("<option value=\"").Append(id).Append("\">").Append(Html.Encode(name)).Append("</option>");
        }

        h.Append("</select><select name=\"lead\"><option value=\"\">Alle</option>");
        foreach (var (id, name) in leads)
        {
            h.Append("<option value=\"").Append(Html.Encode(id)).Append("\">").Append(Html.Encode(name)).Append("</option>");
        }

        h.Append("</select><input name=\"q\"><button>Søk</button></form><table><thead><tr><th>Prosjekt</th><th>Fase</th><th>Status</th><th>Kunder</th><th>Produkter</th><th>Prosjektleder</th><th>Neste milepæl</th></tr></thead><tbody>");
        foreach (var p in rows)
        {
            var mine = stepsOf[p.Id].ToList();
            var health = ProjectHealthRule.Compute(p.Phase, p.GoLive, mine.Select(s => (s.Status, s.Due)), today, checklistOf[p.Id].Select(x => (x.Owner, x.Status, x.Due)));
            var next = mine.Where(s => Step.IsOpenStatus(s.Status) && s.Due != null).OrderBy(s => s.Due).FirstOrDefault();
            h.Append("<tr><td><a href=\"/projects/").Append(p.Id).Append("\">").Append(Html.Encode(p.Name)).Append("</a></td><td>").Append(p.Phase)
                .Append("</td><td><span class=\"badge\">").Append(health).Append("</span></td><td>").Append(Html.Encode(string.Join(", ", customers[p.Id])))
                .Append("</td><td>").Append(Html.Encode(string.Join(", ", products[p.Id]))).Append("</td><td>").Append(Html.Encode(p.Lead ?? "–")).Append("</td><td>");
            if (next.Title is not null)
            {
                h.Append(Html.Encode(next.Title)).Append(" (").Append(Display.Date(next.Due)).Append(')');
            }

            h.Append("</td></tr>");
        }

        h.Append("</tbody></table><p>").Append(total).Append(" prosjekter, side 1 av ").Append(Math.Max(1, (total + PageSize - 1) / PageSize)).Append("</p></main></body></html>");
        return h.ToString();
    }

    /// <summary>The project page as staff see it: the project and its lead, customers, products, every step with its
    /// assignee, phase progress, health, meetings and (in setup) the queue place.</summary>
    public static async Task<string?> ProjectAsync(DataSet data, int id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(data);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Norwegian; // as the portal renders for a Bokmål user
        var today = Display.TodayInOslo(TimeProvider.System);
        await using var c = data.Connection();
        await c.OpenAsync(ct);
        (string Name, Phase Phase, string Status, DateOnly? Start, DateOnly? GoLive, string? Lead, string? Email, string? Phone)? project = null;
        await foreach (var r in QueryAsync(c,
            "SELECT p.\"Name\", p.\"Phase\", p.\"Status\", p.\"PlannedStart\", p.\"PlannedGoLive\", u.\"DisplayName\", u.\"Email\", u.\"PhoneNumber\" " +
            "FROM \"Projects\" p LEFT JOIN \"AspNetUsers\" u ON u.\"Id\" = p.\"LeadUserId\" WHERE p.\"Id\" = @id", [("id", id)], ct))
        {
            project = (r.GetString(0), Enum.Parse<Phase>(r.GetString(1)), r.GetString(2), DateOrNull(r, 3), DateOrNull(r, 4), Text(r, 5), Text(r, 6), Text(r, 7));
        }

        if (project is not { } p)
        {
            return null;
        }

        var customers = new List<(int Id, string Name, string Org)>();
        await foreach (var r in QueryAsync(c, "SELECT x.\"Id\", x.\"Name\", x.\"OrgNumber\" FROM \"ProjectCustomers\" pc JOIN \"Customers\" x ON x.\"Id\" = pc.\"CustomerId\" WHERE pc.\"ProjectId\" = @id ORDER BY x.\"Name\"", [("id", id)], ct))
        {
            customers.Add((r.GetInt32(0), r.GetString(1), r.GetString(2)));
        }

        var products = (await NamesAsync(c, "SELECT pp.\"ProjectId\", x.\"Name\" FROM \"ProjectProducts\" pp JOIN \"Products\" x ON x.\"Id\" = pp.\"ProductId\" WHERE pp.\"ProjectId\" IN ({0}) ORDER BY x.\"Name\"", [id], ct))[id].ToList();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var r in QueryAsync(c, "SELECT \"Id\", \"DisplayName\" FROM \"AspNetUsers\" WHERE \"CustomerId\" IS NULL", [], ct))
        {
            names[r.GetString(0)] = r.GetString(1);
        }

        var steps = new List<(int Id, Phase Phase, string Title, string? Description, StepStatus Status, string Responsible, string? Assignee, DateOnly? Start, DateOnly? Due, bool Visible)>();
        await foreach (var r in QueryAsync(c,
            "SELECT \"Id\", \"Phase\", \"Title\", \"Description\", \"Status\", \"Responsible\", \"AssigneeUserId\", \"PlannedStart\", \"Due\", \"CustomerVisible\" FROM \"Steps\" WHERE \"ProjectId\" = @id ORDER BY \"Phase\", \"SortOrder\"",
            [("id", id)], ct))
        {
            steps.Add((r.GetInt32(0), Enum.Parse<Phase>(r.GetString(1)), r.GetString(2), Text(r, 3), Enum.Parse<StepStatus>(r.GetString(4)), r.GetString(5), Text(r, 6), DateOrNull(r, 7), DateOrNull(r, 8), r.GetBoolean(9)));
        }

        var checklist = await ChecklistAsync(c, [id], ct);
        var health = ProjectHealthRule.Compute(p.Phase, p.GoLive, steps.Select(s => (s.Status, s.Due)), today, checklist.Select(x => (x.Owner, x.Status, x.Due)));
        var phases = PhaseProgress.Of(p.Phase, steps.Select(s => (s.Phase, s.Status)).ToList());
        var meetings = new List<(int Id, string Kind, string Title, DateTime Start, DateTime End, string? Location, bool Visible)>();
        await foreach (var r in QueryAsync(c, "SELECT \"Id\", \"Kind\", \"Title\", \"StartUtc\", \"EndUtc\", \"Location\", \"CustomerVisible\" FROM \"Meetings\" WHERE \"ProjectId\" = @id ORDER BY \"StartUtc\"", [("id", id)], ct))
        {
            meetings.Add((r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetDateTime(3), r.GetDateTime(4), Text(r, 5), r.GetBoolean(6)));
        }

        int? place = null;
        if (p.Phase == Phase.Setup)
        {
            var rank = 0;
            await foreach (var r in QueryAsync(c, "SELECT \"ProjectId\" FROM \"CloudQueue\" WHERE \"StartedUtc\" IS NULL ORDER BY \"Position\", \"QueuedUtc\"", [], ct))
            {
                rank++;
                if (r.GetInt32(0) == id)
                {
                    place = rank;
                }
            }
        }

        var h = new StringBuilder(64 * 1024);
        h.Append("<!DOCTYPE html><html lang=\"nb\"><head><meta charset=\"utf-8\"><title>").Append(Html.Encode(p.Name)).Append("</title></head><body><main><h1>")
            .Append(Html.Encode(p.Name)).Append("</h1><dl><dt>Fase</dt><dd>").Append(p.Phase).Append("</dd><dt>Status</dt><dd>").Append(p.Status)
            .Append("</dd><dt>Helse</dt><dd>").Append(health).Append("</dd><dt>Planlagt start</dt><dd>").Append(Display.Date(p.Start))
            .Append("</dd><dt>Planlagt produksjon</dt><dd>").Append(Display.Date(p.GoLive)).Append("</dd><dt>Prosjektleder</dt><dd>")
            .Append(Html.Encode(p.Lead ?? "–")).Append(' ').Append(Html.Encode(p.Email ?? string.Empty)).Append(' ').Append(Html.Encode(p.Phone ?? string.Empty)).Append("</dd>");
        if (place is { } q)
        {
            h.Append("<dt>Plass i køen</dt><dd>").Append(q).Append("</dd>");
        }

        h.Append("</dl><h2>Kunder</h2><ul>");
        foreach (var x in customers)
        {
            h.Append("<li><a href=\"/customers/").Append(x.Id).Append("\">").Append(Html.Encode(x.Name)).Append("</a> ").Append(OrgNumber.Format(x.Org)).Append("</li>");
        }

        h.Append("</ul><h2>Produkter</h2><p>").Append(Html.Encode(string.Join(", ", products))).Append("</p><ol>");
        foreach (var ph in phases)
        {
            h.Append("<li>").Append(ph.Phase).Append(": ").Append(ph.Done).Append(" / ").Append(ph.Total).Append("</li>");
        }

        h.Append("</ol><h2>Aktiviteter</h2><table><thead><tr><th>Aktivitet</th><th>Status</th><th>Ansvarlig</th><th>Tildelt</th><th>Start</th><th>Frist</th><th></th></tr></thead><tbody>");
        foreach (var s in steps)
        {
            h.Append("<tr id=\"step-").Append(s.Id).Append("\"><td>").Append(Html.Encode(s.Title));
            if (s.Description is { } d)
            {
                h.Append("<div class=\"small\">").Append(Html.Encode(d)).Append("</div>");
            }

            h.Append("</td><td>").Append(s.Status).Append(Step.IsOpenStatus(s.Status) && s.Due < today ? " (forsinket)" : string.Empty).Append("</td><td>").Append(s.Responsible)
                .Append("</td><td>").Append(Html.Encode(s.Assignee is { } a && names.TryGetValue(a, out var n) ? n : "–")).Append("</td><td>").Append(Display.Date(s.Start))
                .Append("</td><td>").Append(Display.Date(s.Due)).Append("</td><td>").Append(s.Visible ? string.Empty : "Intern")
                .Append(" <a href=\"/projects/").Append(id).Append("/steps/").Append(s.Id).Append("/edit\">Endre</a></td></tr>");
        }

        h.Append("</tbody></table><h2>Møter</h2><ul>");
        foreach (var m in meetings)
        {
            h.Append("<li><a href=\"/projects/").Append(id).Append("/meetings/").Append(m.Id).Append("\">").Append(Html.Encode(m.Title)).Append("</a> ")
                .Append(m.Kind).Append(' ').Append(Display.DateTimeUtc(m.Start)).Append('–').Append(Display.DateTimeUtc(m.End)).Append(' ').Append(Html.Encode(m.Location ?? string.Empty)).Append("</li>");
        }

        h.Append("</ul></main></body></html>");
        return h.ToString();
    }

    private static async Task<List<(int ProjectId, ResponsibleParty Owner, ChecklistStatus Status, DateOnly? Due)>> ChecklistAsync(DbConnection c, List<int> ids, CancellationToken ct)
    {
        var list = new List<(int, ResponsibleParty, ChecklistStatus, DateOnly?)>();
        if (ids.Count == 0)
        {
            return list;
        }

        await foreach (var r in QueryAsync(c, InList("SELECT \"ProjectId\", \"Owner\", \"Status\", \"Due\" FROM \"ChecklistItems\" WHERE \"ProjectId\" IN ({0})", ids), IdParameters(ids), ct))
        {
            list.Add((r.GetInt32(0), Enum.Parse<ResponsibleParty>(r.GetString(1)), Enum.Parse<ChecklistStatus>(r.GetString(2)), DateOrNull(r, 3)));
        }

        return list;
    }

    private static async Task<ILookup<int, string>> NamesAsync(DbConnection c, string sql, List<int> ids, CancellationToken ct)
    {
        var list = new List<(int, string)>();
        if (ids.Count > 0)
        {
            await foreach (var r in QueryAsync(c, InList(sql, ids), IdParameters(ids), ct))
            {
                list.Add((r.GetInt32(0), r.GetString(1)));
            }
        }

        return list.ToLookup(x => x.Item1, x => x.Item2);
    }

    private static string InList(string sql, List<int> ids) => string.Format(CultureInfo.InvariantCulture, sql, string.Join(", ", ids.Select((_, i) => $"@p{i}")));

    private static (string, object)[] IdParameters(List<int> ids) => [.. ids.Select((id, i) => ($"p{i}", (object)id))];

    private static async IAsyncEnumerable<DbDataReader> QueryAsync(DbConnection c, string sql, (string Name, object Value)[] parameters, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = cmd.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            cmd.Parameters.Add(parameter);
        }

        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            yield return reader;
        }
    }

    private static string? Text(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateOnly? DateOrNull(DbDataReader r, int i) => r.IsDBNull(i) ? null : r.GetFieldValue<DateOnly>(i);
}
