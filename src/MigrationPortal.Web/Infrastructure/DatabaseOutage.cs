using System.Data.Common;

namespace MigrationPortal.Web.Infrastructure;

/// <summary>
/// Whether an exception means the database cannot be reached right now (down, restarting, refusing connections, locked),
/// as opposed to a fault in the request: such requests get a "try again shortly" page (503), and the app needs nothing
/// to recover but the database coming back (each request opens its connection anew).
/// </summary>
public static class DatabaseOutage
{
    // PostgreSQL: too many connections, admin shutdown, crash shutdown, cannot connect now, not accepting connections.
    private static readonly HashSet<string> PostgresStates = new(StringComparer.Ordinal) { "53300", "57P01", "57P02", "57P03", "55000" };

    // SQLite: busy, locked, I/O error, cannot open.
    private static readonly HashSet<int> SqliteCodes = [5, 6, 10, 14];

    public static bool IsOutage(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case TimeoutException:
                case DbException { IsTransient: true }:
                case DbException db when db.SqlState is { } state && (state.StartsWith("08", StringComparison.Ordinal) || PostgresStates.Contains(state)):
                case Microsoft.Data.Sqlite.SqliteException sqlite when SqliteCodes.Contains(sqlite.SqliteErrorCode):
                case Npgsql.NpgsqlException { InnerException: System.Net.Sockets.SocketException or IOException }:
                    return true;
            }
        }

        return false;
    }
}
