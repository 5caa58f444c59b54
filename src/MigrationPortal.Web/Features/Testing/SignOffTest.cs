using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Testing;

/// <summary>
/// A contact of the project's customer signs off the test: who, when and remarks are recorded once, and the steps that
/// carry the test sign-off milestone are done, in one transaction.
/// </summary>
public static class SignOffTest
{
    public sealed class Form : IVersionedForm
    {
        [FromRoute(Name = "id")]
        public int ProjectId { get; set; }

        /// <summary>The register's version as the signer saw it: a change since then (a new test period ...) means looking again.</summary>
        public int Version { get; set; }

        [StringLength(4000, ErrorMessage = "Validation.MaxLength")]
        [Display(Name = "Test.SignOffRemarks")]
        [DataType(DataType.MultilineText)]
        public string? Remarks { get; set; }
    }

    public sealed record Page(Form Form, string ProjectName, string SignerName, DateOnly? TestStart, DateOnly? TestEnd, string? TargetVersion, int OpenFindings) : IFormPage
    {
        object IFormPage.Form => Form;
    }

    /// <summary>What a sign-off did, and whether it moved the project on to go-live.</summary>
    public sealed record Outcome(int ProjectId, DateTime SignedOffUtc, string SignedOffBy, IReadOnlyList<int> MilestoneStepIds, bool MovedToGoLive);

    public sealed record Signer(int ContactId, string Name);

    /// <summary>The contact row of the signed-in customer user at one of the project's customers; null for staff and everyone else.</summary>
    public static async Task<Signer?> SignerAsync(PortalDb db, ResourceAccess access, int projectId, ClaimsPrincipal user, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(access);
        if (user.UserId() is not { } userId || await access.SeesInternalAsync(user) || !await access.CanAsync(projectId, user, ProjectOperations.Participate, ct))
        {
            return null;
        }

        return await db.Contacts.AsNoTracking()
            .Where(c => c.UserId == userId && db.ProjectCustomers.Any(pc => pc.ProjectId == projectId && pc.CustomerId == c.CustomerId))
            .OrderBy(c => c.Id)
            .Select(c => new Signer(c.Id, c.Name))
            .FirstOrDefaultAsync(ct);
    }

    public sealed class Handler(PortalDb db, ResourceAccess access, TimeProvider clock)
    {
        public async Task<Result<Page>> GetAsync(int projectId, ClaimsPrincipal user, CancellationToken ct)
        {
            var (failure, signer) = await CheckAsync(projectId, user, ct);
            if (failure is not null)
            {
                return failure;
            }

            var env = await db.TestEnvironments.AsNoTracking().SingleOrDefaultAsync(e => e.ProjectId == projectId, ct);
            return await RefusalAsync(projectId, env, ct) is { } reason
                ? Result.Refused(reason)
                : await PageAsync(new Form { ProjectId = projectId, Version = env!.Version }, signer!, env, ct);
        }

        /// <summary>
        /// Records the sign-off and marks the test sign-off milestone's steps done. Everything is saved in the one
        /// <c>SaveChangesAsync</c> at the end, so whatever else a sign-off must do (the phase gate) belongs before it.
        /// </summary>
        public async Task<Result<Outcome>> SignOffAsync(Form form, bool valid, ClaimsPrincipal user, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(form);
            var (failure, signer) = await CheckAsync(form.ProjectId, user, ct);
            if (failure is not null)
            {
                return failure;
            }

            var env = await db.TestEnvironments.SingleOrDefaultAsync(e => e.ProjectId == form.ProjectId, ct);
            if (await RefusalAsync(form.ProjectId, env, ct) is { } reason)
            {
                return Result.Refused(reason);
            }

            if (!valid)
            {
                return Result.Invalid(await PageAsync(form, signer!, env!, ct));
            }

            var now = clock.GetUtcNow().UtcDateTime;
            env!.SignedOffUtc = now;
            env.SignedOffByContactId = signer!.ContactId;
            env.SignedOffByName = signer.Name;
            env.SignOffRemarks = string.IsNullOrWhiteSpace(form.Remarks) ? null : form.Remarks.Trim();
            db.ExpectVersion(env, form.Version);

            var project = await db.Projects.Include(p => p.Steps).SingleAsync(p => p.Id == form.ProjectId, ct);
            var steps = project.Steps.Where(s => s.Milestone == MilestoneKind.TestSignOff).ToList();
            foreach (var step in steps)
            {
                step.SetStatus(StepStatus.Done, now);
            }

            // The sign-off is setup's transition: when every required setup step is now done, the project moves to go-live
            // in the same transaction; otherwise it stays, and the plan shows what is still open (a lead may override).
            var moved = project.Phase == Phase.Setup && PhaseGate.Check(project, project.Steps, PhaseTransitionKind.TestSignOff, null) == GateProblem.None;
            if (moved)
            {
                db.PhaseTransitions.Add(PhaseGate.Move(project, PhaseTransitionKind.TestSignOff, null, now, user.UserId(), signer.Name));
            }

            var outcome = new Outcome(form.ProjectId, now, signer.Name, steps.Select(s => s.Id).ToList(), moved);
            return await db.TrySaveAsync(ct) ? outcome : Result.Refused("Test.SignOffConflict");
        }

        /// <summary>404 for a project the user may not see, 403 for anyone but a contact of the project's customer.</summary>
        private async Task<(Failure? Failure, Signer? Signer)> CheckAsync(int projectId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.ProjectAsync(projectId, user, ProjectOperations.Participate, ct) is { } denied)
            {
                return (denied, null);
            }

            var signer = await SignerAsync(db, access, projectId, user, ct);
            return signer is null ? (Result.Forbidden, null) : (null, signer);
        }

        private async Task<string?> RefusalAsync(int projectId, TestEnvironment? env, CancellationToken ct) =>
            TestSignOffRule.Refusal(env, await db.TestFindings.AsNoTracking().Where(f => f.ProjectId == projectId).ToListAsync(ct));

        private async Task<Page> PageAsync(Form form, Signer signer, TestEnvironment env, CancellationToken ct)
        {
            var projectName = await db.Projects.Where(p => p.Id == form.ProjectId).Select(p => p.Name).SingleAsync(ct);
            var open = await db.TestFindings.CountAsync(f => f.ProjectId == form.ProjectId && f.Status == FindingStatus.Open, ct);
            return new Page(form, projectName, signer.Name, env.TestStart, env.TestEnd, env.TargetVersion, open);
        }
    }
}
