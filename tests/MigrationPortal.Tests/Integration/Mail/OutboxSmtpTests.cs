using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Mail;
using MimeKit;
using netDumbster.smtp;

namespace MigrationPortal.Tests.Integration.Mail;

/// <summary>The outbox job against a real SMTP server (netDumbster): sent once, kept while the server is down, dead at last.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class OutboxSmtpTests(SmtpPortalFactory factory) : IClassFixture<SmtpPortalFactory>, IAsyncLifetime
{
    private SimpleSmtpServer? server;

    public async Task InitializeAsync()
    {
        await factory.ClearOutboxAsync();
        server = SimpleSmtpServer.Start(factory.SmtpPort);
    }

    public Task DisposeAsync()
    {
        server?.Stop();
        server?.Dispose();
        return Task.CompletedTask;
    }

    private static Web.Infrastructure.Mail.Mail Mail(string key, string to = "kari@example.com", string? ics = null) =>
        new(key, NotificationKind.Meeting, to, "Kari Nordmann", "nb-NO", $"Emne {key}", $"Tekst {key}", $"<p>HTML {key}</p>", ics, ics is null ? null : "REQUEST");

    private List<MimeMessage> Received() =>
        server!.ReceivedEmail.Select(e => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(e.Data)))).ToList();

    [Fact]
    public async Task A_pending_row_is_sent_with_its_message_id_text_html_and_calendar_parts_and_only_once()
    {
        const string ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nPRODID:-//test//EN\r\nEND:VCALENDAR\r\n";
        await factory.EnqueueAsync(Mail("smtp-1", ics: ics));
        var row = Assert.Single(await factory.OutboxAsync());

        await factory.RunOutboxAsync();
        await factory.RunOutboxAsync();

        var message = Assert.Single(Received());
        Assert.Equal(row.MessageId, message.MessageId);
        Assert.Equal("Emne smtp-1", message.Subject);
        Assert.Equal("kari@example.com", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("portal@leverandor.example", Assert.Single(message.From.Mailboxes).Address);
        Assert.Contains("Tekst smtp-1", message.TextBody, StringComparison.Ordinal);
        Assert.Contains("<p>HTML smtp-1</p>", message.HtmlBody, StringComparison.Ordinal);
        var calendar = Assert.Single(message.BodyParts.OfType<TextPart>(), p => p.ContentType.IsMimeType("text", "calendar"));
        Assert.Equal("REQUEST", calendar.ContentType.Parameters["method"]);
        Assert.Contains("METHOD:REQUEST", calendar.Text, StringComparison.Ordinal);
        Assert.Contains(message.Attachments, a => a.ContentDisposition?.FileName == "invite.ics");

        var sent = Assert.Single(await factory.OutboxAsync());
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(factory.UtcNow, sent.SentUtc);
        Assert.Null(sent.LockedUntilUtc);
    }

    [Fact]
    public async Task With_the_server_down_rows_wait_with_backoff_and_each_goes_once_when_it_is_back()
    {
        server!.Stop();
        await factory.EnqueueAsync(Mail("down-1"), Mail("down-2"));
        var start = factory.UtcNow;

        await factory.RunOutboxAsync();

        var waiting = await factory.OutboxAsync();
        Assert.All(waiting, r =>
        {
            Assert.Equal(OutboxStatus.Pending, r.Status);
            Assert.Equal(1, r.Attempts);
            Assert.Equal(start.AddMinutes(1), r.NextAttemptUtc);
            Assert.False(string.IsNullOrEmpty(r.LastError));
        });

        await factory.RunOutboxAsync(); // not due yet: no new attempt
        Assert.All(await factory.OutboxAsync(), r => Assert.Equal(1, r.Attempts));

        factory.Clock.Advance(TimeSpan.FromMinutes(1));
        await factory.RunOutboxAsync(); // still down: second attempt, five minutes on
        Assert.All(await factory.OutboxAsync(), r => Assert.Equal((2, factory.UtcNow.AddMinutes(5)), (r.Attempts, r.NextAttemptUtc)));

        server = SimpleSmtpServer.Start(factory.SmtpPort);
        factory.Clock.Advance(TimeSpan.FromMinutes(5));
        await factory.RunOutboxAsync();
        factory.Clock.Advance(TimeSpan.FromHours(1));
        await factory.RunOutboxAsync();

        var received = Received();
        Assert.Equal(["Emne down-1", "Emne down-2"], received.Select(m => m.Subject).Order(StringComparer.Ordinal));
        Assert.All(await factory.OutboxAsync(), r => Assert.Equal(OutboxStatus.Sent, r.Status));
    }

    [Fact]
    public async Task A_row_that_keeps_failing_is_dead_after_eight_attempts_and_never_sent()
    {
        server!.Stop();
        await factory.EnqueueAsync(Mail("dead-1"));

        for (var i = 0; i < 12; i++)
        {
            await factory.RunOutboxAsync();
            factory.Clock.Advance(TimeSpan.FromHours(5));
        }

        server = SimpleSmtpServer.Start(factory.SmtpPort);
        await factory.RunOutboxAsync();

        var row = Assert.Single(await factory.OutboxAsync());
        Assert.Equal(OutboxStatus.Dead, row.Status);
        Assert.Equal(OutboxSender.MaxAttempts, row.Attempts);
        Assert.Null(row.SentUtc);
        Assert.Empty(server.ReceivedEmail);
    }

    [Fact]
    public async Task Two_job_runs_at_once_send_each_row_once()
    {
        var mails = Enumerable.Range(1, 30).Select(i => Mail($"both-{i}", $"p{i}@example.com")).ToArray();
        await factory.EnqueueAsync(mails);

        await Task.WhenAll(Task.Run(factory.RunOutboxAsync), Task.Run(factory.RunOutboxAsync));

        var ids = Received().Select(m => m.MessageId).ToList();
        Assert.Equal(30, ids.Count);
        Assert.Equal(30, ids.Distinct(StringComparer.Ordinal).Count());
        Assert.All(await factory.OutboxAsync(), r => Assert.Equal(OutboxStatus.Sent, r.Status));
    }
}
