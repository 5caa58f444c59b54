using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;

namespace MigrationPortal.Tests.Infrastructure;

/// <summary>
/// A hash of every row of every table of the portal's model, per table, whatever the provider: two fingerprints are
/// equal when nothing was added, changed or removed in between. Rows are hashed in sorted order, so a provider that
/// returns them in another order (PostgreSQL after an update) does not count as a change. The security log and the
/// sessions are left out: a refused request is recorded there (that is the point), and every request touches its session.
/// </summary>
public static class DatabaseFingerprint
{
    private static readonly HashSet<string> Left = new(StringComparer.Ordinal) { "SecurityEvents", "UserSessions" };

    public static Task<IReadOnlyDictionary<string, string>> TakeAsync(PortalFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.WithDbAsync(TakeAsync);
    }

    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(PortalDb db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var tables = db.Model.GetEntityTypes()
            .Where(t => t.GetTableName() is not null && t.GetViewName() is null && !Left.Contains(t.GetTableName()!))
            .Select(t => (Schema: t.GetSchema(), Table: t.GetTableName()!))
            .Distinct()
            .OrderBy(t => t.Table, StringComparer.Ordinal)
            .ToList();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
            foreach (var (schema, table) in tables)
            {
                result[table] = await TableHashAsync(connection, schema is null ? $"\"{table}\"" : $"\"{schema}\".\"{table}\"");
            }

            return result;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The tables whose rows differ between two fingerprints.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t)).Order(StringComparer.Ordinal).ToList();
    }

    private static async Task<string> TableHashAsync(DbConnection connection, string quotedTable)
    {
        await using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The table names come from the EF model, not from input.
        command.CommandText = $"SELECT * FROM {quotedTable}";
#pragma warning restore CA2100
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            var row = new StringBuilder();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                row.Append(reader.GetValue(i) switch
                {
                    DBNull => "\u2205",
                    byte[] bytes => Convert.ToBase64String(bytes),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    var v => v.ToString(),
                }).Append('\u001f');
            }

            rows.Add(row.ToString());
        }

        rows.Sort(StringComparer.Ordinal);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows))));
    }
}
