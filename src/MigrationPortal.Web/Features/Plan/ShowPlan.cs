using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Plan;

/// <summary>
/// The project plan: steps with dates grouped by phase, what each waits for, the milestones, the critical path, a
/// week-by-week chart, the phase gate and how the project moved between phases. A customer sees the customer-visible
/// steps only, and the critical path among those.
/// </summary>
public static class ShowPlan
{
    public sealed record ViewModel(
        int ProjectId,
        string ProjectName,
        Phase Phase,
        QueueWait? Waiting,
        IReadOnlyList<MilestoneItem> Milestones,
        IReadOnlyList<PhaseGroup> Phases,
        DateOnly? From,
        DateOnly? To,
        GateView? Gate,
        IReadOnlyList<TransitionItem> Transitions,
        bool CanEdit,
        bool IsStaff,
        DateOnly Today)
    {
        public IEnumerable<PlanStep> AllSteps => Phases.SelectMany(p => p.Steps);

        /// <summary>The gate override's reason, named as the advance action binds it; empty (a refusal comes back as a message).</summary>
        public string? Reason => null;
    }

    public sealed record QueueWait(int Place, DateOnly ExpectedStart);

    public sealed record MilestoneItem(MilestoneKind Kind, DateOnly? Date, bool Done, int StepId);

    public sealed record PhaseGroup(Phase Phase, IReadOnlyList<PlanStep> Steps);

    public sealed record PlanStep(
        int Id, string Title, ResponsibleParty Responsible, StepStatus Status, DateOnly? Start, DateOnly? Due,
        IReadOnlyList<string> WaitsFor, bool Critical, bool Overdue, MilestoneKind? Milestone, bool Required, bool CustomerVisible);

    /// <summary>For a lead: what stands between the project and the next phase.</summary>
    public sealed record GateView(Phase Next, IReadOnlyList<string> OpenRequired, bool MayOverride, int ProjectVersion);

    public sealed record TransitionItem(Phase From, Phase To, PhaseTransitionKind Kind, DateTime AtUtc, string UserName, string? Reason);

    public sealed class Handler(PortalDb db, ResourceAccess access, TimeProvider clock)
    {
        public async Task<Result<ViewModel>> GetAsync(int id, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.ProjectAsync(id, user, ProjectOperations.View, ct) is { } denied)
            {
                return denied;
            }

            var staff = await access.CanAsync(id, user, ProjectOperations.ViewInternal, ct);
            var today = Display.TodayInOslo(clock);
            var project = await db.Projects.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Name, p.Phase, p.Version }).SingleAsync(ct);
            var steps = await db.Steps.AsNoTracking().Where(s => s.ProjectId == id && (staff || s.CustomerVisible))
                .OrderBy(s => s.Phase).ThenBy(s => s.SortOrder)
                .Select(s => new
                {
                    s.Id, s.Phase, s.Title, s.Responsible, s.Status, s.PlannedStart, s.Due, s.Milestone, s.Required, s.CustomerVisible,
                    DependsOn = s.DependsOn.Select(d => d.DependsOnStepId).ToList(),
                })
                .ToListAsync(ct);
            var titles = steps.ToDictionary(s => s.Id, s => s.Title);

            // The critical path runs through what is still ahead: setup and go-live (intake is history, operations a cycle).
            var critical = ProjectPlan.CriticalPath(steps.Where(s => s.Phase is Phase.Setup or Phase.GoLive)
                .Select(s => new ProjectPlan.Node(s.Id, s.PlannedStart, s.Due, !Step.IsOpenStatus(s.Status), s.DependsOn.Where(titles.ContainsKey).ToList())).ToList());
            var groups = steps.GroupBy(s => s.Phase).OrderBy(g => g.Key)
                .Select(g => new PhaseGroup(g.Key, g.Select(s => new PlanStep(
                    s.Id, s.Title, s.Responsible, s.Status, s.PlannedStart, s.Due,
                    s.DependsOn.Where(titles.ContainsKey).Select(d => titles[d]).ToList(),
                    critical.Contains(s.Id), Step.IsOpenStatus(s.Status) && s.Due < today, s.Milestone, s.Required, s.CustomerVisible)).ToList()))
                .ToList();
            var milestones = steps.Where(s => s.Milestone is not null)
                .Select(s => new MilestoneItem(s.Milestone!.Value, ProjectPlan.MilestoneDate(s.Milestone.Value, s.PlannedStart, s.Due), !Step.IsOpenStatus(s.Status), s.Id))
                .OrderBy(m => m.Kind).ToList();
            // The chart spans the project itself (setup and go-live); intake is history and operations a yearly cycle.
            var dated = steps.Where(s => s.Phase is Phase.Setup or Phase.GoLive && s.PlannedStart is not null && s.Due is not null).ToList();
            var waiting = project.Phase == Phase.Setup && await db.QueuePlaceAsync(id, today, ct) is { } q ? new QueueWait(q.Place, q.ExpectedStart) : null;
            var transitions = await db.PhaseTransitions.AsNoTracking().Where(t => t.ProjectId == id).OrderBy(t => t.AtUtc)
                .Select(t => new TransitionItem(t.From, t.To, t.Kind, t.AtUtc, t.UserName, t.OverrideReason)).ToListAsync(ct);
            var canEdit = await access.CanAsync(id, user, ProjectOperations.Edit, ct);
            GateView? gate = null;
            if (await access.CanAsync(id, user, ProjectOperations.Lead, ct) && project.Phase == Phase.Setup)
            {
                var open = steps.Where(s => s.Phase == project.Phase && s.Required && Step.IsOpenStatus(s.Status)).Select(s => s.Title).ToList();
                gate = new GateView(PhaseGate.Next(project.Phase)!.Value, open, MayOverride: true, project.Version);
            }

            return new ViewModel(id, project.Name, project.Phase, waiting, milestones, groups,
                dated.Count == 0 ? null : dated.Min(s => s.PlannedStart), dated.Count == 0 ? null : dated.Max(s => s.Due),
                gate, transitions, canEdit, staff, today);
        }
    }
}
