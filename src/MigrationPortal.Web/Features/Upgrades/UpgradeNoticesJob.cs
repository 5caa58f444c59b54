using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Features.Shared;
using MigrationPortal.Web.Infrastructure;
using MigrationPortal.Web.Infrastructure.Jobs;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Mail;

namespace MigrationPortal.Web.Features.Upgrades;

/// <summary>When notices go out (configuration section <c>Upgrades</c>): weeks before the planned date, per release size.</summary>
public sealed class UpgradeNoticeOptions
{
    public const string Section = "Upgrades";

    public int[] LargeWeeksBefore { get; set; } = [8, 2];

    public int[] SmallWeeksBefore { get; set; } = [2];

    /// <summary>Days after the last notice that an unacknowledged one is reminded of (once).</summary>
    public int ReminderAfterDays { get; set; } = 7;
}

/// <summary>
/// Daily: each open release's notices to every customer in operation on its product, at its stages (the latest one due;
/// earlier ones that were missed are not sent late), and one reminder a week after the last stage to customers who have
/// not acknowledged, while the release is still ahead. A notice row per release, customer and stage is unique: a second
/// run, or a run on another node at the same moment, fails to insert it and moves on, so nobody gets a mail twice.
/// </summary>
public sealed class UpgradeNoticesJob(PortalDb db, IMailer mailer, TimeProvider clock, IConfiguration configuration, IOptions<PortalOptions> portal,
    IStringLocalizer<SharedResource> l, ILogger<UpgradeNoticesJob> log) : IRecurringJob
{
    public const string ReminderStage = "reminder";

    public string Id => "upgrade-notices";

    public string Cron => "0 6 * * *";

    public static string Stage(int weeks) => $"{weeks}w";

    public async Task RunAsync(CancellationToken ct)
    {
        var options = configuration.GetSection(UpgradeNoticeOptions.Section).Get<UpgradeNoticeOptions>() ?? new UpgradeNoticeOptions();
        var today = Display.TodayInOslo(clock);
        var releases = await db.UpgradeReleases.AsNoTracking().Where(r => r.DoneDate == null && r.PlannedDate > today)
            .Select(r => new Release(r.Id, r.ProductId, r.Product!.Name, r.ProductVersion, r.Size, r.PlannedDate, r.Description, r.InfoUrl, r.WebinarUtc, r.WebinarUrl))
            .ToListAsync(ct);
        foreach (var release in releases)
        {
            var weeks = (release.Size == ReleaseSize.Large ? options.LargeWeeksBefore : options.SmallWeeksBefore).Where(w => w > 0).Order().ToList();
            var due = weeks.FirstOrDefault(w => release.PlannedDate.AddDays(-7 * w) <= today);
            var finalStage = weeks.Count > 0 ? Stage(weeks[0]) : null;
            var customerIds = await OperationsCustomers.InOperationOn(db, release.ProductId).ToListAsync(ct);
            var notices = await db.UpgradeNotices.AsNoTracking().Where(n => n.ReleaseId == release.Id).ToListAsync(ct);
            var acknowledged = await db.UpgradeAcknowledgements.Where(a => a.ReleaseId == release.Id).Select(a => a.CustomerId).ToListAsync(ct);
            foreach (var customerId in customerIds)
            {
                var mine = notices.Where(n => n.CustomerId == customerId).ToList();
                string? stage = null;
                if (due > 0 && mine.All(n => n.Stage != Stage(due)))
                {
                    stage = Stage(due);
                }
                else if (!acknowledged.Contains(customerId) && mine.All(n => n.Stage != ReminderStage)
                    && mine.SingleOrDefault(n => n.Stage == finalStage) is { } last
                    && DateOnly.FromDateTime(Display.ToOslo(last.SentUtc)).AddDays(options.ReminderAfterDays) <= today)
                {
                    stage = ReminderStage;
                }

                if (stage is not null)
                {
                    await NotifyAsync(release, customerId, stage, ct);
                }
            }
        }
    }

    private async Task NotifyAsync(Release release, int customerId, string stage, CancellationToken ct)
    {
        db.UpgradeNotices.Add(new UpgradeNotice { ReleaseId = release.Id, CustomerId = customerId, Stage = stage, SentUtc = clock.GetUtcNow().UtcDateTime });
        var link = $"{portal.Value.PublicUrl.TrimEnd('/')}/customers/{customerId}/upgrades";
        foreach (var to in await OperationsCustomers.WithLoginAsync(db, [customerId], ct))
        {
            var (subject, text, html) = Render(release, stage, to.Language, link);
            await mailer.EnqueueAsync(new Mail($"upgrade:{release.Id}:{customerId}:{stage}:{to.Email}", NotificationKind.UpgradeNotice, to.Email, to.Name, to.Language,
                subject, text, html, UserId: to.UserId), ct);
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another run (or node) noticed this customer at this stage first: its mails are the ones that go.
            db.ChangeTracker.Clear();
            log.LogInformation("Upgrade notice {ReleaseId}/{CustomerId}/{Stage} was already written by another run", release.Id, customerId, stage);
        }
    }

    private (string Subject, string Text, string Html) Render(Release r, string stage, string language, string link)
    {
        using var _ = new CultureScope(language);
        var paragraphs = new List<string>
        {
            l[r.Size == ReleaseSize.Large ? "Upgrade.Mail.IntroLarge" : "Upgrade.Mail.IntroSmall", r.Product, r.ProductVersion, Display.Date(r.PlannedDate)].Value,
        };
        if (r.Description is { Length: > 0 } description)
        {
            paragraphs.Add(description);
        }

        if (r.InfoUrl is { } info)
        {
            paragraphs.Add(l["Upgrade.Mail.WhatIsNew", info].Value);
        }

        if (r.WebinarUtc is { } webinar)
        {
            paragraphs.Add(l["Upgrade.Mail.Webinar", Display.DateTimeUtc(webinar), r.WebinarUrl ?? string.Empty].Value.TrimEnd());
        }

        paragraphs.Add(l["Upgrade.Mail.Acknowledge"].Value);
        var subject = l[stage == ReminderStage ? "Upgrade.Mail.ReminderSubject" : "Upgrade.Mail.Subject", r.Product, r.ProductVersion, Display.Date(r.PlannedDate)].Value;
        var (text, html) = MailBody.Render(subject, paragraphs, (l["Upgrade.Mail.Link"].Value, link), l["Operations.Mail.Footer"].Value, language);
        return (subject, text, html);
    }

    private sealed record Release(int Id, int ProductId, string Product, string ProductVersion, ReleaseSize Size, DateOnly PlannedDate, string? Description, string? InfoUrl, DateTime? WebinarUtc, string? WebinarUrl);
}
