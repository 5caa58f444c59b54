using System.Globalization;
using Microsoft.Data.Sqlite;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Infrastructure.Jobs;

namespace MigrationPortal.Web.Infrastructure.Backup;

/// <summary>Section <c>Backup</c>.</summary>
public sealed class BackupOptions
{
    public const string Section = "Backup";

    /// <summary>Where backups are written and restored from; relative to the content root. Empty: <c>backups</c> beside the database file.</summary>
    public string? Directory { get; set; }
}

/// <summary>A backup in the backup folder: the portal's database, with the job store's file beside it when there was one.</summary>
public sealed record BackupFile(string Name, long Bytes, DateTime WrittenUtc, bool WithJobs);

/// <summary>
/// Backup and restore of the embedded SQLite database while the portal runs, with SQLite's online backup API
/// (<see cref="SqliteConnection.BackupDatabase(SqliteConnection)"/>): the copy is one consistent snapshot taken in a
/// read transaction, so writers go on (WAL) and the copy holds every transaction committed before it started and none
/// after. The Hangfire file beside the database (<c>portal.hangfire.db</c>) is copied the same way, under the same name
/// with <c>.hangfire.db</c>, so a restored pair is found together. A backup is written under a temporary name, checked
/// (<c>PRAGMA quick_check</c>), made a single file (no <c>-wal</c>) and only then given its name, readable by the owner only.
/// Backups go to one configured folder; a restore takes a name in that folder, never a path.
/// </summary>
public sealed class SqliteBackup
{
    private readonly TimeProvider clock;

    public SqliteBackup(string connectionString, string? directory, string contentRoot, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(contentRoot);
        DatabaseFile = Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);
        JobsFile = JobsSetup.SqliteStoragePath(connectionString);
        Folder = string.IsNullOrWhiteSpace(directory)
            ? Path.Combine(Path.GetDirectoryName(DatabaseFile)!, "backups")
            : Path.GetFullPath(directory, contentRoot);
        this.clock = clock;
    }

    public string DatabaseFile { get; }

    /// <summary>Hangfire's SQLite file (<see cref="JobsSetup.SqliteStoragePath"/>).</summary>
    public string JobsFile { get; }

    public string Folder { get; }

    /// <summary>The backup of the configured database, or null when the portal runs on a database server (back that up with the server's tools).</summary>
    public static SqliteBackup? For(IConfiguration configuration, IHostEnvironment env, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(env);
        var (provider, connectionString) = DatabaseSetup.Resolve(configuration, env);
        return provider == DatabaseProvider.Sqlite
            ? new SqliteBackup(connectionString, configuration[$"{BackupOptions.Section}:{nameof(BackupOptions.Directory)}"], env.ContentRootPath, clock)
            : null;
    }

    /// <summary>Backs up the database (and the job store, when it exists) into the folder; returns the files written.</summary>
    public async Task<IReadOnlyList<string>> BackupAsync(string? label = null, CancellationToken ct = default)
    {
        if (!File.Exists(DatabaseFile))
        {
            throw new FileNotFoundException($"There is no database at {DatabaseFile}.", DatabaseFile);
        }

        CreateFolder();
        var stamp = clock.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var name = $"{Path.GetFileNameWithoutExtension(DatabaseFile)}-{(label is null ? null : label + "-")}{stamp}";
        var target = Path.Combine(Folder, name + ".db");
        for (var n = 2; File.Exists(target); n++)
        {
            target = Path.Combine(Folder, $"{name}-{n}.db");
        }

        var written = new List<string> { await CopyAsync(DatabaseFile, target, ct) };
        if (File.Exists(JobsFile))
        {
            written.Add(await CopyAsync(JobsFile, CompanionOf(target), ct));
        }

        return written;
    }

    /// <summary>The backups in the folder, newest first (the job store's files go with theirs).</summary>
    public IReadOnlyList<BackupFile> List() =>
        !Directory.Exists(Folder) ? [] : new DirectoryInfo(Folder).GetFiles("*.db")
            .Where(f => !f.Name.EndsWith(".hangfire.db", StringComparison.Ordinal))
            .OrderByDescending(f => f.LastWriteTimeUtc).ThenByDescending(f => f.Name, StringComparer.Ordinal)
            .Select(f => new BackupFile(f.Name, f.Length, f.LastWriteTimeUtc, File.Exists(CompanionOf(f.FullName))))
            .ToList();

    /// <summary>
    /// Restores the backup <paramref name="name"/> (a file name in the folder) over the configured database, and its job store
    /// over the configured one. The portal must be stopped. What is there now is first backed up as <c>…-pre-restore-…</c>,
    /// so a restore can be undone. Returns the files written.
    /// </summary>
    public async Task<IReadOnlyList<string>> RestoreAsync(string name, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(name);
        var source = Path.Combine(Folder, name);
        if (Path.GetFileName(name) != name || !name.EndsWith(".db", StringComparison.Ordinal) || name.EndsWith(".hangfire.db", StringComparison.Ordinal) || !File.Exists(source))
        {
            throw new FileNotFoundException($"{name} is not a backup in {Folder}.", name);
        }

        var written = new List<string>();
        if (File.Exists(DatabaseFile))
        {
            written.AddRange(await BackupAsync("pre-restore", ct));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(DatabaseFile)!);
        written.Add(await CopyAsync(source, DatabaseFile, ct, live: true));
        if (File.Exists(CompanionOf(source)))
        {
            written.Add(await CopyAsync(CompanionOf(source), JobsFile, ct, live: true));
        }

        return written;
    }

    /// <summary>"x/portal-….db" → "x/portal-….hangfire.db", as the job store names its file beside the database's.</summary>
    private static string CompanionOf(string databaseFile) => JobsSetup.SqliteStoragePath($"Data Source={databaseFile}");

    /// <summary>
    /// Copies one database with the online backup API. A backup is written to a temporary name, checked, made one file and
    /// then renamed; a restore (<paramref name="live"/>) writes into the database in place, in one step, back in WAL mode.
    /// </summary>
    private static async Task<string> CopyAsync(string from, string to, CancellationToken ct, bool live = false)
    {
        var target = live ? to : Path.Combine(Path.GetDirectoryName(to)!, $".{Path.GetFileName(to)}.partial");
        if (!live)
        {
            File.Delete(target);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var source = Open(from, SqliteOpenMode.ReadWrite);
                await using var destination = Open(target, SqliteOpenMode.ReadWriteCreate);
                source.BackupDatabase(destination);
                if (await ScalarAsync(destination, "PRAGMA quick_check", ct) is not "ok" and var problem)
                {
                    throw new InvalidOperationException($"The copy of {from} is damaged: {problem}");
                }

                await ScalarAsync(destination, live ? "PRAGMA journal_mode=WAL" : "PRAGMA journal_mode=DELETE", ct);
                break;
            }
            catch (SqliteException e) when (attempt < 5 && e.SqliteErrorCode is 5 or 6)
            {
                // SQLITE_BUSY or SQLITE_LOCKED: another connection holds what the copy needs for a moment.
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), ct);
            }
        }

        if (!live)
        {
            File.Move(target, to);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(to, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return to;
    }

    private void CreateFolder()
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Folder);
        }
        else
        {
            // A backup holds everything the portal knows, the Data Protection keys too: for the owner's eyes only.
            Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private static SqliteConnection Open(string file, SqliteOpenMode mode)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false, DefaultTimeout = 30 }.ToString());
        connection.Open();
        return connection;
    }

    private static async Task<string?> ScalarAsync(SqliteConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }
}
