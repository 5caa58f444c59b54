using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Mail;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Offers;

/// <summary>
/// Sending a draft: the PDF is rendered once and kept with its SHA-256, so what the customer reads, downloads and
/// accepts is byte for byte the same. An earlier sent revision is superseded.
/// </summary>
public static partial class SendOffer
{
    public sealed partial class Handler(PortalDb db, OfferAccess access, TimeProvider clock, OfferPdf pdf, ProjectNotifier notifier, ILogger<Handler> logger)
    {
        /// <summary>Sends the revision as of <paramref name="version"/>; a send racing another change of the offer conflicts.</summary>
        public async Task<Result<int>> SendAsync(int revisionId, int version, ClaimsPrincipal user, CancellationToken ct)
        {
            var target = await access.CheckAsync(revisionId, user, ProjectOperations.EditOffers, ct);
            if (!target.IsOk)
            {
                return target.Cast<int>();
            }

            var r = await db.OfferRevisions.Include(x => x.Offer).Include(x => x.Activities).SingleAsync(x => x.Id == revisionId, ct);
            if (r.Status != OfferStatus.Draft || await db.OfferRevisions.AnyAsync(x => x.OfferId == r.OfferId && x.Status == OfferStatus.Accepted, ct))
            {
                return Result.Refused("Offer.LockedText");
            }

            if (r.Version != version)
            {
                return Result.Conflict(null);
            }

            var today = Display.TodayInOslo(clock);
            if (r.Activities.Count == 0 || r.ValidUntil < today)
            {
                return Result.Refused("Offer.CannotSend");
            }

            // A start estimate that has gone by is refreshed from the queue as it is now.
            var queue = await db.QueueInfoAsync(today, ct);
            if (r.EstimatedStartMonth is null || r.EstimatedStartMonth < queue.ExpectedStartIfAcceptedNow)
            {
                r.EstimatedStartMonth = queue.ExpectedStartIfAcceptedNow;
            }

            // Status, PDF and hash land together or not at all; the offer row's version makes a send
            // conflict with an acceptance or another send of the same offer at the same moment.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.ExpectVersion(r, version);
            db.Entry(r.Offer!).Property(o => o.Version).IsModified = true;
            r.Status = OfferStatus.Sent;
            r.SentUtc = clock.GetUtcNow().UtcDateTime;
            foreach (var earlier in await db.OfferRevisions.Where(x => x.OfferId == r.OfferId && x.Id != r.Id && x.Status == OfferStatus.Sent).ToListAsync(ct))
            {
                earlier.Status = OfferStatus.Superseded;
            }

            if (!await db.TrySaveAsync(ct))
            {
                return Result.Conflict(null);
            }

            // Rendered inside the transaction, after the status change, so the PDF carries the sent date and no draft mark.
            var bytes = await pdf.RenderAsync(r.Id, ct);
            r.PdfContent = bytes;
            r.PdfSha256 = OfferRevision.Sha256(bytes);

            // The customer's contacts with a login learn of it in the same transaction: no mail about an offer that was not sent.
            var project = target.Value!.ProjectId;
            var projectName = await db.Projects.Where(p => p.Id == project).Select(p => p.Name).SingleAsync(ct);
            await notifier.NotifyAsync($"offer-sent:{r.Id}", NotificationKind.OfferSent, project, $"/offers/{r.Id}", await notifier.CustomerSideAsync(project, ct), user.UserId(),
                l => new NoticeText(l["Notice.OfferSent.Subject", r.Offer!.Number, r.Title],
                    [l["Notice.OfferSent.Body", r.Title, projectName, Display.Date(r.ValidUntil)], l["Notice.OfferSent.Next"]], l["Notice.OfferSent.Link"]), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);

            LogSent(logger, r.Offer!.Number, r.Revision, target.Value!.ProjectId);
            return r.Id;
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Offer {OfferNumber} revision {Revision} sent for project {ProjectId}")]
        private static partial void LogSent(ILogger logger, string offerNumber, int revision, int projectId);
    }
}
