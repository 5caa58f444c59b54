using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Projects;

public static class ShowProject
{
    public sealed record ViewModel(
        int Id,
        string Name,
        Phase Phase,
        ProjectStatus Status,
        ProjectHealth Health,
        DateOnly? PlannedStart,
        DateOnly? PlannedGoLive,
        LeadViewModel? Lead,
        IReadOnlyList<CustomerItem> Customers,
        IReadOnlyList<string> Products,
        IReadOnlyList<PhaseProgress> Phases,
        IReadOnlyList<StepItem> Steps,
        IReadOnlyList<MeetingItem> Meetings,
        bool CanEdit,
        bool IsStaff,
        DateOnly Today)
    {
        /// <summary>In setup but still in the cloud queue: the place and the month the project can expect to start.</summary>
        public (int Place, DateOnly ExpectedStart)? Waiting { get; init; }
    }

    public sealed record LeadViewModel(string Name, string? Email, string? Phone);

    public sealed record CustomerItem(int Id, string Name, string OrgNumber);

    public sealed record StepItem(int Id, Phase Phase, string Title, StepStatus Status, ResponsibleParty Responsible, string? Assignee, DateOnly? PlannedStart, DateOnly? Due, bool CustomerVisible, bool Overdue);

    public sealed record MeetingItem(int Id, MeetingKind Kind, string Title, DateTime StartUtc, DateTime EndUtc, string? Location, bool CustomerVisible);

    public sealed class Handler(PortalDb db, ResourceAccess access, TimeProvider clock)
    {
        /// <summary>The project page (its change history has a tab of its own, <see cref="ProjectHistory"/>).</summary>
        public async Task<Result<ViewModel>> GetAsync(int id, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.ProjectAsync(id, user, ProjectOperations.View, ct) is { } denied)
            {
                return denied;
            }

            var staff = await access.CanAsync(id, user, ProjectOperations.ViewInternal, ct);
            var today = Display.TodayInOslo(clock);
            // The project, its customers and its products as separate lookups by key: in one statement SQLite scans every
            // project's link rows to build a temporary index (milliseconds at thousands of projects, against microseconds).
            var p = await db.Projects.AsNoTracking().Where(x => x.Id == id)
                .Select(x => new
                {
                    x.Id, x.Name, x.Phase, x.Status, x.PlannedStart, x.PlannedGoLive,
                    Lead = x.Lead == null ? null : new LeadViewModel(x.Lead.DisplayName, x.Lead.Email, x.Lead.PhoneNumber),
                })
                .SingleAsync(ct);
            var customers = await db.ProjectCustomers.AsNoTracking().Where(pc => pc.ProjectId == id)
                .Select(pc => new CustomerItem(pc.CustomerId, pc.Customer!.Name, pc.Customer.OrgNumber)).ToListAsync(ct);
            var products = await db.ProjectProducts.AsNoTracking().Where(pp => pp.ProjectId == id).Select(pp => pp.Product!.Name).ToListAsync(ct);

            // Assignees' names by a left join on the users' key (staff only ever, so no customer's name can leak), not a
            // subquery per step; the description is the step page's, not read here.
            var allSteps = await (
                from s in db.Steps.AsNoTracking()
                where s.ProjectId == id
                join u in db.Users.Where(u => u.CustomerId == null) on s.AssigneeUserId equals u.Id into assignees
                from u in assignees.DefaultIfEmpty()
                orderby s.Phase, s.SortOrder
                select new { s.Id, s.Phase, s.Title, s.Status, s.Responsible, s.PlannedStart, s.Due, s.CustomerVisible, Assignee = u == null ? null : u.DisplayName })
                .ToListAsync(ct);
            var visible = allSteps.Where(s => staff || s.CustomerVisible).ToList();

            // A customer's badge is computed from what they can see, so it never hints at internal steps.
            var checklist = await db.ChecklistItems.AsNoTracking().Where(c => c.ProjectId == id).Select(c => new { c.Owner, c.Status, c.Due }).ToListAsync(ct);
            var health = ProjectHealthRule.Compute(p.Phase, p.PlannedGoLive, visible.Select(s => (s.Status, s.Due)), today, checklist.Select(c => (c.Owner, c.Status, c.Due)));
            var steps = visible.Select(s => new StepItem(
                s.Id, s.Phase, s.Title, s.Status, s.Responsible,
                s.Assignee,
                s.PlannedStart, s.Due, s.CustomerVisible,
                Step.IsOpenStatus(s.Status) && s.Due < today)).ToList();
            var phases = PhaseProgress.Of(p.Phase, visible.Select(s => (s.Phase, s.Status)).ToList());

            var meetings = await db.Meetings.AsNoTracking().Where(m => m.ProjectId == id && (staff || m.CustomerVisible))
                .OrderBy(m => m.StartUtc)
                .Select(m => new MeetingItem(m.Id, m.Kind, m.Title, m.StartUtc, m.EndUtc, m.Location, m.CustomerVisible))
                .ToListAsync(ct);

            var canEdit = await access.CanAsync(id, user, ProjectOperations.Edit, ct);
            return new ViewModel(p.Id, p.Name, p.Phase, p.Status, health, p.PlannedStart, p.PlannedGoLive, p.Lead, [.. customers.OrderBy(c => c.Name, StringComparer.CurrentCulture)], [.. products.Order(StringComparer.CurrentCulture)], phases, steps, meetings, canEdit, staff, today)
            {
                Waiting = p.Phase == Phase.Setup ? await db.QueuePlaceAsync(id, today, ct) : null,
            };
        }
    }
}
