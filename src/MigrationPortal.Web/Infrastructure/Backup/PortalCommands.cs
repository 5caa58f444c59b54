using System.Globalization;

namespace MigrationPortal.Web.Infrastructure.Backup;

/// <summary>
/// The web app's operations commands, run instead of the web server when the first argument names one:
/// <c>backup</c> (an online backup of the embedded SQLite database into the backup folder; the portal may keep running)
/// and <c>restore [name]</c> (with no name, the backups there; with one, that backup over the database, the portal
/// stopped). Configuration is the portal's own (appsettings, environment, <c>--Key=value</c>), so the command finds the
/// database the portal uses. Exit codes: 0 done, 1 failed, 2 nothing to do here (wrong use, or a database server).
/// </summary>
public static class PortalCommands
{
    private const string Usage = "Usage: backup | restore [name]   (the backup folder is Backup:Directory, default 'backups' beside the database)";

    public static bool IsCommand(IReadOnlyList<string> args) => args is ["backup" or "restore", ..];

    public static async Task<int> RunAsync(IReadOnlyList<string> args, IConfiguration configuration, IHostEnvironment env, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var names = Positional(args.Skip(1).ToList());
        SqliteBackup? backup;
        try
        {
            backup = SqliteBackup.For(configuration, env, TimeProvider.System);
        }
        catch (InvalidOperationException e)
        {
            await error.WriteLineAsync(e.Message);
            return 2;
        }

        if (backup is null)
        {
            await error.WriteLineAsync("The portal's database is a database server (Database:Provider): back it up with the server's own tools, see docs/operations.md.");
            return 2;
        }

        try
        {
            switch (args[0], names)
            {
                case ("backup", []):
                    foreach (var file in await backup.BackupAsync())
                    {
                        await output.WriteLineAsync($"Backed up to {file}");
                    }

                    return 0;
                case ("restore", []):
                    await output.WriteLineAsync($"Backups in {backup.Folder} (newest first); restore one with: restore <name>");
                    foreach (var b in backup.List())
                    {
                        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                            $"  {b.Name}  {b.Bytes / 1024.0:0} KiB  {b.WrittenUtc:yyyy-MM-dd HH:mm:ss}Z{(b.WithJobs ? "  (with the job store)" : string.Empty)}"));
                    }

                    return 2;
                case ("restore", [var name]):
                    await output.WriteLineAsync($"Restoring {name} over {backup.DatabaseFile}; the portal must be stopped.");
                    foreach (var file in await backup.RestoreAsync(name))
                    {
                        await output.WriteLineAsync($"Wrote {file}");
                    }

                    return 0;
                default:
                    await error.WriteLineAsync(Usage);
                    return 2;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            await error.WriteLineAsync(e.Message);
            return 1;
        }
    }

    /// <summary>The arguments that are not configuration: <c>--Key=value</c>, or <c>--Key value</c>, are the host's.</summary>
    private static List<string> Positional(List<string> args)
    {
        var names = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i].StartsWith('-') || args[i].StartsWith('/'))
            {
                i += args[i].Contains('=', StringComparison.Ordinal) ? 0 : 1;
            }
            else
            {
                names.Add(args[i]);
            }
        }

        return names;
    }
}
