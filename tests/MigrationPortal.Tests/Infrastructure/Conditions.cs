using MigrationPortal.Web.Data;

namespace MigrationPortal.Tests.Infrastructure;

public static class TestEnvironment
{
    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? Postgres => Environment.GetEnvironmentVariable("MP_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public static string RequirePostgres() =>
        Postgres ?? throw new InvalidOperationException(IsCi
            ? "CI=true but MP_TEST_POSTGRES is not set: PostgreSQL tests must run in CI."
            : "MP_TEST_PROVIDER=Postgres needs MP_TEST_POSTGRES, a connection string with CREATEDB rights.");

    /// <summary>
    /// The database the HTTP integration tests (<see cref="PortalFactory"/>) run on: MP_TEST_PROVIDER=Sqlite (the default)
    /// or Postgres. SQL Server cannot run here; MigrationTests proves its migrations and script without a server.
    /// </summary>
    public static DatabaseProvider Provider =>
        Environment.GetEnvironmentVariable("MP_TEST_PROVIDER") is { Length: > 0 } name
            ? Enum.TryParse<DatabaseProvider>(name, ignoreCase: true, out var provider) && provider != DatabaseProvider.SqlServer
                ? provider
                : throw new InvalidOperationException($"MP_TEST_PROVIDER={name}: use Sqlite or Postgres.")
            : DatabaseProvider.Sqlite;
}

/// <summary>
/// The trait every HTTP integration test class carries (<c>[Trait(Suite.Name, Suite.Integration)]</c>), so a second
/// run on another provider takes only those: <c>dotnet test --filter Suite=Integration</c>. A unit test checks that
/// every class using a <see cref="PortalFactory"/> has it.
/// </summary>
public static class Suite
{
    public const string Name = "Suite";
    public const string Integration = "Integration";
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

    /// <summary>Thomas Grønli, Bærum kommune: a project in go-live.</summary>
    public const string BaerumContact = "thomas.gronli@baerum.kommune.example";

    /// <summary>Ragnhild Strømme, Ålesund kommune: in operation (annual wheel, upgrade notices, events).</summary>
    public const string AlesundContact = "ragnhild.stromme@alesund.kommune.example";
}
