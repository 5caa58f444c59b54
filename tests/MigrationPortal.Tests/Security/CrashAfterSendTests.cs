using System.Data.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Mail;
using MimeKit;
using netDumbster.smtp;

namespace MigrationPortal.Tests.Security;

/// <summary>
/// The app sending through SMTP, able to die at the worst moment: after the SMTP server accepted a mail and before the
/// outbox row is marked sent (every write that marks a row sent fails while <see cref="CrashAfterSend"/> is on, as if
/// the process had been killed there: nothing after that point reaches the database).
/// </summary>
public sealed class CrashingSmtpFactory : SmtpPortalFactory
{
    private readonly FailMarkingSent fail = new();

    public bool CrashAfterSend
    {
        get => fail.On;
        set => fail.On = value;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.ConfigureDbContext<SqlitePortalDb>(o => o.AddInterceptors(fail));
            services.ConfigureDbContext<PostgresPortalDb>(o => o.AddInterceptors(fail));
        });
    }

    private sealed class FailMarkingSent : DbCommandInterceptor
    {
        public volatile bool On;

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            On && command.CommandText.Contains("\"SentUtc\"", StringComparison.Ordinal)
                ? throw new InvalidOperationException("The process was killed here.")
                : ValueTask.FromResult(result);
    }
}

/// <summary>ASVS 16.5 / issue 9, item 9: a crash between the SMTP server's acceptance and marking the mail sent loses nothing and sends that mail at most once more.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class CrashAfterSendTests(CrashingSmtpFactory factory) : IClassFixture<CrashingSmtpFactory>
{
    [Fact]
    public async Task A_mail_accepted_by_smtp_but_not_marked_sent_goes_once_more_with_the_same_message_id_and_the_rest_once()
    {
        await factory.ClearOutboxAsync();
        using var server = SimpleSmtpServer.Start(factory.SmtpPort);
        await factory.EnqueueAsync(Enumerable.Range(1, 3).Select(i =>
            new Mail($"crash-{i}", NotificationKind.Reminder, $"p{i}@example.com", null, "nb-NO", $"Emne {i}", "Tekst")).ToArray());

        // The first mail reaches the server, then the process "dies" before the row says so.
        factory.CrashAfterSend = true;
        await Assert.ThrowsAnyAsync<Exception>(factory.RunOutboxAsync);
        factory.CrashAfterSend = false;
        Assert.Equal(1, server.ReceivedEmailCount);
        var afterCrash = await factory.OutboxAsync();
        Assert.All(afterCrash, r => Assert.Equal(OutboxStatus.Pending, r.Status));

        // Restarted at once: the claimed row waits for its claim to lapse; the others go now.
        await factory.RunOutboxAsync();
        Assert.Equal(3, server.ReceivedEmailCount);

        // After the claim: the row goes again, once, with the same Message-ID; then nothing more.
        factory.Clock.Advance(OutboxSender.ClaimFor + TimeSpan.FromMinutes(1));
        await factory.RunOutboxAsync();
        await factory.RunOutboxAsync();

        var received = server.ReceivedEmail.Select(e => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(e.Data)))).ToList();
        Assert.Equal(4, received.Count);
        var twice = Assert.Single(received.GroupBy(m => m.MessageId), g => g.Count() == 2);
        Assert.Equal(afterCrash.Single(r => r.Key == "crash-1").MessageId, twice.Key);
        Assert.Equal(3, received.Select(m => m.MessageId).Distinct().Count());
        Assert.All(await factory.OutboxAsync(), r => Assert.Equal(OutboxStatus.Sent, r.Status));
    }
}
