using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Mail;

namespace MigrationPortal.Tests.Infrastructure;

/// <summary>The app sending through SMTP to 127.0.0.1:<see cref="SmtpPort"/> (a netDumbster server the test starts and stops).</summary>
public class SmtpPortalFactory : PortalFactory
{
    public int SmtpPort { get; } = FreePort();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Mail:Smtp:Port", SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Mail:Smtp:StartTls", "false");
        builder.UseSetting("Mail:From", "portal@leverandor.example");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The embedded default (no SMTP host), with its own pickup folder.</summary>
public sealed class PickupPortalFactory : PortalFactory
{
    public string PickupDirectory { get; } = Path.Combine(Path.GetTempPath(), "mp-tests", $"pickup-{Guid.NewGuid():N}");

    /// <summary>This factory's own log folder, written at Debug level, for tests that read what the app logged.</summary>
    public string LogDirectory { get; } = Path.Combine(Path.GetTempPath(), "mp-tests", $"logs-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:PickupDirectory", PickupDirectory);
        builder.UseSetting("Logging:Directory", LogDirectory);
        builder.UseSetting("Serilog:MinimumLevel:Default", "Debug");
    }

    /// <summary>
    /// The log once it holds <paramref name="expected"/>: the request log's line for a response is written as the request
    /// completes, which may be a moment after the client has the response, so this waits up to ten seconds for it.
    /// </summary>
    public async Task<string> LogOnceItContainsAsync(string expected)
    {
        var log = LogText();
        for (var i = 0; i < 100 && !log.Contains(expected, StringComparison.Ordinal); i++)
        {
            await Task.Delay(100);
            log = LogText();
        }

        return log;
    }

    /// <summary>Everything the app has logged so far (the files are open for writing, so read shared).</summary>
    public string LogText() => !Directory.Exists(LogDirectory) ? string.Empty : string.Concat(Directory.GetFiles(LogDirectory).Select(f =>
    {
        using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }));
}

public static class OutboxTestExtensions
{
    /// <summary>Enqueues mails through the app's IMailer and saves, as a use case would.</summary>
    public static async Task EnqueueAsync(this PortalFactory factory, params Mail[] mails)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        var mailer = scope.ServiceProvider.GetRequiredService<IMailer>();
        foreach (var mail in mails)
        {
            await mailer.EnqueueAsync(mail, CancellationToken.None);
        }

        await scope.ServiceProvider.GetRequiredService<MigrationPortal.Web.Data.PortalDb>().SaveChangesAsync();
    }

    /// <summary>One run of the outbox job in a scope of its own, as Hangfire would run it.</summary>
    public static async Task RunOutboxAsync(this PortalFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        await using var scope = factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OutboxSender>().RunAsync(CancellationToken.None);
    }

    public static Task<List<OutboxMessage>> OutboxAsync(this PortalFactory factory) =>
        factory.WithDbAsync(db => db.Outbox.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    /// <summary>The account mails (invitation or reset) enqueued for an address, oldest first, with the link each holds.</summary>
    public static async Task<List<(OutboxMessage Row, string Link)>> AccountMailsAsync(this PortalFactory factory, string email)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var rows = await factory.WithDbAsync(db => db.Outbox.AsNoTracking().Where(m => m.Kind == NotificationKind.Account && m.ToAddress == email).OrderBy(m => m.Id).ToListAsync());
        return rows.Select(r => (r, System.Text.RegularExpressions.Regex.Match(r.TextBody, @"https?://\S+/account/reset-password\?\S+").Value)).ToList();
    }

    public static Task ClearOutboxAsync(this PortalFactory factory) => factory.WithDbAsync(db => db.Outbox.ExecuteDeleteAsync());
}
