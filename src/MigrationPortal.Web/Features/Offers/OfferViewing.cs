using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Offers;

/// <summary>Reading offers: one revision, a project's offers, all revisions side by side, the sales pipeline, the PDF.</summary>
public static class OfferViewing
{
    public sealed record ActivityItem(string Description, PriceKind PriceKind, decimal Quantity, string? Unit, decimal UnitPrice, decimal Total, int? Weeks);

    public sealed record YearlyItem(string Description, decimal AmountPerYear);

    public sealed record RevisionView(
        int Id,
        int OfferId,
        string Number,
        int Revision,
        OfferStatus Status,
        string Title,
        string? Summary,
        string? Terms,
        string? Caveats,
        DateOnly ValidUntil,
        DateOnly? EstimatedStartMonth,
        int? EstimatedDurationWeeks,
        string? VendorContact,
        DateTime? SentUtc,
        string? PdfSha256,
        string? AcceptedByName,
        DateTime? AcceptedUtc,
        string? AcceptedFromIp,
        DateTime? DeclinedUtc,
        string? DeclineReason,
        IReadOnlyList<ActivityItem> Activities,
        IReadOnlyList<YearlyItem> YearlyCosts)
    {
        public int Version { get; init; }

        public decimal OneOffTotal => Activities.Sum(a => a.Total);

        public decimal YearlyTotal => YearlyCosts.Sum(c => c.AmountPerYear);
    }

    public sealed record ShowPage(RevisionView Revision, int ProjectId, string ProjectName, bool CanEdit, bool IsStaff, bool IsNewest, AcceptanceProblem? AcceptProblem, bool CanDecline, IReadOnlyList<(int Id, int Revision, OfferStatus Status)> Others, QueueView? Queue)
    {
        /// <summary>The sealed contract made when this revision was accepted, if any.</summary>
        public int? ContractId { get; init; }

        // The accept and decline forms' fields, named as the actions bind them (a refusal comes back as a message, not as these).

        /// <summary>The signer's full name, typed as a signature.</summary>
        public string? FullName => null;

        /// <summary>The signer confirms they accept this revision.</summary>
        public bool Confirm => false;

        /// <summary>Why the customer declines.</summary>
        public string? Reason => null;
    }

    public sealed record QueueView(int Position, DateOnly ExpectedStart);

    public sealed record PdfFile(byte[] Content, string FileName);

    public sealed record ProjectOffers(int ProjectId, string ProjectName, bool CanCreate, IReadOnlyList<RevisionSummary> Revisions);

    /// <summary>A revision in a list; its totals as stored in øre (<see cref="OfferRevision.OneOffTotalOre"/>), so lists never load the rows.</summary>
    public sealed record RevisionSummary(int Id, int OfferId, string Number, int Revision, OfferStatus Status, string Title, long OneOffTotalOre, long YearlyTotalOre, DateOnly ValidUntil, DateTime? SentUtc, string ProjectName, int ProjectId)
    {
        public decimal OneOffTotal => OfferRevision.FromOre(OneOffTotalOre);

        public decimal YearlyTotal => OfferRevision.FromOre(YearlyTotalOre);
    }

    public sealed class Handler(PortalDb db, OfferAccess access, TimeProvider clock)
    {
        public async Task<Result<ShowPage>> ShowAsync(int revisionId, ClaimsPrincipal user, CancellationToken ct)
        {
            var checkedTarget = await access.CheckAsync(revisionId, user, ProjectOperations.View, ct);
            if (checkedTarget.Value is not { } target)
            {
                return checkedTarget.Cast<ShowPage>();
            }

            var today = Display.TodayInOslo(clock);
            var staff = await access.CanAsync(target.ProjectId, user, ProjectOperations.ViewInternal, ct);
            var view = (await LoadAsync(r => r.Id == revisionId, today, ct))[0];
            var project = await db.Projects.AsNoTracking().Where(p => p.Id == target!.ProjectId).Select(p => p.Name).SingleAsync(ct);
            var others = (await db.OfferRevisions.AsNoTracking().Where(r => r.OfferId == target!.OfferId && (staff || r.Status != OfferStatus.Draft))
                .OrderBy(r => r.Revision).Select(r => new { r.Id, r.Revision, r.Status, r.ValidUntil }).ToListAsync(ct))
                .Select(r => (r.Id, r.Revision, r.Status == OfferStatus.Sent && r.ValidUntil < today ? OfferStatus.Expired : r.Status)).ToList();
            var newestSent = await NewestSentAsync(target!.OfferId, ct);
            AcceptanceProblem? problem = null;
            var canDecline = false;
            if (await access.CanAsync(target.ProjectId, user, ProjectOperations.DecideOffers, ct) && user.UserId() is { } userId
                && await db.Contacts.AsNoTracking().SingleOrDefaultAsync(c => c.UserId == userId, ct) is { } contact)
            {
                problem = OfferAcceptance.Check(await db.OfferRevisions.AsNoTracking().SingleAsync(r => r.Id == revisionId, ct), newestSent == revisionId, contact, contact.Name, confirmed: true, today);
                canDecline = problem == AcceptanceProblem.None;
            }

            var canEdit = await access.CanAsync(target.ProjectId, user, ProjectOperations.EditOffers, ct);
            var ranks = CloudQueue.Ranks(await db.CloudQueue.AsNoTracking().Where(q => q.StartedUtc == null).ToListAsync(ct));
            var perMonth = await db.StartsPerMonthAsync(ct);
            var queueView = ranks.TryGetValue(target.ProjectId, out var pos) ? new QueueView(pos, CloudQueue.ExpectedStartMonth(pos, perMonth, today)) : null;
            var contractId = await db.SignedContracts.Where(c => c.OfferRevisionId == revisionId).Select(c => (int?)c.Id).SingleOrDefaultAsync(ct);
            return new ShowPage(view, target.ProjectId, project, canEdit, staff, newestSent == revisionId || view.Status == OfferStatus.Draft, problem, canDecline, others, queueView) { ContractId = contractId };
        }

        public async Task<Result<ProjectOffers>> ForProjectAsync(int projectId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.CheckProjectAsync(projectId, user, ProjectOperations.View, ct) is { } denied)
            {
                return denied;
            }

            var staff = await access.CanAsync(projectId, user, ProjectOperations.ViewInternal, ct);
            var name = await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Name).SingleAsync(ct);
            var list = await SummariesAsync(db.OfferRevisions.AsNoTracking().Where(r => r.Offer!.ProjectId == projectId && (staff || r.Status != OfferStatus.Draft)), ct);
            var canCreate = await access.CanAsync(projectId, user, ProjectOperations.EditOffers, ct);
            return new ProjectOffers(projectId, name, canCreate, list);
        }

        /// <summary>The PDF: the stored bytes of a sent revision, or a fresh preview of a draft (staff only).</summary>
        public async Task<Result<PdfFile>> PdfAsync(int revisionId, ClaimsPrincipal user, OfferPdf pdf, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(pdf);
            var checkedTarget = await access.CheckAsync(revisionId, user, ProjectOperations.View, ct);
            if (checkedTarget.Value is not { } target)
            {
                return checkedTarget.Cast<PdfFile>();
            }

            static string Name(string number, int revision, bool draft) => $"{number}-rev{revision}{(draft ? "-utkast" : string.Empty)}.pdf";
            if (target.Status == OfferStatus.Draft)
            {
                var draft = await pdf.RenderWithNumberAsync(revisionId, ct);
                return new PdfFile(draft.Pdf, Name(draft.Number, draft.Revision, draft: true));
            }

            // A sent revision is only ever served as the stored bytes: never re-rendered, so its hash always holds.
            var r = await db.OfferRevisions.AsNoTracking().Where(x => x.Id == revisionId).Select(x => new { x.PdfContent, x.Offer!.Number, x.Revision }).SingleAsync(ct);
            return r.PdfContent is { } stored ? new PdfFile(stored, Name(r.Number, r.Revision, draft: false)) : Result.NotFound;
        }

        public Task<List<RevisionSummary>> SummariesAsync(IQueryable<OfferRevision> revisions, CancellationToken ct) =>
            Summaries(revisions.OrderByDescending(r => r.CreatedUtc).ThenByDescending(r => r.Id), Display.TodayInOslo(clock)).ToListAsync(ct);

        /// <summary>The revisions as list rows, in one query: the status as of today (a sent offer past its date has expired) computed in SQL.</summary>
        public static IQueryable<RevisionSummary> Summaries(IQueryable<OfferRevision> revisions, DateOnly today) =>
            revisions.Select(r => new RevisionSummary(r.Id, r.OfferId, r.Offer!.Number, r.Revision,
                r.Status == OfferStatus.Sent && r.ValidUntil < today ? OfferStatus.Expired : r.Status, r.Title,
                r.OneOffTotalOre, r.YearlyTotalOre, r.ValidUntil, r.SentUtc, r.Offer.Project!.Name, r.Offer.ProjectId));

        /// <summary>Every revision of the offer side by side (staff).</summary>
        public async Task<Result<IReadOnlyList<RevisionView>>> CompareAsync(int revisionId, ClaimsPrincipal user, CancellationToken ct)
        {
            var target = await access.CheckAsync(revisionId, user, ProjectOperations.ViewInternal, ct);
            if (target.Value is not { } t)
            {
                // Revisions side by side are the vendor's own: to a customer they do not exist.
                return target.Kind == ResultKind.Forbidden ? Result.NotFound : target.Cast<IReadOnlyList<RevisionView>>();
            }

            var views = await LoadAsync(r => r.OfferId == t.OfferId, Display.TodayInOslo(clock), ct);
            return views.OrderBy(v => v.Revision).ToList();
        }

        private async Task<int?> NewestSentAsync(int offerId, CancellationToken ct) =>
            await db.OfferRevisions.Where(r => r.OfferId == offerId && r.Status != OfferStatus.Draft).OrderByDescending(r => r.Revision).Select(r => (int?)r.Id).FirstOrDefaultAsync(ct);

        /// <summary>The revisions that match, with their rows and vendor contacts, in two queries whatever their number.</summary>
        private async Task<List<RevisionView>> LoadAsync(System.Linq.Expressions.Expression<Func<OfferRevision, bool>> which, DateOnly today, CancellationToken ct)
        {
            var revisions = await db.OfferRevisions.AsNoTracking().Where(which).Include(x => x.Offer).Include(x => x.Activities).Include(x => x.YearlyCosts)
                .AsSplitQuery().ToListAsync(ct);
            var contactIds = revisions.Select(r => r.VendorContactUserId).OfType<string>().Distinct().ToList();
            var contacts = await db.Users.AsNoTracking().Where(u => contactIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            return revisions.Select(r => new RevisionView(r.Id, r.OfferId, r.Offer!.Number, r.Revision, r.EffectiveStatus(today), r.Title, r.Summary, r.Terms, r.Caveats, r.ValidUntil,
                r.EstimatedStartMonth, r.EstimatedDurationWeeks, r.VendorContactUserId is { } c ? contacts.GetValueOrDefault(c) : null, r.SentUtc, r.PdfSha256,
                r.AcceptedByName, r.AcceptedUtc, r.AcceptedFromIp, r.DeclinedUtc, r.DeclineReason,
                r.Activities.OrderBy(a => a.SortOrder).Select(a => new ActivityItem(a.Description, a.PriceKind, a.Quantity, a.Unit, a.UnitPrice, a.Total, a.DurationWeeks)).ToList(),
                r.YearlyCosts.OrderBy(c => c.SortOrder).Select(c => new YearlyItem(c.Description, c.AmountPerYear)).ToList())
            { Version = r.Version }).ToList();
        }
    }
}
