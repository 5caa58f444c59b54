namespace MigrationPortal.Tests.Infrastructure;

/// <summary>
/// Tests that need a PostgreSQL server (MP_TEST_POSTGRES, a connection string with CREATEDB rights).
/// On a developer machine without one they skip with the reason; under CI=true they never skip.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestEnvironment.Postgres is null && !TestEnvironment.IsCi)
        {
            Skip = "No PostgreSQL server: set MP_TEST_POSTGRES (.ci/run does). Required when CI=true.";
        }
    }
}

public static class TestEnvironment
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? Postgres => Environment.GetEnvironmentVariable("MP_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public static string RequirePostgres() =>
        Postgres ?? throw new InvalidOperationException("CI=true but MP_TEST_POSTGRES is not set: PostgreSQL tests must run in CI.");
}

/// <summary>Demo users, as seeded by DemoData.</summary>
public static class Demo
{
    public const string Admin = "admin@leverandor.example";
    public const string Sales = "salg@leverandor.example";
    public const string Lead = "prosjektleder@leverandor.example";
    public const string Lead2 = "prosjektleder2@leverandor.example";
    public const string CloudCenter = "skysenter@leverandor.example";

    /// <summary>Kari Nordmann, Sør-Fron kommune: part of the joint Gudbrandsdalen project.</summary>
    public const string SorFronContact = "kari.nordmann@sor-fron.kommune.example";
    public const string TromsoContact = "per.hansen@tromso.kommune.example";

    /// <summary>Ellen Aslaksen, Tromsø kommune: has signing authority.</summary>
    public const string TromsoSigner = "ellen.aslaksen@tromso.kommune.example";
}
