using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Projects;

public static class EditStep
{
    public sealed class Form : IValidatableObject, IVersionedForm
    {
        [FromRoute(Name = "id")]
        public int ProjectId { get; set; }

        [FromRoute(Name = "stepId")]
        public int StepId { get; set; }

        [Display(Name = "Step.Status")]
        public StepStatus Status { get; set; }

        [Display(Name = "Step.PlannedStart")]
        public DateOnly? PlannedStart { get; set; }

        [Display(Name = "Step.Due")]
        public DateOnly? Due { get; set; }

        [Display(Name = "Step.Assignee")]
        public string? AssigneeUserId { get; set; }

        /// <summary>The steps this one waits for (finish-to-start).</summary>
        [Display(Name = "Step.DependsOn")]
        public List<int> DependsOnStepIds { get; set; } = [];

        [Display(Name = "Step.Required")]
        public bool Required { get; set; }

        /// <summary>The version the person started editing; a save against another version is a conflict.</summary>
        public int Version { get; set; }

        public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
        {
            var l = validationContext.Localizer();
            if (PlannedStart is { } s && Due is { } d && d < s)
            {
                yield return new ValidationResult(l["Validation.DueBeforeStart"], [nameof(Due)]);
            }

            if (!Enum.IsDefined(Status))
            {
                yield return new ValidationResult(l["Validation.ValueInvalidNoValue", l["Step.Status"]], [nameof(Status)]);
            }
        }
    }

    public sealed record Page(
        Form Form,
        string ProjectName,
        string StepTitle,
        Phase Phase,
        ResponsibleParty Responsible,
        IReadOnlyList<(string Id, string Name)> Assignees,
        IReadOnlyList<(int Id, string Name)> OtherSteps) : IFormPage
    {
        object IFormPage.Form => Form;
    }

    public sealed class Handler(PortalDb db, ResourceAccess access, TimeProvider clock)
    {
        public async Task<Result<Page>> GetAsync(int projectId, int stepId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await CheckAsync(projectId, stepId, user, ct) is { } denied)
            {
                return denied;
            }

            var step = await db.Steps.AsNoTracking().Include(s => s.DependsOn).SingleAsync(s => s.Id == stepId, ct);
            var form = new Form
            {
                ProjectId = projectId, StepId = stepId, Status = step.Status, PlannedStart = step.PlannedStart, Due = step.Due,
                AssigneeUserId = step.AssigneeUserId, Version = step.Version, Required = step.Required,
                DependsOnStepIds = step.DependsOn.Select(d => d.DependsOnStepId).ToList(),
            };
            return await PageAsync(form, step, ct);
        }

        public async Task<Result<int>> SaveAsync(Form form, bool valid, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            if (await CheckAsync(form.ProjectId, form.StepId, user, ct) is { } denied)
            {
                return denied;
            }

            // The whole plan is loaded: a step's new dates move the steps that wait for it, in the same save.
            var plan = await db.Steps.Where(s => s.ProjectId == form.ProjectId).Include(s => s.DependsOn).ToListAsync(ct);
            var step = plan.Single(s => s.Id == form.StepId);
            var errors = new List<FieldError>();
            if (form.AssigneeUserId is { Length: > 0 } assignee && assignee != step.AssigneeUserId && !await db.Users.AnyAsync(u => u.Id == assignee && u.CustomerId == null && u.IsActive, ct))
            {
                errors.Add(new FieldError(nameof(form.AssigneeUserId), "Validation.UnknownAssignee"));
            }

            var wanted = form.DependsOnStepIds.Distinct().ToList();
            var nodes = plan.Select(s => new ProjectPlan.Node(s.Id, s.PlannedStart, s.Due, !s.IsOpen,
                s.Id == step.Id ? [] : s.DependsOn.Select(d => d.DependsOnStepId).ToList())).ToList();
            if (wanted.Any(id => plan.All(s => s.Id != id)))
            {
                errors.Add(new FieldError(nameof(form.DependsOnStepIds), "Validation.UnknownStep"));
            }
            else if (wanted.FirstOrDefault(id => ProjectPlan.WouldCycle(nodes, step.Id, id)) is var loop and > 0)
            {
                errors.Add(new FieldError(nameof(form.DependsOnStepIds), "Validation.DependencyLoop", plan.Single(s => s.Id == loop).Title));
            }

            DateRules.AddTo(errors, Display.TodayInOslo(clock),
                (DateKind.Plan, nameof(form.PlannedStart), "Step.PlannedStart", form.PlannedStart), (DateKind.Plan, nameof(form.Due), "Step.Due", form.Due));
            if (!valid || errors.Count > 0)
            {
                return Result.Invalid(await PageAsync(form, step, ct), errors);
            }

            var before = plan.ToDictionary(s => s.Id, s => (s.PlannedStart, s.Due));
            return await db.SaveVersionedAsync(step, form,
                s =>
                {
                    s.SetStatus(form.Status, clock.GetUtcNow().UtcDateTime);
                    s.PlannedStart = form.PlannedStart;
                    s.Due = form.Due;
                    s.Required = form.Required;
                    s.AssigneeUserId = string.IsNullOrEmpty(form.AssigneeUserId) ? null : form.AssigneeUserId;
                    s.DependsOn.RemoveAll(d => !wanted.Contains(d.DependsOnStepId));
                    s.DependsOn.AddRange(wanted.Where(id => s.DependsOn.All(d => d.DependsOnStepId != id))
                        .Select(id => new StepDependency { StepId = s.Id, DependsOnStepId = id, DependsOn = plan.Single(p => p.Id == id) }));
                    foreach (var d in s.DependsOn)
                    {
                        d.DependsOn ??= plan.Single(p => p.Id == d.DependsOnStepId);
                    }

                    ProjectPlan.Reschedule(plan, before);
                },
                ok: () => step.Id,
                conflictPage: async () => await PageAsync(form, step, ct),
                ct);
        }

        /// <summary>Not found unless the step is in the project and the user may see both; forbidden when they may see but not edit.</summary>
        private Task<Failure?> CheckAsync(int projectId, int stepId, ClaimsPrincipal user, CancellationToken ct) =>
            access.ProjectAsync(projectId, user, ProjectOperations.Edit, ct,
                partVisible: internalToo => db.Steps.AnyAsync(s => s.Id == stepId && s.ProjectId == projectId && (internalToo || s.CustomerVisible), ct));

        private async Task<Page> PageAsync(Form form, Step step, CancellationToken ct)
        {
            var projectName = await db.Projects.Where(p => p.Id == form.ProjectId).Select(p => p.Name).SingleAsync(ct);
            var others = (await db.Steps.AsNoTracking().Where(s => s.ProjectId == form.ProjectId && s.Id != step.Id && s.Phase != Phase.Intake)
                    .OrderBy(s => s.Phase).ThenBy(s => s.SortOrder).Select(s => new { s.Id, s.Title, s.Phase }).ToListAsync(ct))
                .Select(s => (s.Id, s.Title)).ToList();
            return new Page(form, projectName, step.Title, step.Phase, step.Responsible, await AssigneesAsync(step.AssigneeUserId, ct), others);
        }

        /// <summary>Active staff, plus whoever has the step now even if no longer active, so saving does not silently drop them.</summary>
        private async Task<List<(string Id, string Name)>> AssigneesAsync(string? current, CancellationToken ct) =>
            (await db.Users.AsNoTracking().Where(u => u.CustomerId == null && (u.IsActive || u.Id == current)).OrderBy(u => u.DisplayName)
                .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
            .Select(u => (u.Id, u.DisplayName)).ToList();
    }
}
