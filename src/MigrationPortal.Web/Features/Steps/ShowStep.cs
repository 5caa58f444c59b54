using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Features.Shared;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Steps;

/// <summary>
/// One step: its details, the steps it waits for, its discussion with the customer and the vendor's internal notes.
/// The customer marks their own steps done here. A customer sees only customer-visible steps of their own projects.
/// </summary>
public static class ShowStep
{
    public sealed record Page(
        Discussion.Form Form,
        int ProjectId,
        string ProjectName,
        Details Step,
        IReadOnlyList<Dependency> DependsOn,
        IReadOnlyList<Discussion.Item> Comments,
        IReadOnlyList<Discussion.Item> InternalNotes,
        bool IsStaff,
        bool CanComment,
        bool CanMarkDone,
        bool CanEdit) : IFormPage
    {
        object IFormPage.Form => Form;
    }

    public sealed record Details(
        int Id, Phase Phase, string Title, string? Description, StepStatus Status, ResponsibleParty Responsible, string? Assignee,
        DateOnly? PlannedStart, DateOnly? Due, DateTime? CompletedUtc, bool CustomerVisible, bool Overdue, int Version);

    public sealed record Dependency(int Id, Phase Phase, string Title, StepStatus Status, DateOnly? Due);

    public sealed class Handler(PortalDb db, ResourceAccess access, TimeProvider clock, Discussion.Handler discussion)
    {
        public async Task<Result<Page>> GetAsync(int projectId, int stepId, ClaimsPrincipal user, CancellationToken ct) =>
            await CheckAsync(projectId, stepId, ProjectOperations.View, user, ct) is { } denied
                ? denied
                : await PageAsync(projectId, stepId, new Discussion.Form(), user, ct);

        /// <summary>A comment both sides see, or (staff only) an internal note. Nothing is saved when the text is empty or too long.</summary>
        public async Task<Result<int>> CommentAsync(int projectId, int stepId, Discussion.Form form, bool valid, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            if (await CheckAsync(projectId, stepId, ProjectOperations.Participate, user, ct) is { } denied)
            {
                return denied;
            }

            return await discussion.AddAsync(projectId, stepId, null, form, valid, user, async () => await PageAsync(projectId, stepId, form, user, ct), ct);
        }

        /// <summary>The customer's own step done, as of the version the person saw; a vendor's step is forbidden.</summary>
        public async Task<Result<int>> MarkDoneAsync(int projectId, int stepId, int version, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await CheckAsync(projectId, stepId, ProjectOperations.Participate, user, ct) is { } denied)
            {
                return denied;
            }

            var step = await db.Steps.SingleAsync(s => s.Id == stepId, ct);
            if (step.Responsible != ResponsibleParty.Customer)
            {
                return Result.Forbidden;
            }

            db.ExpectVersion(step, version);
            step.SetStatus(StepStatus.Done, clock.GetUtcNow().UtcDateTime);
            return await db.TrySaveAsync(ct) ? stepId : Result.Conflict(null);
        }

        /// <summary>Not found unless the step is in the project and the user may see both (a customer: customer-visible only).</summary>
        private Task<Failure?> CheckAsync(int projectId, int stepId, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement operation, ClaimsPrincipal user, CancellationToken ct) =>
            access.ProjectAsync(projectId, user, operation, ct,
                partVisible: internalToo => db.Steps.AnyAsync(s => s.Id == stepId && s.ProjectId == projectId && (internalToo || s.CustomerVisible), ct));

        private async Task<Page> PageAsync(int projectId, int stepId, Discussion.Form form, ClaimsPrincipal user, CancellationToken ct)
        {
            var staff = await access.CanAsync(projectId, user, ProjectOperations.ViewInternal, ct);
            var today = Display.TodayInOslo(clock);
            var s = await db.Steps.AsNoTracking().Where(x => x.Id == stepId)
                .Select(x => new
                {
                    Step = x,
                    ProjectName = x.Project!.Name,
                    Assignee = db.Users.Where(u => u.Id == x.AssigneeUserId).Select(u => u.DisplayName).FirstOrDefault(),
                })
                .SingleAsync(ct);
            var step = s.Step;
            var details = new Details(step.Id, step.Phase, step.Title, step.Description, step.Status, step.Responsible, s.Assignee, step.PlannedStart, step.Due,
                step.CompletedUtc, step.CustomerVisible, step.IsOverdue(today), step.Version);
            var dependsOn = await db.StepDependencies.AsNoTracking()
                .Where(d => d.StepId == stepId && (staff || d.DependsOn!.CustomerVisible))
                .OrderBy(d => d.DependsOn!.Phase).ThenBy(d => d.DependsOn!.SortOrder)
                .Select(d => new Dependency(d.DependsOnStepId, d.DependsOn!.Phase, d.DependsOn.Title, d.DependsOn.Status, d.DependsOn.Due))
                .ToListAsync(ct);
            var comments = await db.Comments.AsNoTracking().Where(c => c.StepId == stepId && c.ProjectId == projectId).Items(staff).ToListAsync(ct);
            var participate = await access.CanAsync(projectId, user, ProjectOperations.Participate, ct);
            return new Page(form, projectId, s.ProjectName, details, dependsOn,
                comments.Where(c => !c.Internal).ToList(), comments.Where(c => c.Internal).ToList(),
                staff, participate, participate && step.Responsible == ResponsibleParty.Customer && step.IsOpen,
                await access.CanAsync(projectId, user, ProjectOperations.Edit, ct));
        }
    }
}
