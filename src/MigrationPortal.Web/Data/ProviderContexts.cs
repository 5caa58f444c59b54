using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MigrationPortal.Web.Data;

public sealed class SqlitePortalDb(DbContextOptions<SqlitePortalDb> options)
    : PortalDb(options);

public sealed class SqlServerPortalDb(DbContextOptions<SqlServerPortalDb> options)
    : PortalDb(options);

public sealed class PostgresPortalDb(DbContextOptions<PostgresPortalDb> options)
    : PortalDb(options);

// Design-time factories: dummy connection strings, so adding a migration needs no server.
public sealed class SqlitePortalDbFactory : IDesignTimeDbContextFactory<SqlitePortalDb>
{
    public SqlitePortalDb CreateDbContext(string[] args) =>
        new(DatabaseSetup.Configure(new DbContextOptionsBuilder<SqlitePortalDb>(), DatabaseProvider.Sqlite, "Data Source=design.db").Options);
}

public sealed class SqlServerPortalDbFactory : IDesignTimeDbContextFactory<SqlServerPortalDb>
{
    public SqlServerPortalDb CreateDbContext(string[] args) =>
        new(DatabaseSetup.Configure(new DbContextOptionsBuilder<SqlServerPortalDb>(), DatabaseProvider.SqlServer, "Server=design;Database=design;Trusted_Connection=True;TrustServerCertificate=True").Options);
}

public sealed class PostgresPortalDbFactory : IDesignTimeDbContextFactory<PostgresPortalDb>
{
    public PostgresPortalDb CreateDbContext(string[] args) =>
        new(DatabaseSetup.Configure(new DbContextOptionsBuilder<PostgresPortalDb>(), DatabaseProvider.Postgres, "Host=design;Database=design;Username=design;Password=design").Options);
}
