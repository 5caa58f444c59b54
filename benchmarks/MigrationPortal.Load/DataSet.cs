using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace MigrationPortal.Load;

public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The database a run measures: a copy of the one given (a SQLite file through the online backup API, or a PostgreSQL
/// database made from the given one as a template), so no run changes its source; and the ids the targets need.
/// </summary>
public sealed class DataSet : IAsyncDisposable
{
    private static readonly string[] CountedTables =
        ["Customers", "Contacts", "AspNetUsers", "Projects", "Steps", "Meetings", "Offers", "OfferRevisions", "OfferActivities", "AuditEntries", "Outbox", "ChecklistItems", "UpgradeNotices"];

    private readonly string? postgresAdmin;
    private readonly string? postgresCopyName;

    private DataSet(Provider provider, string source, string connectionString, string? postgresAdmin, string? postgresCopyName)
    {
        Provider = provider;
        Source = source;
        ConnectionString = connectionString;
        this.postgresAdmin = postgresAdmin;
        this.postgresCopyName = postgresCopyName;
    }

    public Provider Provider { get; }

    /// <summary>What was copied: the file, or the database name.</summary>
    public string Source { get; }

    /// <summary>The copy's connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>The copy's key ring was made with another certificate: its keys are deleted so the server makes its own.</summary>
    public static async Task<DataSet> CopyAsync(Provider provider, string source, string workDir, string tag)
    {
        DataSet set;
        if (provider == Provider.Sqlite)
        {
            if (!File.Exists(source))
            {
                throw new FileNotFoundException($"No SQLite database at {source}.", source);
            }

            var copy = Path.Combine(workDir, $"{tag}.db");
            await using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            await using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = copy, Pooling = false }.ToString()))
            {
                await from.OpenAsync();
                await to.OpenAsync();
                from.BackupDatabase(to);
            }

            set = new DataSet(provider, Path.GetFullPath(source), new SqliteConnectionStringBuilder { DataSource = copy }.ToString(), null, null);
            await set.ExecuteAsync("PRAGMA journal_mode=WAL;");
        }
        else
        {
            var builder = new NpgsqlConnectionStringBuilder(source);
            var sourceName = builder.Database ?? throw new ArgumentException("The PostgreSQL connection string names no database.", nameof(source));
            var copyName = $"{sourceName}_load_{tag}".ToLowerInvariant();
            var admin = new NpgsqlConnectionStringBuilder(source) { Database = "postgres", Pooling = false }.ToString();
            await using (var c = new NpgsqlConnection(admin))
            {
                await c.OpenAsync();
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{copyName}\" WITH (FORCE)", c);
                await drop.ExecuteNonQueryAsync();

                // A template copy needs the source without other sessions (PostgreSQL refuses otherwise, and says so).
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{copyName}\" TEMPLATE \"{sourceName}\"", c);
                create.CommandTimeout = 600;
                await create.ExecuteNonQueryAsync();
            }

            builder.Database = copyName;
            set = new DataSet(provider, sourceName, builder.ToString(), admin, copyName);
        }

        await set.ExecuteAsync("DELETE FROM \"DataProtectionKeys\"");
        return set;
    }

    public DbConnection Connection() => Provider == Provider.Sqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);

    public async Task<int> ExecuteAsync(string sql)
    {
        await using var c = Connection();
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 600;
        return await cmd.ExecuteNonQueryAsync();
    }

    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var c = Connection();
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        var value = await cmd.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>Rows per table of interest (tables that do not exist are left out).</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountsAsync()
    {
        var counts = new Dictionary<string, long>();
        foreach (var table in CountedTables)
        {
            try
            {
                counts[table] = await ScalarAsync<long>($"SELECT COUNT(*) FROM \"{table}\"");
            }
            catch (DbException)
            {
                // Not in this schema.
            }
        }

        counts["Projects in operation"] = await ScalarAsync<long>("SELECT COUNT(*) FROM \"Projects\" WHERE \"Phase\" = 'Operations' AND \"Status\" = 'Active'");
        return counts;
    }

    /// <summary>
    /// The ids from the generator's JSON file where it names them (the generator's nested names, or flat ones; see README.md),
    /// the rest found by query:
    /// the project with the most steps, the draft revision with the most activities (a draft: only drafts are rendered per
    /// request), the project in operation with the most meetings, the customer login whose organisation has the most
    /// projects, and the first word of the middle customer's name.
    /// </summary>
    public async Task<DataSetIds> IdsAsync(string? jsonFile)
    {
        JsonElement? json = null;
        if (jsonFile is not null && File.Exists(jsonFile))
        {
            json = JsonDocument.Parse(await File.ReadAllTextAsync(jsonFile)).RootElement;
        }

        var fromJson = new List<string>();
        var notes = new List<string>();
        int? Int(params string[] keys) => Find(json, keys) is { } e && (e.ValueKind == JsonValueKind.Number || int.TryParse(e.GetString(), CultureInfo.InvariantCulture, out _))
            ? Note(keys[0], e.ValueKind == JsonValueKind.Number ? e.GetInt32() : int.Parse(e.GetString()!, CultureInfo.InvariantCulture)) : null;
        string? Text(params string[] keys) => Find(json, keys) is { ValueKind: JsonValueKind.String } e ? Note(keys[0], e.GetString()!) : null;
        T Note<T>(string key, T value)
        {
            fromJson.Add(key);
            return value;
        }

        var project = Int("longProject.id", "projectId", "project300Id")
            ?? await ScalarAsync<int>("SELECT \"ProjectId\" FROM \"Steps\" GROUP BY \"ProjectId\" ORDER BY COUNT(*) DESC, \"ProjectId\" LIMIT 1");
        var steps = await ScalarAsync<int>($"SELECT COUNT(*) FROM \"Steps\" WHERE \"ProjectId\" = {project}");

        // Only a draft is rendered per request (a sent revision is served as its stored bytes): a sent one named in the file
        // gives way to a draft of the same offer, or else is made a draft again on the copy (its content, so its pages, unchanged;
        // no stored PDF, sending or acceptance, as a draft has none).
        var revision = Int("threePageOffer.revisionId", "offerRevisionId", "draftRevisionId");
        if (revision is { } named && await ScalarAsync<string>($"SELECT \"Status\" FROM \"OfferRevisions\" WHERE \"Id\" = {named}") is { } status and not "Draft")
        {
            revision = await ScalarAsync<int?>($"SELECT d.\"Id\" FROM \"OfferRevisions\" d JOIN \"OfferRevisions\" s ON s.\"OfferId\" = d.\"OfferId\" WHERE s.\"Id\" = {named} AND d.\"Status\" = 'Draft' ORDER BY d.\"Revision\" DESC LIMIT 1");
            if (revision is { } draft)
            {
                notes.Add($"offer revision {named} is {status} (served as stored bytes, never rendered): its offer's draft {draft} is measured");
            }
            else
            {
                await ExecuteAsync($"UPDATE \"OfferRevisions\" SET \"Status\" = 'Draft', \"SentUtc\" = NULL, \"PdfContent\" = NULL, \"PdfSha256\" = NULL, \"AcceptedByContactId\" = NULL, \"AcceptedByName\" = NULL, \"AcceptedUtc\" = NULL, \"AcceptedFromIp\" = NULL, \"AcceptedUserAgent\" = NULL WHERE \"Id\" = {named}");
                revision = named;
                notes.Add($"offer revision {named} was {status} (served as stored bytes, never rendered): on the copy it was made a draft again, so it is rendered per request");
            }
        }

        revision ??= await ScalarAsync<int>("SELECT r.\"Id\" FROM \"OfferRevisions\" r WHERE r.\"Status\" = 'Draft' ORDER BY (SELECT COUNT(*) FROM \"OfferActivities\" a WHERE a.\"OfferRevisionId\" = r.\"Id\") DESC, r.\"Id\" LIMIT 1");
        var operations = Int("operationsProject.id", "operationsProjectId", "wheelProjectId")
            ?? await ScalarAsync<int>("SELECT p.\"Id\" FROM \"Projects\" p WHERE p.\"Phase\" = 'Operations' AND p.\"Status\" = 'Active' ORDER BY (SELECT COUNT(*) FROM \"Meetings\" m WHERE m.\"ProjectId\" = p.\"Id\") DESC, p.\"Id\" LIMIT 1");
        var login = Text("customerLogin.email", "customerLogin", "customerEmail")
            ?? await ScalarAsync<string>("SELECT u.\"Email\" FROM \"AspNetUsers\" u WHERE u.\"CustomerId\" IS NOT NULL AND u.\"IsActive\" AND NOT u.\"TwoFactorEnabled\" " +
                "ORDER BY (SELECT COUNT(*) FROM \"ProjectCustomers\" pc WHERE pc.\"CustomerId\" = u.\"CustomerId\") DESC, u.\"Email\" LIMIT 1")
            ?? throw new InvalidOperationException("No customer login in the data set.");
        var password = Text("password") ?? Web.Data.DemoData.DemoPassword;
        var term = Text("customerSearch.term", "searchTerm", "customerSearch");
        if (term is null)
        {
            var count = await ScalarAsync<long>("SELECT COUNT(*) FROM \"Customers\"");
            var name = await ScalarAsync<string>($"SELECT \"Name\" FROM \"Customers\" ORDER BY \"Id\" LIMIT 1 OFFSET {count / 2}") ?? "a";
            term = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(w => w.Length >= 3) ?? name;
        }

        var source = (fromJson.Count == 0 ? "found by query" : $"{Path.GetFileName(jsonFile)} ({string.Join(", ", fromJson)}), the rest found by query")
            + string.Concat(notes.Select(n => "; " + n));
        return new DataSetIds(project, steps, revision.Value, operations, login, term, source) { Password = password };
    }

    /// <summary>The first of the keys present: a name, or a dotted path into nested objects ("longProject.id"), case-insensitive.</summary>
    private static JsonElement? Find(JsonElement? json, string[] keys)
    {
        foreach (var key in keys)
        {
            JsonElement? at = json;
            foreach (var part in key.Split('.'))
            {
                at = at is { ValueKind: JsonValueKind.Object } o
                    ? o.EnumerateObject().Where(p => string.Equals(p.Name, part, StringComparison.OrdinalIgnoreCase)).Select(p => (JsonElement?)p.Value).FirstOrDefault()
                    : null;
            }

            if (at is { } found && found.ValueKind is JsonValueKind.Number or JsonValueKind.String)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Drops the PostgreSQL copy (a SQLite copy lives in the work folder, deleted with it).</summary>
    public async ValueTask DisposeAsync()
    {
        if (postgresAdmin is null)
        {
            SqliteConnection.ClearAllPools();
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var c = new NpgsqlConnection(postgresAdmin);
        await c.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{postgresCopyName}\" WITH (FORCE)", c);
        await drop.ExecuteNonQueryAsync();
    }
}
