using System.Globalization;

namespace MigrationPortal.Load;

/// <summary>The command line (README.md has the list).</summary>
public sealed class Options
{
    public string? Database { get; private set; }

    public Provider Provider { get; private set; } = Provider.Sqlite;

    public string? Connection { get; private set; }

    /// <summary>A PostgreSQL data set measured after the SQLite one, reported beside it.</summary>
    public string? Postgres { get; private set; }

    /// <summary>The demo data, measured back to back at 8 clients for the "demo data" column.</summary>
    public string? Baseline { get; private set; }

    public string? IdsFile { get; private set; }

    public double Duration { get; private set; } = 10;

    public double Warmup { get; private set; } = 3;

    public IReadOnlyList<int> Clients { get; private set; } = [1, 8, 32];

    public int ColdStarts { get; private set; } = 3;

    public string? Report { get; private set; }

    public string? WebDir { get; private set; }

    public bool Quick { get; private set; }

    public bool SkipWheel { get; private set; }

    /// <summary>Only these targets (by name, e.g. <c>project,ceiling-project</c>): for iterating on one page, not for the report.</summary>
    public IReadOnlySet<string>? Only { get; private set; }

    /// <summary>The arguments as given, for the report's "reproduce with" line.</summary>
    public IReadOnlyList<string> Arguments { get; private set; } = [];

    public static Options Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var o = new Options { Arguments = args };
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--database": o.Database = Next(); break;
                case "--provider": o.Provider = Enum.Parse<Provider>(Next(), ignoreCase: true); break;
                case "--connection": o.Connection = Next(); break;
                case "--postgres": o.Postgres = Next(); break;
                case "--baseline": o.Baseline = Next(); break;
                case "--ids": o.IdsFile = Next(); break;
                case "--duration": o.Duration = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--warmup": o.Warmup = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--clients": o.Clients = [.. Next().Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture))]; break;
                case "--cold-starts": o.ColdStarts = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                case "--report": o.Report = Next(); break;
                case "--web-dir": o.WebDir = Next(); break;
                case "--skip-wheel": o.SkipWheel = true; break;
                case "--only": o.Only = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.OrdinalIgnoreCase); break;
                case "--quick":
                    o.Quick = true;
                    o.Duration = 2;
                    o.Warmup = 1;
                    o.ColdStarts = 1;
                    break;
                default: throw new ArgumentException($"Unknown option {args[i]} (see benchmarks/MigrationPortal.Load/README.md).");
            }
        }

        if (o.Provider == Provider.Postgres && o.Connection is null)
        {
            throw new ArgumentException("--provider Postgres needs --connection.");
        }

        if (o.Provider == Provider.Sqlite && o.Database is null)
        {
            throw new ArgumentException("--database <SQLite file> is required (or --provider Postgres --connection ...).");
        }

        return o;
    }
}
