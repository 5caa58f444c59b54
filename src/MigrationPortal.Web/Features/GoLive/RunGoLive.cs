using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Calendar;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.GoLive;

/// <summary>
/// Phase 3: the upgrade steps the customer's systems call for, the cutover window (validated against working hours,
/// Norwegian holidays and daylight saving), the first production day, the close follow-up and the handover to the
/// cloud centre, after which the project is in operations and the cloud centre is the customer's contact.
/// </summary>
public static class RunGoLive
{
    public const int MaxReason = 2000;

    public sealed record ViewModel(
        int ProjectId,
        string ProjectName,
        Phase Phase,
        int Version,
        IReadOnlyList<UpgradeItem> Upgrades,
        string RequiredWebSakVersion,
        DateTime? CutoverStartUtc,
        DateTime? CutoverEndUtc,
        DateOnly? FirstProductionDay,
        int FollowUpWeeks,
        DateOnly? FollowUpEnd,
        DateTime? HandoverRequestedUtc,
        string? HandoverRequestedBy,
        DateTime? HandoverAcceptedUtc,
        string? HandoverAcceptedBy,
        IReadOnlyList<string> OpenGoLiveSteps,
        IReadOnlyList<string> EndAfterCutover,
        bool CanLead,
        bool CanAcceptHandover,
        bool IsStaff,
        WorkingHours Hours)
    {
        // The small forms' fields, named as the actions bind them (a refusal comes back as a message, not as these).

        /// <summary>The first production day to record: the day the cutover window ends, in Oslo.</summary>
        public DateOnly? Day => CutoverEndUtc is { } end ? DateOnly.FromDateTime(Display.ToOslo(end)) : null;

        /// <summary>The weeks of close follow-up.</summary>
        public int Weeks => FollowUpWeeks;

        /// <summary>Why the handover is asked for with go-live steps still open.</summary>
        public string? Reason => null;
    }

    /// <summary>A go-live step the installed base calls for, and why.</summary>
    public sealed record UpgradeItem(string Title, StepStatus Status, DateOnly? Due, string ReasonKey, IReadOnlyList<string> Customers, string? FromVersion);

    public sealed class CutoverForm : IVersionedForm
    {
        [FromRoute(Name = "id")]
        public int ProjectId { get; set; }

        public int Version { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "GoLive.StartDate")]
        public DateOnly? StartDate { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "GoLive.StartTime")]
        public TimeOnly? StartTime { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "GoLive.EndDate")]
        public DateOnly? EndDate { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "GoLive.EndTime")]
        public TimeOnly? EndTime { get; set; }
    }

    public sealed record CutoverPage(CutoverForm Form, string ProjectName, WorkingHours Hours) : IFormPage
    {
        object IFormPage.Form => Form;
    }

    public sealed class Handler(PortalDb db, ResourceAccess access, WorkCalendar calendar, TimeProvider clock)
    {
        public async Task<Result<ViewModel>> GetAsync(int id, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.ProjectAsync(id, user, ProjectOperations.View, ct) is { } denied)
            {
                return denied;
            }

            var staff = await access.CanAsync(id, user, ProjectOperations.ViewInternal, ct);
            var p = await db.Projects.AsNoTracking().Where(x => x.Id == id).Select(x => new
            {
                x.Name, x.Phase, x.Version, x.CutoverStartUtc, x.CutoverEndUtc, x.FirstProductionDay, x.FollowUpWeeks,
                x.HandoverRequestedUtc, x.HandoverRequestedByName, x.HandoverAcceptedUtc, x.HandoverAcceptedByName,
                Customers = x.Customers.Select(c => c.CustomerId).ToList(),
            }).SingleAsync(ct);
            var steps = await db.Steps.AsNoTracking().Where(s => s.ProjectId == id && s.Phase == Phase.GoLive && (staff || s.CustomerVisible))
                .OrderBy(s => s.SortOrder).Select(s => new { s.Title, s.Status, s.Due, s.TemplateKey, s.Required, s.Milestone }).ToListAsync(ct);
            var installed = await db.CustomerProducts.AsNoTracking().Where(cp => p.Customers.Contains(cp.CustomerId))
                .Select(cp => new { cp.Product!.Code, Customer = cp.Customer!.Name, cp.Version }).ToListAsync(ct);
            var required = await db.VendorSettings.Select(v => v.RequiredWebSakVersion).FirstOrDefaultAsync(ct) ?? string.Empty;
            var upgrades = new List<UpgradeItem>();
            foreach (var s in steps.Where(s => s.TemplateKey is PlanKeys.Upgrade or PlanKeys.WebSakPlus))
            {
                var code = s.TemplateKey == PlanKeys.Upgrade ? "websak" : "fokus";
                var who = installed.Where(i => i.Code == code).ToList();
                upgrades.Add(new UpgradeItem(s.Title, s.Status, s.Due, s.TemplateKey == PlanKeys.Upgrade ? "GoLive.UpgradeWhy" : "GoLive.WebSakPlusWhy",
                    who.Select(i => i.Customer).Distinct().OrderBy(n => n, StringComparer.CurrentCulture).ToList(),
                    string.Join(", ", who.Select(i => i.Version).OfType<string>().Distinct())));
            }

            // Steps the cutover waits for that are still open and end after the window starts: the lead must act on them.
            var cutoverDay = p.CutoverStartUtc is { } cs ? DateOnly.FromDateTime(Display.ToOslo(cs)) : (DateOnly?)null;
            var late = cutoverDay is null ? [] : await db.Steps.AsNoTracking()
                .Where(s => s.ProjectId == id && s.Milestone == MilestoneKind.GoLive)
                .SelectMany(s => s.DependsOn.Select(d => d.DependsOn!))
                .Where(s => s.Status != StepStatus.Done && s.Status != StepStatus.NotApplicable && s.Due > cutoverDay && (staff || s.CustomerVisible))
                .Select(s => s.Title).ToListAsync(ct);
            var followUpEnd = p.FirstProductionDay?.AddDays(p.FollowUpWeeks * 7);
            var open = steps.Where(s => s.Required && Step.IsOpenStatus(s.Status) && s.Milestone != MilestoneKind.Handover).Select(s => s.Title).ToList();
            return new ViewModel(id, p.Name, p.Phase, p.Version, upgrades, required, p.CutoverStartUtc, p.CutoverEndUtc, p.FirstProductionDay,
                p.FollowUpWeeks, followUpEnd, p.HandoverRequestedUtc, p.HandoverRequestedByName, p.HandoverAcceptedUtc, p.HandoverAcceptedByName, open, late,
                await access.CanAsync(id, user, ProjectOperations.Lead, ct), await access.CanAsync(id, user, ProjectOperations.AcceptHandover, ct), staff, calendar.Hours);
        }

        public async Task<Result<CutoverPage>> GetCutoverAsync(int id, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.ProjectAsync(id, user, ProjectOperations.Lead, ct) is { } denied)
            {
                return denied;
            }

            var p = await db.Projects.AsNoTracking().Where(x => x.Id == id).Select(x => new { x.Version, x.CutoverStartUtc, x.CutoverEndUtc }).SingleAsync(ct);
            var start = p.CutoverStartUtc is { } s ? Display.ToOslo(s) : (DateTime?)null;
            var end = p.CutoverEndUtc is { } e ? Display.ToOslo(e) : (DateTime?)null;
            var form = new CutoverForm
            {
                ProjectId = id, Version = p.Version,
                StartDate = start is { } a ? DateOnly.FromDateTime(a) : null, StartTime = start is { } b ? TimeOnly.FromDateTime(b) : new TimeOnly(16, 0),
                EndDate = end is { } c ? DateOnly.FromDateTime(c) : null, EndTime = end is { } d ? TimeOnly.FromDateTime(d) : new TimeOnly(22, 0),
            };
            return await CutoverPageAsync(form, ct);
        }

        /// <summary>Sets the cutover window; the cutover step and the steps after it move to its dates.</summary>
        public async Task<Result<int>> SaveCutoverAsync(CutoverForm form, bool valid, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            if (await access.ProjectAsync(form.ProjectId, user, ProjectOperations.Lead, ct) is { } denied)
            {
                return denied;
            }

            if (!valid)
            {
                return Result.Invalid(await CutoverPageAsync(form, ct));
            }

            var outcome = CutoverWindow.Check(form.StartDate!.Value.ToDateTime(form.StartTime!.Value), form.EndDate!.Value.ToDateTime(form.EndTime!.Value),
                Display.Oslo, calendar.Hours, WorkCalendar.IsHoliday, clock.GetUtcNow().UtcDateTime);
            if (outcome.Problem != CutoverProblem.None)
            {
                var field = outcome.Problem is CutoverProblem.EndDoesNotExist or CutoverProblem.EndAmbiguous or CutoverProblem.EndNotAfterStart or CutoverProblem.TooLong
                    ? nameof(form.EndTime) : nameof(form.StartTime);
                return Result.Invalid(await CutoverPageAsync(form, ct), new FieldError(field, "Cutover." + outcome.Problem,
                    Display.Date(outcome.Day), calendar.Hours.Start.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture),
                    calendar.Hours.End.ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture), CutoverWindow.MaxHours));
            }

            var project = await db.Projects.Include(p => p.Steps).ThenInclude(s => s.DependsOn).SingleAsync(p => p.Id == form.ProjectId, ct);
            var before = project.Steps.ToDictionary(s => s.Id, s => (s.PlannedStart, s.Due));
            return await db.SaveVersionedAsync(project, form,
                p =>
                {
                    p.CutoverStartUtc = outcome.StartUtc;
                    p.CutoverEndUtc = outcome.EndUtc;
                    p.PlannedGoLive = DateOnly.FromDateTime(Display.ToOslo(outcome.EndUtc));
                    // The window is agreed: the cutover step takes its dates and keeps them; what follows it moves.
                    var cutover = p.Steps.FirstOrDefault(s => s.Milestone == MilestoneKind.GoLive && s.IsOpen);
                    if (cutover is not null)
                    {
                        cutover.PlannedStart = DateOnly.FromDateTime(Display.ToOslo(outcome.StartUtc));
                        cutover.Due = p.PlannedGoLive;
                    }

                    ProjectPlan.Reschedule(p.Steps, before, pinned: cutover);
                },
                ok: () => project.Id,
                conflictPage: async () => await CutoverPageAsync(form, ct),
                ct);
        }

        /// <summary>Go-live: the first production day is recorded, the cutover is done and the close follow-up starts that day.</summary>
        public async Task<Result<int>> RecordProductionAsync(int id, int version, DateOnly? day, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.ProjectAsync(id, user, ProjectOperations.Lead, ct) is { } denied)
            {
                return denied;
            }

            var project = await db.Projects.Include(p => p.Steps).ThenInclude(s => s.DependsOn).SingleAsync(p => p.Id == id, ct);
            var today = Display.TodayInOslo(clock);
            if (project.Phase != Phase.GoLive)
            {
                return Result.Refused("GoLive.NotInGoLive");
            }

            if (day is not { } first || !SensibleDates.Contains(DateKind.Production, first, today) || first > today)
            {
                return Result.Refused("GoLive.ProductionDayInvalid");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            return await ReplanAsync(project, version, p =>
            {
                p.FirstProductionDay = first;
                foreach (var cutover in p.Steps.Where(s => s.Milestone == MilestoneKind.GoLive && s.IsOpen))
                {
                    cutover.SetStatus(StepStatus.Done, now);
                }

                SizeFollowUp(p, first);
            }, ct);
        }

        /// <summary>The close follow-up's length in weeks (1–26); its step and the handover after it move.</summary>
        public async Task<Result<int>> SetFollowUpAsync(int id, int version, int? weeks, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.ProjectAsync(id, user, ProjectOperations.Lead, ct) is { } denied)
            {
                return denied;
            }

            if (weeks is not (>= 1 and <= 26))
            {
                return Result.Refused("GoLive.FollowUpWeeksInvalid");
            }

            var project = await db.Projects.Include(p => p.Steps).ThenInclude(s => s.DependsOn).SingleAsync(p => p.Id == id, ct);
            return await ReplanAsync(project, version, p =>
            {
                p.FollowUpWeeks = weeks.Value;
                SizeFollowUp(p, p.FirstProductionDay);
            }, ct);
        }

        /// <summary>
        /// A go-live command that moves dates: the change is applied to the project as the person saw it (its version),
        /// what waits for a moved step moves with it, and a save racing another change of the project is refused.
        /// </summary>
        private async Task<Result<int>> ReplanAsync(Project project, int version, Action<Project> change, CancellationToken ct)
        {
            var before = project.Steps.ToDictionary(s => s.Id, s => (s.PlannedStart, s.Due));
            db.ExpectVersion(project, version);
            change(project);
            ProjectPlan.Reschedule(project.Steps, before);
            return await db.TrySaveAsync(ct) ? project.Id : Result.Refused("Gate.Stale");
        }

        /// <summary>The lead asks the cloud centre to take over; open required steps need a reason, which is recorded.</summary>
        public async Task<Result<int>> RequestHandoverAsync(int id, int version, string? reason, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.ProjectAsync(id, user, ProjectOperations.Lead, ct) is { } denied)
            {
                return denied;
            }

            var project = await db.Projects.Include(p => p.Steps).SingleAsync(p => p.Id == id, ct);
            if (project.Phase != Phase.GoLive)
            {
                return Result.Refused("GoLive.NotInGoLive");
            }

            if (project.FirstProductionDay is null)
            {
                return Result.Refused("Gate.NotLive");
            }

            var open = PhaseGate.OpenRequired(project.Steps, Phase.GoLive).Where(s => s.Milestone != MilestoneKind.Handover).ToList();
            if (open.Count > 0 && string.IsNullOrWhiteSpace(reason))
            {
                return Result.Refused("Gate.RequiredStepsOpen");
            }

            if (reason?.Trim() is { Length: > MaxReason })
            {
                return Result.Refused("Gate.ReasonTooLong");
            }

            db.ExpectVersion(project, version);
            project.HandoverRequestedUtc = clock.GetUtcNow().UtcDateTime;
            project.HandoverRequestedByName = user.DisplayName();
            if (open.Count > 0)
            {
                db.PhaseTransitions.Add(new PhaseTransition
                {
                    ProjectId = id, From = Phase.GoLive, To = Phase.GoLive, Kind = PhaseTransitionKind.Override, AtUtc = project.HandoverRequestedUtc.Value,
                    UserId = user.UserId(), UserName = user.DisplayName(), OverrideReason = reason!.Trim(),
                });
            }

            return await db.TrySaveAsync(ct) ? id : Result.Refused("Gate.Stale");
        }

        /// <summary>The cloud centre accepts: the project is in operations, owned by the cloud centre, whose person becomes the contact.</summary>
        public async Task<Result<int>> AcceptHandoverAsync(int id, int version, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.ProjectAsync(id, user, ProjectOperations.AcceptHandover, ct) is { } denied)
            {
                return denied;
            }

            var project = await db.Projects.Include(p => p.Steps).SingleAsync(p => p.Id == id, ct);
            var problem = PhaseGate.Check(project, project.Steps, PhaseTransitionKind.Handover, null);
            if (problem != GateProblem.None)
            {
                return Result.Refused("Gate." + problem);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            db.ExpectVersion(project, version);
            foreach (var step in project.Steps.Where(s => s.Milestone == MilestoneKind.Handover && s.IsOpen))
            {
                step.SetStatus(StepStatus.Done, now);
            }

            project.HandoverAcceptedUtc = now;
            project.HandoverAcceptedByName = user.DisplayName();
            project.LeadUserId = user.UserId();
            db.PhaseTransitions.Add(PhaseGate.Move(project, PhaseTransitionKind.Handover, null, now, user.UserId(), user.DisplayName()));
            return await db.TrySaveAsync(ct) ? id : Result.Refused("Gate.Stale");
        }

        /// <summary>The follow-up step runs from the first production day for the project's follow-up weeks.</summary>
        private static void SizeFollowUp(Project project, DateOnly? from)
        {
            if (project.Steps.FirstOrDefault(s => s.Milestone == MilestoneKind.FollowUpEnd) is not { } followUp)
            {
                return;
            }

            followUp.PlannedStart = from ?? followUp.PlannedStart;
            followUp.Due = followUp.PlannedStart?.AddDays(project.FollowUpWeeks * 7);
        }

        private async Task<CutoverPage> CutoverPageAsync(CutoverForm form, CancellationToken ct) =>
            new(form, await db.Projects.Where(p => p.Id == form.ProjectId).Select(p => p.Name).SingleAsync(ct), calendar.Hours);
    }
}
