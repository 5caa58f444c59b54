using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Paging;

namespace MigrationPortal.Web.Features.CustomerHome;

/// <summary>What a customer contact sees first: their organisation's projects, next steps and meetings, and who to call.</summary>
public static class CustomerHome
{
    /// <summary>Project cards per page.</summary>
    public const int PageSize = 10;

    /// <summary>One page of the customer's projects (<paramref name="Paging"/> counts them all) and the next meetings over all of them.</summary>
    public sealed record ViewModel(string CustomerName, IReadOnlyList<ProjectCard> Projects, IReadOnlyList<MeetingItem> NextMeetings, PageInfo Paging)
    {
        /// <summary>The customer's own id, for the links of operations (its upgrade notices).</summary>
        public int CustomerId { get; init; }

        /// <summary>Releases the customer has been told about and not yet acknowledged.</summary>
        public int UpgradeNoticesOpen { get; init; }
    }

    public sealed record ProjectCard(int Id, string Name, Phase Phase, int PercentDone, IReadOnlyList<StepItem> NextSteps, string? LeadName, string? LeadEmail, string? LeadPhone,
        IReadOnlyList<PhaseProgress> Phases)
    {
        public int? QueuePosition { get; init; }
        public DateOnly? ExpectedStart { get; init; }
        public IReadOnlyList<(int Id, string Number, int Revision, DateOnly ValidUntil)> OpenOffers { get; init; } = [];

        /// <summary>The checklist items the customer still has to do, soonest first.</summary>
        public IReadOnlyList<ChecklistItemDue> OpenChecklist { get; init; } = [];
    }

    public sealed record ChecklistItemDue(int Id, string Title, DateOnly? Due, bool Overdue);

    public sealed record StepItem(string Title, ResponsibleParty Responsible, DateOnly? Due, StepStatus Status);

    public sealed record MeetingItem(int ProjectId, int Id, string Title, DateTime StartUtc, string? Location);

    public sealed class Handler(PortalDb db, TimeProvider clock)
    {
        /// <summary>
        /// The customer's page <paramref name="page"/> of projects (active phases first, then by name): steps, offers,
        /// checklist and queue places are read for that page's projects only; the next meetings and the upgrade notices
        /// are the customer's, over all its projects. A fixed number of statements, however many projects.
        /// </summary>
        public async Task<ViewModel?> GetAsync(ClaimsPrincipal user, int page, CancellationToken ct)
        {
            if (user.CustomerId() is not { } customerId)
            {
                return null;
            }

            var name = await db.Customers.AsNoTracking().Where(c => c.Id == customerId).Select(c => c.Name).SingleOrDefaultAsync(ct);
            if (name is null)
            {
                return null;
            }

            var visible = db.Projects.AsNoTracking().VisibleTo(user);
            var (projects, paging) = await visible.OrderByPhase().ThenBy(p => p.Name).ThenBy(p => p.Id)
                .Select(p => new
                {
                    p.Id, p.Name, p.Phase,
                    LeadName = p.Lead == null ? null : p.Lead.DisplayName,
                    LeadEmail = p.Lead == null ? null : p.Lead.Email,
                    LeadPhone = p.Lead == null ? null : p.Lead.PhoneNumber,
                })
                .PageAsync(page, PageSize, ct);
            var ids = projects.Select(p => p.Id).ToList();
            var steps = (await db.Steps.AsNoTracking().Where(s => ids.Contains(s.ProjectId) && s.CustomerVisible)
                    .Select(s => new { s.ProjectId, s.Title, s.Responsible, s.Due, s.Status, s.Phase, s.SortOrder }).ToListAsync(ct))
                .ToLookup(s => s.ProjectId);
            var cards = projects.Select(p =>
            {
                var mine = steps[p.Id].ToList();
                var next = mine.Where(s => Step.IsOpenStatus(s.Status))
                    .OrderBy(s => s.Due ?? DateOnly.MaxValue).ThenBy(s => s.Phase).ThenBy(s => s.SortOrder).Take(3)
                    .Select(s => new StepItem(s.Title, s.Responsible, s.Due, s.Status)).ToList();
                var phases = PhaseProgress.Of(p.Phase, mine.Select(s => (s.Phase, s.Status)).ToList());
                return new ProjectCard(p.Id, p.Name, p.Phase, PhaseProgress.PercentDone(phases), next, p.LeadName, p.LeadEmail, p.LeadPhone, phases);
            }).ToList();

            var now = clock.GetUtcNow().UtcDateTime;
            var today = Infrastructure.Localization.Display.TodayInOslo(clock);
            var perMonth = await db.StartsPerMonthAsync(ct);
            var queue = await db.QueuePlacesAsync(ids, ct);
            var offers = await db.OfferRevisions.AsNoTracking()
                .Where(r => ids.Contains(r.Offer!.ProjectId) && r.Status == OfferStatus.Sent && r.ValidUntil >= today)
                .Select(r => new { r.Id, r.Offer!.ProjectId, r.Offer.Number, r.Revision, r.ValidUntil }).ToListAsync(ct);
            var checklist = await db.ChecklistItems.AsNoTracking()
                .Where(i => ids.Contains(i.ProjectId) && i.Owner == ResponsibleParty.Customer && i.Status == ChecklistStatus.Open)
                .OrderBy(i => i.Due == null).ThenBy(i => i.Due).ThenBy(i => i.SortOrder)
                .Select(i => new { i.Id, i.ProjectId, i.Title, i.Due }).ToListAsync(ct);
            cards = cards.Select(c => c with
            {
                QueuePosition = queue.TryGetValue(c.Id, out var pos) ? pos : null,
                ExpectedStart = queue.TryGetValue(c.Id, out var p2) ? CloudQueue.ExpectedStartMonth(p2, perMonth, today) : null,
                OpenOffers = offers.Where(o => o.ProjectId == c.Id).Select(o => (o.Id, o.Number, o.Revision, o.ValidUntil)).ToList(),
                OpenChecklist = checklist.Where(i => i.ProjectId == c.Id).Select(i => new ChecklistItemDue(i.Id, i.Title, i.Due, i.Due < today)).ToList(),
            }).ToList();
            var meetings = paging.Total == 0 ? [] : await db.Meetings.AsNoTracking()
                .Where(m => visible.Select(p => p.Id).Contains(m.ProjectId) && m.CustomerVisible && m.EndUtc >= now)
                .OrderBy(m => m.StartUtc).Take(5)
                .Select(m => new MeetingItem(m.ProjectId, m.Id, m.Title, m.StartUtc, m.Location))
                .ToListAsync(ct);
            // The notices are the customer's, not a project's; they are shown on the cards of projects in operation.
            var notices = cards.Any(c => c.Phase == Phase.Operations)
                ? await db.UpgradeNotices.AsNoTracking()
                    .Where(n => n.CustomerId == customerId && !db.UpgradeAcknowledgements.Any(a => a.CustomerId == customerId && a.ReleaseId == n.ReleaseId))
                    .Select(n => n.ReleaseId).Distinct().CountAsync(ct)
                : 0;
            return new ViewModel(name, cards, meetings, paging) { CustomerId = customerId, UpgradeNoticesOpen = notices };
        }
    }
}
