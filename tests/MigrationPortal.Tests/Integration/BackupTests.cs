using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;

namespace MigrationPortal.Tests.Integration;

/// <summary>The portal on an embedded SQLite file whatever the run's provider, with its job store (no job server), and a backup folder of its own.</summary>
public sealed class SqliteBackupFactory : PortalFactory
{
    public SqliteBackupFactory()
        : base(TestDatabase.Sqlite())
    {
    }

    public string BackupDirectory { get; } = Path.Combine(Path.GetTempPath(), "mp-tests", $"backups-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Jobs:Enabled", "true");
        builder.UseSetting("Jobs:RunServer", "false");
    }
}

/// <summary>A second portal on a SQLite file that is there already: a restored backup.</summary>
public sealed class RestoredPortalFactory(string file) : PortalFactory(TestDatabase.Sqlite(file));

/// <summary>
/// Item 11 of issue 9: the embedded database is backed up while the portal serves (the <c>backup</c> command of the built
/// app, SQLite's online backup API), restored with <c>restore</c> into a new place, and a second portal started on the
/// restored file has everything committed before the backup began, nothing committed after it ended, the same users
/// and the same Data Protection key ring (a cookie the first portal issued signs in to the second).
/// </summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class BackupTests(SqliteBackupFactory factory) : IClassFixture<SqliteBackupFactory>
{
    private const string Prefix = "Sikkerhetskopi-test";

    /// <summary>The command's configuration, as an operator gives it: the database and the backup folder (each test its own).</summary>
    private static Dictionary<string, string?> Environment(string connectionString, string backups) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Production",
        ["Database__Provider"] = "Sqlite",
        ["Database__ConnectionString"] = connectionString,
        ["Backup__Directory"] = backups,
    };

    [Fact]
    public async Task A_backup_taken_while_requests_write_restores_into_a_new_portal_with_all_committed_before_it_and_nothing_after()
    {
        var (project, step) = await factory.WithDbAsync(async db =>
        {
            var p = await db.Projects.Where(x => x.Name.StartsWith("Gudbrandsdalen")).Select(x => x.Id).SingleAsync();
            return (p, await db.Steps.Where(s => s.ProjectId == p && s.CustomerVisible).OrderBy(s => s.Id).Select(s => s.Id).FirstAsync());
        });
        var cookies = new CookieContainer();
        using var lead = new PortalClient(factory.CreateDefaultClient(new CookieContainerHandler(cookies), new CookiesExpireByClock(factory.Clock)));
        await lead.LoginAsync(Demo.Lead);

        // Three people comment on a step, one comment after another, for as long as the test lets them.
        var committed = new ConcurrentQueue<string>();
        var failed = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        async Task WriteAsync(string who)
        {
            using var writer = await factory.LoginAsync(who);
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var text = $"{Prefix} {who} {i}";
                using var response = await writer.PostFormAsync($"/projects/{project}/steps/{step}/comments", new() { ["Text"] = text });
                (response.StatusCode == HttpStatusCode.Redirect ? committed : failed).Enqueue(text);
            }
        }

        async Task UntilAsync(int count)
        {
            while (committed.Count < count && failed.IsEmpty)
            {
                await Task.Delay(20);
            }
        }

        var writers = new[] { Demo.Lead, Demo.Lead2, Demo.CloudCenter }.Select(WriteAsync).ToList();
        await UntilAsync(6);
        var beforeBackup = committed.ToList();

        var backups = Path.Combine(factory.BackupDirectory, "while-writing");
        var (backupExit, backupOutput) = await PortalProcess.RunAsync(["backup"], Environment(factory.ConnectionString, backups));

        var whenBackupEnded = committed.ToList();
        await UntilAsync(whenBackupEnded.Count + 3);
        await stop.CancelAsync();
        await Task.WhenAll(writers);
        var afterBackup = committed.Except(whenBackupEnded).ToList();

        Assert.Empty(failed);
        Assert.True(backupExit == 0, backupOutput);
        Assert.True(whenBackupEnded.Count > beforeBackup.Count, "the portal went on saving comments while the backup ran");
        var files = Directory.GetFiles(backups).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        var backup = Assert.Single(files, f => !f!.EndsWith(".hangfire.db", StringComparison.Ordinal))!;
        Assert.Matches(@"^[0-9a-f]{32}-\d{8}T\d{6}Z\.db$", backup);
        Assert.Equal([backup, backup.Replace(".db", ".hangfire.db", StringComparison.Ordinal)], files.Order(StringComparer.Ordinal));
        Assert.Contains($"Backed up to {Path.Combine(backups, backup)}", backupOutput, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(backups, backup)));
        }

        // Restored into a place of its own, as on a new machine; the portal there runs on it.
        var restoredDir = Path.Combine(Path.GetTempPath(), "mp-tests", $"restored-{Guid.NewGuid():N}");
        var restoredFile = Path.Combine(restoredDir, "portal.db");
        var (restoreExit, restoreOutput) = await PortalProcess.RunAsync(["restore", backup], Environment($"Data Source={restoredFile}", backups));
        Assert.True(restoreExit == 0, restoreOutput);
        Assert.True(File.Exists(Path.Combine(restoredDir, "portal.hangfire.db")), restoreOutput);
        Assert.Equal("ok", Scalar(restoredFile, "PRAGMA integrity_check"));
        Assert.Equal("ok", Scalar(Path.Combine(restoredDir, "portal.hangfire.db"), "PRAGMA integrity_check"));
        Assert.True(Convert.ToInt64(Scalar(Path.Combine(restoredDir, "portal.hangfire.db"), "SELECT COUNT(*) FROM [Set] WHERE [Key] = 'recurring-jobs'"), System.Globalization.CultureInfo.InvariantCulture) > 0);

        // The key ring is encrypted with the installation's certificate, which a restore needs as well (docs/operations.md).
        var restored = new RestoredPortalFactory(restoredFile) { KeyRingCertificateFile = factory.KeyRingCertificateFile };
        try
        {
            var comments = await restored.WithDbAsync(db => db.Comments.Where(c => c.Text.StartsWith(Prefix)).Select(c => c.Text).ToListAsync());
            Assert.Empty(beforeBackup.Except(comments));
            Assert.Empty(comments.Except(whenBackupEnded));
            Assert.Empty(afterBackup.Intersect(comments));

            // The first portal's sign-in cookie is good in the second: the key ring came along in the database.
            using var sameLead = new PortalClient(restored.CreateDefaultClient(new CookieContainerHandler(cookies), new CookiesExpireByClock(restored.Clock)));
            var (status, page) = await sameLead.GetPageAsync($"/projects/{project}/steps/{step}");
            Assert.Equal(HttpStatusCode.OK, status);
            Assert.Contains(beforeBackup[0], page.Body!.TextContent, StringComparison.Ordinal);
        }
        finally
        {
            await ((IAsyncLifetime)restored).DisposeAsync();
        }

        Directory.Delete(backups, recursive: true);
        Directory.Delete(restoredDir, recursive: true);
    }

    [Fact]
    public async Task Restore_takes_only_a_backup_in_the_folder_keeps_what_it_replaces_and_a_database_server_is_sent_to_its_own_tools()
    {
        _ = factory.Server;
        var backups = Path.Combine(factory.BackupDirectory, "restores");
        var (exit, output) = await PortalProcess.RunAsync(["backup"], Environment(factory.ConnectionString, backups));
        Assert.True(exit == 0, output);
        var backup = Path.GetFileName(Directory.GetFiles(backups, "*.db").Single(f => !f.EndsWith(".hangfire.db", StringComparison.Ordinal)));
        var target = Path.Combine(Path.GetTempPath(), "mp-tests", $"restore-{Guid.NewGuid():N}", "portal.db");
        var there = Environment($"Data Source={target}", backups);

        var listed = await PortalProcess.RunAsync(["restore"], there);
        var outside = await PortalProcess.RunAsync(["restore", $"../restores/{backup}"], there);
        var jobStore = await PortalProcess.RunAsync(["restore", backup.Replace(".db", ".hangfire.db", StringComparison.Ordinal)], there);
        var writtenByRefusals = File.Exists(target);
        var first = await PortalProcess.RunAsync(["restore", backup], there);
        var second = await PortalProcess.RunAsync(["restore", backup], there);
        var server = await PortalProcess.RunAsync(["backup"], new Dictionary<string, string?>(there)
        {
            ["Database__Provider"] = "Postgres", ["Database__ConnectionString"] = "Host=127.0.0.1;Database=portal",
        });

        Assert.Equal(2, listed.ExitCode);
        Assert.Contains(backup, listed.Output, StringComparison.Ordinal);
        Assert.Contains("(with the job store)", listed.Output, StringComparison.Ordinal);
        Assert.Equal(1, outside.ExitCode);
        Assert.Contains("is not a backup in", outside.Output, StringComparison.Ordinal);
        Assert.Equal(1, jobStore.ExitCode);
        Assert.False(writtenByRefusals, "nothing is written for a name that is not a backup");
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.DoesNotContain("pre-restore", first.Output, StringComparison.Ordinal);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.Matches(@"pre-restore-\d{8}T\d{6}Z(-\d+)?\.db", second.Output);
        Assert.Single(Directory.GetFiles(backups, "portal-pre-restore-*.db"), f => !f.EndsWith(".hangfire.db", StringComparison.Ordinal));
        Assert.Equal(2, server.ExitCode);
        Assert.Contains("back it up with the server's own tools", server.Output, StringComparison.Ordinal);
        Directory.Delete(backups, recursive: true);
        Directory.Delete(Path.GetDirectoryName(target)!, recursive: true);
    }

    private static string? Scalar(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
#pragma warning disable CA2100 // The statements are the test's own.
        command.CommandText = sql;
#pragma warning restore CA2100
        return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
