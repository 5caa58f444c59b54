using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Localization;

namespace MigrationPortal.Web.Infrastructure.Mail;

/// <summary>A person a notification goes to, with the language they read it in.</summary>
public sealed record Recipient(string Name, string Email, string Language, string? UserId);

/// <summary>What one notification says, already in the language of the culture it was made in.</summary>
public sealed record NoticeText(string Subject, IReadOnlyList<string> Paragraphs, string LinkText);

/// <summary>
/// The notifications a project's work causes (an offer sent, a plan sent, a checklist item assigned, a comment): who
/// they concern, found only among the people of that project (never another customer's contacts), and one mail each
/// through <see cref="IMailer"/> in the recipient's language, in the caller's unit of work. The caller saves.
/// </summary>
public sealed class ProjectNotifier(PortalDb db, IMailer mailer, IStringLocalizer<SharedResource> l, IOptions<PortalOptions> portal, IOptions<VendorOptions> vendor)
{
    /// <summary>The contacts of the project's customers who have an active login (they can open what the mail links to).</summary>
    public Task<List<Recipient>> CustomerSideAsync(int projectId, CancellationToken ct) => ContactsAsync(projectId, null, loginOnly: true, ct);

    /// <summary>The given contacts, if they belong to one of the project's customers; with or without a login.</summary>
    public Task<List<Recipient>> ContactsAsync(int projectId, IReadOnlyCollection<int> contactIds, CancellationToken ct) => ContactsAsync(projectId, contactIds, loginOnly: false, ct);

    /// <summary>The given users if they are active vendor staff, or an active login of one of the project's customers.</summary>
    public async Task<List<Recipient>> UsersAsync(int projectId, IEnumerable<string?> userIds, CancellationToken ct)
    {
        var ids = userIds.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            return [];
        }

        var customers = db.ProjectCustomers.Where(pc => pc.ProjectId == projectId).Select(pc => (int?)pc.CustomerId);
        var users = await db.Users.AsNoTracking()
            .Where(u => ids.Contains(u.Id) && u.IsActive && u.Email != null && (u.CustomerId == null || customers.Contains(u.CustomerId)))
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.PreferredLanguage, Customer = db.Customers.Where(c => c.Id == u.CustomerId).Select(c => c.PreferredLanguage).FirstOrDefault() })
            .ToListAsync(ct);
        return users.Select(u => new Recipient(u.DisplayName, u.Email!, u.PreferredLanguage ?? u.Customer ?? LocalizationSetup.DefaultCulture, u.Id)).ToList();
    }

    /// <summary>
    /// One mail to each recipient (once per address; never to <paramref name="exceptUserId"/>, who caused it), keyed
    /// <c>{key}:{address}</c>, linking to <paramref name="path"/> in the portal. Returns how many were added.
    /// </summary>
    public async Task<int> NotifyAsync(string key, NotificationKind kind, int projectId, string path, IEnumerable<Recipient> to, string? exceptUserId, Func<IStringLocalizer, NoticeText> text, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(text);
        var added = 0;
        var url = $"{portal.Value.PublicUrl.TrimEnd('/')}{path}";
        foreach (var r in to.Where(r => !string.IsNullOrWhiteSpace(r.Email) && (exceptUserId is null || r.UserId != exceptUserId))
            .DistinctBy(r => r.Email.Trim().ToUpperInvariant()))
        {
            using var _ = new CultureScope(r.Language);
            var notice = text(l);
            var (body, html) = MailBody.Render(notice.Subject, notice.Paragraphs, (notice.LinkText, url), l["Notice.Footer", vendor.Value.Name].Value, r.Language);
            var address = r.Email.Trim().ToLowerInvariant();
            if (await mailer.EnqueueAsync(new Mail($"{key}:{address}", kind, address, r.Name, r.Language, notice.Subject, body, html, ProjectId: projectId, UserId: r.UserId), ct))
            {
                added++;
            }
        }

        return added;
    }

    private async Task<List<Recipient>> ContactsAsync(int projectId, IReadOnlyCollection<int>? contactIds, bool loginOnly, CancellationToken ct)
    {
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => db.ProjectCustomers.Any(pc => pc.ProjectId == projectId && pc.CustomerId == c.CustomerId))
            .Where(c => contactIds == null || contactIds.Contains(c.Id))
            .Where(c => !loginOnly || db.Users.Any(u => u.Id == c.UserId && u.IsActive))
            .OrderBy(c => c.Id)
            .Select(c => new
            {
                c.Name, c.Email, c.UserId, Customer = c.Customer!.PreferredLanguage,
                User = db.Users.Where(u => u.Id == c.UserId).Select(u => u.PreferredLanguage).FirstOrDefault(),
            })
            .ToListAsync(ct);
        return contacts.Select(c => new Recipient(c.Name, c.Email, c.User ?? c.Customer, c.UserId)).ToList();
    }
}
