using Microsoft.EntityFrameworkCore;

namespace MigrationPortal.Web.Data;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
    Postgres,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Empty means the embedded SQLite file App_Data/portal.db under the content root.</summary>
    public string? ConnectionString { get; set; }
}

public static class DatabaseSetup
{
    public static DbContextOptionsBuilder<T> Configure<T>(DbContextOptionsBuilder<T> builder, DatabaseProvider provider, string connectionString)
        where T : DbContext
    {
        Configure((DbContextOptionsBuilder)builder, provider, connectionString);
        return builder;
    }

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(builder);
        _ = provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString),
            DatabaseProvider.SqlServer => builder.UseSqlServer(connectionString),
            DatabaseProvider.Postgres => builder.UseNpgsql(WithAutoPrepare(connectionString)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, null),
        };
        return builder;
    }

    /// <summary>
    /// PostgreSQL: the statements a portal runs on every request (the session, the access check, a page's few reads) are
    /// prepared on the server once per connection by Npgsql's automatic preparation, instead of parsed and planned each
    /// time, unless the connection string says otherwise (<c>Max Auto Prepare=0</c> turns it off, e.g. behind a pooler in
    /// transaction mode that cannot keep prepared statements).
    /// </summary>
    public static string WithAutoPrepare(string connectionString)
    {
        // The plain builder holds only the keys given (Npgsql's answers true for every keyword it knows).
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare"))
        {
            return connectionString;
        }

        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64 }.ConnectionString;
    }

    /// <summary>
    /// The provider and connection string configuration names: <c>Database:Provider</c> and <c>Database:ConnectionString</c>,
    /// which may be empty with SQLite for the embedded default, <c>App_Data/portal.db</c> under the content root (its folder is made).
    /// </summary>
    public static (DatabaseProvider Provider, string ConnectionString) Resolve(IConfiguration configuration, IHostEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var options = configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return (options.Provider, options.ConnectionString);
        }

        if (options.Provider != DatabaseProvider.Sqlite)
        {
            throw new InvalidOperationException($"Database:ConnectionString is required for provider {options.Provider}.");
        }

        var dir = Path.Combine(env.ContentRootPath, "App_Data");
        Directory.CreateDirectory(dir);
        return (options.Provider, $"Data Source={Path.Combine(dir, "portal.db")}");
    }

    public static IServiceCollection AddPortalDatabase(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment env)
    {
        var (provider, connectionString) = Resolve(configuration, env);
        services.Configure<DatabaseOptions>(o =>
        {
            o.Provider = provider;
            o.ConnectionString = connectionString;
        });

        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                AddPooled<SqlitePortalDb>(services, b => Configure(b, provider, connectionString));
                break;
            case DatabaseProvider.SqlServer:
                AddPooled<SqlServerPortalDb>(services, b => Configure(b, provider, connectionString));
                break;
            case DatabaseProvider.Postgres:
                AddPooled<PostgresPortalDb>(services, b => Configure(b, provider, connectionString));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {provider}.");
        }

        return services;
    }

    /// <summary>
    /// The request's <see cref="PortalDb"/> is leased from a pool: a context's services, options and model are set up once
    /// and reused, not built again for every request (docs/adr/0012). Each lease gets the scope's audit actor and clock;
    /// returning it clears them. Only <see cref="PortalDb"/> is registered for the scope, so the scope disposes (returns)
    /// the context exactly once.
    /// </summary>
    private static void AddPooled<T>(IServiceCollection services, Action<DbContextOptionsBuilder> configure)
        where T : PortalDb
    {
        services.AddPooledDbContextFactory<T>(configure);
        services.AddScoped<PortalDb>(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<T>>().CreateDbContext();
            db.Actor = sp.GetService<IAuditActor>();
            db.Clock = sp.GetService<TimeProvider>() ?? TimeProvider.System;
            return db;
        });
    }

    /// <summary>Applies pending migrations; SQLite is switched to WAL so readers don't block the writer.</summary>
    public static async Task MigrateAsync(PortalDb db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
    }
}
