using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Mail;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Admin;

/// <summary>
/// The admin's view of the outbox: what went out, what waits and why, resending a dead (or sent) mail, and the
/// pickup folder's .eml files when no SMTP server is set. No body is shown; account mails (password links) cannot
/// be downloaded from the pickup folder either.
/// </summary>
public static class Outbox
{
    public const int PageSize = 50;

    public sealed record Item(
        long Id, DateTime CreatedUtc, string To, string? ToName, string Subject, NotificationKind Kind, OutboxStatus Status,
        int Attempts, string? LastError, DateTime? SentUtc, DateTime NextAttemptUtc);

    /// <summary>A file in the pickup folder; <see cref="Downloadable"/> is false for account mails.</summary>
    public sealed record PickupFile(string Name, long Bytes, DateTime WrittenUtc, bool Downloadable);

    /// <summary>The filter, named as the query string binds it (the page's form is drawn from it): a status and the page.</summary>
    public sealed class Filter
    {
        [Display(Name = "Outbox.Status")]
        public OutboxStatus? Status { get; set; }

        [Display(Name = "Common.Page")]
        public int Page { get; set; } = 1;
    }

    public sealed record ViewModel(IReadOnlyList<Item> Items, Filter Filter, int Page, bool HasMore, string? PickupFolder, IReadOnlyList<PickupFile> PickupFiles) : IFormPage
    {
        object IFormPage.Form => Filter;
    }

    public sealed class Handler(PortalDb db, TimeProvider clock, IOptions<MailOptions> options, IHostEnvironment env)
    {
        private string? PickupFolder => options.Value.UsesPickup ? options.Value.PickupPath(env.ContentRootPath) : null;

        public async Task<ViewModel> ListAsync(Filter filter, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(filter);
            var page = Math.Max(filter.Page, 1);
            var query = db.Outbox.AsNoTracking();
            if (filter.Status is { } s)
            {
                query = query.Where(m => m.Status == s);
            }

            var items = await query.OrderByDescending(m => m.CreatedUtc).ThenByDescending(m => m.Id)
                .Skip((page - 1) * PageSize).Take(PageSize + 1)
                .Select(m => new Item(m.Id, m.CreatedUtc, m.ToAddress, m.ToName, m.Subject, m.Kind, m.Status, m.Attempts, m.LastError, m.SentUtc, m.NextAttemptUtc))
                .ToListAsync(ct);
            return new ViewModel(items.Take(PageSize).ToList(), filter, page, items.Count > PageSize, PickupFolder, await PickupFilesAsync(ct));
        }

        /// <summary>Puts a dead or sent mail back in line, to go at once with a fresh count of attempts.</summary>
        public async Task<Result<long>> ResendAsync(long id, CancellationToken ct)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var changed = await db.Outbox.Where(m => m.Id == id && m.Status != OutboxStatus.Pending).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptUtc, now)
                .SetProperty(m => m.LockedUntilUtc, (DateTime?)null)
                .SetProperty(m => m.LastError, (string?)null), ct);
            if (changed == 1)
            {
                return id;
            }

            return await db.Outbox.AnyAsync(m => m.Id == id, ct) ? Result.Refused("Outbox.AlreadyPending") : Result.NotFound;
        }

        /// <summary>The full path of a pickup file that may be downloaded, or not found (unknown name, outside the folder, an account mail).</summary>
        public async Task<Result<string>> PickupFileAsync(string name, CancellationToken ct)
        {
            if (PickupFolder is not { } folder || string.IsNullOrEmpty(name) || Path.GetFileName(name) != name || !name.EndsWith(".eml", StringComparison.Ordinal))
            {
                return Result.NotFound;
            }

            var file = (await PickupFilesAsync(ct)).SingleOrDefault(f => f.Name == name);
            return file is { Downloadable: true } ? Path.Combine(folder, name) : Result.NotFound;
        }

        private async Task<IReadOnlyList<PickupFile>> PickupFilesAsync(CancellationToken ct)
        {
            if (PickupFolder is not { } folder || !Directory.Exists(folder))
            {
                return [];
            }

            var files = new DirectoryInfo(folder).GetFiles("*.eml").OrderByDescending(f => f.LastWriteTimeUtc).ThenBy(f => f.Name, StringComparer.Ordinal).Take(200).ToList();
            var accountIds = await db.Outbox.AsNoTracking().Where(m => m.Kind == NotificationKind.Account).Select(m => m.MessageId).ToListAsync(ct);
            var accountFiles = accountIds.Select(OutboxSender.PickupFileName).ToHashSet(StringComparer.Ordinal);
            return files.Select(f => new PickupFile(f.Name, f.Length, f.LastWriteTimeUtc, !accountFiles.Contains(f.Name))).ToList();
        }
    }
}
