using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Mail;

namespace MigrationPortal.Tests.Infrastructure;

/// <summary>The app sending through SMTP to 127.0.0.1:<see cref="SmtpPort"/> (a netDumbster server the test starts and stops).</summary>
public sealed class SmtpPortalFactory : PortalFactory
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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mail:PickupDirectory", PickupDirectory);
    }
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

    public static Task ClearOutboxAsync(this PortalFactory factory) => factory.WithDbAsync(db => db.Outbox.ExecuteDeleteAsync());
}
