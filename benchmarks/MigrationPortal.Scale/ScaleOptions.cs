using System.Globalization;
using MigrationPortal.Web.Data;

namespace MigrationPortal.Scale;

/// <summary>What to generate where: the database, the seed, the scale (1.0 is the volume of issue 10).</summary>
public sealed class ScaleOptions
{
    public DatabaseProvider Provider { get; init; } = DatabaseProvider.Sqlite;

    public required string ConnectionString { get; init; }

    /// <summary>The SQLite file (deleted and made anew); null for a server database (dropped and made anew).</summary>
    public string? SqliteFile { get; init; }

    /// <summary>Where the ids and names the load benchmark needs are written.</summary>
    public required string JsonFile { get; init; }

    public int Seed { get; init; } = 2026;

    public double Scale { get; init; } = 1.0;

    /// <summary>The fixed "now" of the data set: Monday 16 November 2026, 10:00 in Oslo (the tests' instant).</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 16, 9, 0, 0, TimeSpan.Zero);

    public const string Usage =
        "dotnet run -c Release --project benchmarks/MigrationPortal.Scale -- --database /tmp/scale.db " +
        "[--provider Sqlite|Postgres --connection \"...\"] [--seed 2026] [--scale 1.0] [--json file]";

    /// <summary>Reads the command line; null (and a message on <paramref name="error"/>) when it cannot.</summary>
    public static ScaleOptions? Parse(IReadOnlyList<string> args, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(error);
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Count)
            {
                error.WriteLine($"Unexpected argument '{args[i]}'. Usage: {Usage}");
                return null;
            }

            values[args[i][2..]] = args[++i];
        }

        var provider = values.TryGetValue("provider", out var p) && Enum.TryParse<DatabaseProvider>(p, ignoreCase: true, out var parsed) ? parsed : DatabaseProvider.Sqlite;
        values.TryGetValue("database", out var database);
        values.TryGetValue("connection", out var connection);
        if (provider == DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(database))
        {
            error.WriteLine($"--database is required with SQLite. Usage: {Usage}");
            return null;
        }

        if (provider != DatabaseProvider.Sqlite && string.IsNullOrWhiteSpace(connection))
        {
            error.WriteLine($"--connection is required with {provider}. Usage: {Usage}");
            return null;
        }

        var file = provider == DatabaseProvider.Sqlite ? Path.GetFullPath(database!) : null;
        var json = values.TryGetValue("json", out var j) ? j
            : database is { Length: > 0 } ? Path.GetFullPath(database) + ".json"
            : Path.GetFullPath($"scale-{provider.ToString().ToLowerInvariant()}.json");
        return new ScaleOptions
        {
            Provider = provider,
            ConnectionString = connection ?? $"Data Source={file}",
            SqliteFile = file,
            JsonFile = json,
            Seed = values.TryGetValue("seed", out var s) ? int.Parse(s, CultureInfo.InvariantCulture) : 2026,
            Scale = values.TryGetValue("scale", out var x) ? double.Parse(x, CultureInfo.InvariantCulture) : 1.0,
        };
    }
}
