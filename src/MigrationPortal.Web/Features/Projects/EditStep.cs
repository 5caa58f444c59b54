using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;

namespace MigrationPortal.Web.Features.Projects;

public static class EditStep
{
    public sealed class Form : IValidatableObject
    {
        public int ProjectId { get; set; }
        public int StepId { get; set; }

        [Display(Name = "Step.Status")]
        public StepStatus Status { get; set; }

        [Display(Name = "Step.PlannedStart")]
        public DateOnly? PlannedStart { get; set; }

        [Display(Name = "Step.Due")]
        public DateOnly? Due { get; set; }

        [Display(Name = "Step.Assignee")]
        public string? AssigneeUserId { get; set; }

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
        Conflict? Conflict);

    /// <summary>What the other person saved meanwhile, field by field, beside what this person tried to save.</summary>
    public sealed record Conflict(string ChangedBy, DateTime? ChangedAtUtc, IReadOnlyList<(string Field, string? Theirs, string? Yours)> Differences);

    public enum Outcome
    {
        Saved,
        NotFound,
        Forbidden,
        Invalid,
        Conflict,
    }

    public sealed class Handler(PortalDb db, IAuthorizationService authz, TimeProvider clock)
    {
        public async Task<(Outcome Outcome, Page? Page)> GetAsync(int projectId, int stepId, ClaimsPrincipal user, CancellationToken ct)
        {
            var access = await CheckAsync(projectId, stepId, user, ct);
            if (access != Outcome.Saved)
            {
                return (access, null);
            }

            var step = await db.Steps.AsNoTracking().SingleAsync(s => s.Id == stepId, ct);

            var form = new Form
            {
                ProjectId = projectId, StepId = stepId, Status = step.Status, PlannedStart = step.PlannedStart, Due = step.Due,
                AssigneeUserId = step.AssigneeUserId, Version = step.Version,
            };
            return (Outcome.Saved, await PageAsync(form, step, null, ct));
        }

        public async Task<(Outcome Outcome, Page? Page)> SaveAsync(Form form, bool valid, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            var access = await CheckAsync(form.ProjectId, form.StepId, user, ct);
            if (access != Outcome.Saved)
            {
                return (access, null);
            }

            var step = await db.Steps.SingleAsync(s => s.Id == form.StepId, ct);

            if (form.AssigneeUserId is { Length: > 0 } assignee && assignee != step.AssigneeUserId && !await db.Users.AnyAsync(u => u.Id == assignee && u.CustomerId == null && u.IsActive, ct))
            {
                valid = false;
            }

            if (!valid)
            {
                return (Outcome.Invalid, await PageAsync(form, step, null, ct));
            }

            if (step.Version != form.Version)
            {
                return (Outcome.Conflict, await ConflictPageAsync(form, step, ct));
            }

            // The version the person saw is what the UPDATE checks, so a save that races past the check above still conflicts.
            db.Entry(step).Property(s => s.Version).OriginalValue = form.Version;
            step.SetStatus(form.Status, clock.GetUtcNow().UtcDateTime);
            step.PlannedStart = form.PlannedStart;
            step.Due = form.Due;
            step.AssigneeUserId = string.IsNullOrEmpty(form.AssigneeUserId) ? null : form.AssigneeUserId;
            try
            {
                await db.SaveChangesAsync(ct);
                return (Outcome.Saved, null);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                var current = await db.Steps.AsNoTracking().SingleOrDefaultAsync(s => s.Id == form.StepId, ct);
                return current is null ? (Outcome.NotFound, null) : (Outcome.Conflict, await ConflictPageAsync(form, current, ct));
            }
        }

        /// <summary>Not found unless the step is in the project and the user may see both; forbidden when they may see but not edit.</summary>
        private async Task<Outcome> CheckAsync(int projectId, int stepId, ClaimsPrincipal user, CancellationToken ct)
        {
            var resource = await db.FindProjectResourceAsync(projectId, user, ct);
            var staff = user.IsStaff();
            if (resource is null
                || !(await authz.AuthorizeAsync(user, resource, ProjectOperations.View)).Succeeded
                || !await db.Steps.AnyAsync(s => s.Id == stepId && s.ProjectId == projectId && (staff || s.CustomerVisible), ct))
            {
                return Outcome.NotFound;
            }

            return (await authz.AuthorizeAsync(user, resource, ProjectOperations.Edit)).Succeeded ? Outcome.Saved : Outcome.Forbidden;
        }

        private async Task<Page> ConflictPageAsync(Form yours, Step current, CancellationToken ct)
        {
            var assignees = await AssigneesAsync(current.AssigneeUserId, ct);
            string? Name(string? id) => id is null ? null : assignees.FirstOrDefault(a => a.Id == id).Name ?? id;
            var diffs = new List<(string, string?, string?)>();
            if (current.Status != yours.Status)
            {
                diffs.Add(("Step.Status", "StepStatus." + current.Status, "StepStatus." + yours.Status));
            }

            if (current.PlannedStart != yours.PlannedStart)
            {
                diffs.Add(("Step.PlannedStart", PortalDb.Show(current.PlannedStart), PortalDb.Show(yours.PlannedStart)));
            }

            if (current.Due != yours.Due)
            {
                diffs.Add(("Step.Due", PortalDb.Show(current.Due), PortalDb.Show(yours.Due)));
            }

            if (current.AssigneeUserId != (string.IsNullOrEmpty(yours.AssigneeUserId) ? null : yours.AssigneeUserId))
            {
                diffs.Add(("Step.Assignee", Name(current.AssigneeUserId), Name(yours.AssigneeUserId)));
            }

            var last = await db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == nameof(Step) && a.EntityId == current.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .OrderByDescending(a => a.Id).Select(a => new { a.UserName, a.AtUtc }).FirstOrDefaultAsync(ct);

            // The form now carries the saved version: saving again is a deliberate choice to overwrite with these values.
            yours.Version = current.Version;
            return await PageAsync(yours, current, new Conflict(last?.UserName ?? "?", last?.AtUtc, diffs), ct);
        }

        private async Task<Page> PageAsync(Form form, Step step, Conflict? conflict, CancellationToken ct)
        {
            var projectName = await db.Projects.Where(p => p.Id == form.ProjectId).Select(p => p.Name).SingleAsync(ct);
            return new Page(form, projectName, step.Title, step.Phase, step.Responsible, await AssigneesAsync(step.AssigneeUserId, ct), conflict);
        }

        /// <summary>Active staff, plus whoever has the step now even if no longer active, so saving does not silently drop them.</summary>
        private async Task<List<(string Id, string Name)>> AssigneesAsync(string? current, CancellationToken ct) =>
            (await db.Users.AsNoTracking().Where(u => u.CustomerId == null && (u.IsActive || u.Id == current)).OrderBy(u => u.DisplayName)
                .Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct))
            .Select(u => (u.Id, u.DisplayName)).ToList();
    }
}
