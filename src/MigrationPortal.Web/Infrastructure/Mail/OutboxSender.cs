using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Jobs;
using MimeKit;

namespace MigrationPortal.Web.Infrastructure.Mail;

/// <summary>
/// Sends the outbox: every pending message whose time has come, each claimed first with a conditional update (only
/// the node whose update touched the row sends it), then marked sent, or retried later with backoff, or dead after
/// <see cref="MaxAttempts"/>. With no SMTP host the message is written to the pickup folder as {MessageId}.eml.
/// Logs say which row and what went wrong, never a body (account mails hold password links).
/// </summary>
public sealed partial class OutboxSender(PortalDb db, TimeProvider clock, IOptions<MailOptions> options, IHostEnvironment env, ILogger<OutboxSender> logger)
    : IRecurringJob, IAsyncDisposable
{
    public const int MaxAttempts = 8;

    /// <summary>How long a claim holds: a node that dies mid-send leaves the row to another after this.</summary>
    public static readonly TimeSpan ClaimFor = TimeSpan.FromMinutes(5);

    private static readonly int[] BackoffMinutes = [1, 5, 15, 60, 240];
    private SmtpClient? smtp;

    public string Id => "outbox";

    public string Cron => "* * * * *";

    /// <summary>The wait after the given number of failed attempts: 1, 5, 15, 60, then 240 minutes.</summary>
    public static TimeSpan Backoff(int attempts) => TimeSpan.FromMinutes(BackoffMinutes[Math.Clamp(attempts, 1, BackoffMinutes.Length) - 1]);

    public async Task RunAsync(CancellationToken ct)
    {
        var now = Now;
        var due = await db.Outbox.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptUtc <= now && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
            .OrderBy(m => m.NextAttemptUtc).ThenBy(m => m.Id).Select(m => m.Id).Take(500).ToListAsync(ct);
        foreach (var id in due)
        {
            ct.ThrowIfCancellationRequested();
            await SendOneAsync(id, ct);
        }
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private async Task SendOneAsync(long id, CancellationToken ct)
    {
        var now = Now;
        var lockedUntil = now + ClaimFor;
        var claimed = await db.Outbox
            .Where(m => m.Id == id && m.Status == OutboxStatus.Pending && m.NextAttemptUtc <= now && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntilUtc, lockedUntil), ct);
        if (claimed != 1)
        {
            return; // another node has it, or it was sent meanwhile
        }

        var row = await db.Outbox.AsNoTracking().SingleAsync(m => m.Id == id, ct);
        try
        {
            await DeliverAsync(Build(row), row.MessageId, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            await DropConnectionAsync();
            var attempts = row.Attempts + 1;
            var dead = attempts >= MaxAttempts;
            var next = Now + Backoff(attempts);
            var error = Describe(ex);
            await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.Status, dead ? OutboxStatus.Dead : OutboxStatus.Pending)
                .SetProperty(m => m.NextAttemptUtc, next)
                .SetProperty(m => m.LastError, error)
                .SetProperty(m => m.LockedUntilUtc, (DateTime?)null), CancellationToken.None);
            LogFailed(logger, id, attempts, dead, ex.GetType().Name);
            return;
        }

        var sent = Now;
        await db.Outbox.Where(m => m.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Sent)
            .SetProperty(m => m.SentUtc, sent)
            .SetProperty(m => m.LastError, (string?)null)
            .SetProperty(m => m.LockedUntilUtc, (DateTime?)null), CancellationToken.None);
    }

    /// <summary>The message as it goes out: text with an HTML alternative, and the invitation as text/calendar plus invite.ics.</summary>
    public MimeMessage Build(OutboxMessage row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var o = options.Value;
        var message = new MimeMessage { Subject = row.Subject, MessageId = row.MessageId, Date = new DateTimeOffset(DateTime.SpecifyKind(row.CreatedUtc, DateTimeKind.Utc)) };
        message.From.Add(new MailboxAddress(o.FromName, o.From));
        message.To.Add(new MailboxAddress(row.ToName ?? string.Empty, row.ToAddress));
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var alternative = new MultipartAlternative { new TextPart(MimeKit.Text.TextFormat.Plain) { Text = row.TextBody } };
        if (row.HtmlBody is { Length: > 0 } html)
        {
            alternative.Add(new TextPart(MimeKit.Text.TextFormat.Html) { Text = html });
        }

        if (row.Ics is not { Length: > 0 } ics)
        {
            message.Body = alternative;
            return message;
        }

        var method = row.IcsMethod is { Length: > 0 } m ? m.ToUpperInvariant() : "REQUEST";
        var calendar = new TextPart("calendar") { Text = ics };
        calendar.ContentType.Parameters.Add("method", method);
        calendar.ContentType.Charset = "utf-8";
        alternative.Add(calendar);
        var attachment = new MimePart("application", "ics")
        {
            Content = new MimeContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(ics))),
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = "invite.ics",
        };
        message.Body = new Multipart("mixed") { alternative, attachment };
        return message;
    }

    private async Task DeliverAsync(MimeMessage message, string messageId, CancellationToken ct)
    {
        var o = options.Value;
        if (o.UsesPickup)
        {
            var dir = o.PickupPath(env.ContentRootPath);
            Directory.CreateDirectory(dir);
            var file = Path.Combine(dir, PickupFileName(messageId));
            var temp = file + ".tmp";
            await message.WriteToAsync(temp, ct);
            File.Move(temp, file, overwrite: true);
            return;
        }

        if (smtp is not { IsConnected: true })
        {
            await DropConnectionAsync();
            smtp = new SmtpClient { Timeout = 30_000 };
            await smtp.ConnectAsync(o.Smtp.Host!, o.Smtp.Port, o.Smtp.StartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.None, ct);
            if (o.Smtp.User is { Length: > 0 } user)
            {
                await smtp.AuthenticateAsync(user, o.Smtp.Password ?? string.Empty, ct);
            }
        }

        await smtp.SendAsync(message, ct);
    }

    /// <summary>The .eml file name of a message in the pickup folder (its Message-ID, made safe for a file name).</summary>
    public static string PickupFileName(string messageId)
    {
        ArgumentNullException.ThrowIfNull(messageId);
        var invalid = Path.GetInvalidFileNameChars();
        return new string(messageId.Select(c => invalid.Contains(c) ? '_' : c).ToArray()) + ".eml";
    }

    /// <summary>What went wrong, for the admin page: the exception's type and message (MailKit's never hold the password).</summary>
    private static string Describe(Exception ex)
    {
        var text = $"{ex.GetType().Name}: {ex.Message}";
        return text.Length > 1000 ? text[..1000] : text;
    }

    private async Task DropConnectionAsync()
    {
        if (smtp is null)
        {
            return;
        }

        try
        {
            if (smtp.IsConnected)
            {
                await smtp.DisconnectAsync(quit: true);
            }
        }
        catch (Exception ex) when (ex is IOException or MailKit.ProtocolException or MailKit.CommandException or System.Net.Sockets.SocketException or OperationCanceledException)
        {
            // the connection is going away anyway
        }

        smtp.Dispose();
        smtp = null;
    }

    public async ValueTask DisposeAsync() => await DropConnectionAsync();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} not sent (attempt {Attempts}, dead: {Dead}): {Error}")]
    private static partial void LogFailed(ILogger logger, long id, int attempts, bool dead, string error);
}
