using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Plan;

/// <summary>
/// A lead moves a project in setup on to go-live: as its regular transition when every required setup step is done,
/// or as an override with a reason (recorded, audited and shown on the plan) when some are still open.
/// </summary>
public static class AdvancePhase
{
    public const int MaxReason = 2000;

    public sealed class Handler(PortalDb db, ResourceAccess access, TimeProvider clock)
    {
        public async Task<Result<int>> AdvanceAsync(int projectId, int version, string? reason, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.ProjectAsync(projectId, user, ProjectOperations.Lead, ct) is { } denied)
            {
                return denied;
            }

            var project = await db.Projects.Include(p => p.Steps).SingleAsync(p => p.Id == projectId, ct);
            if (project.Phase != Phase.Setup)
            {
                return Result.Refused("Gate.WrongTransition");
            }

            if (reason?.Trim() is { Length: > MaxReason })
            {
                return Result.Refused("Gate.ReasonTooLong");
            }

            var open = PhaseGate.OpenRequired(project.Steps, project.Phase);
            var kind = open.Count == 0 ? PhaseGate.TransitionOut(project.Phase)!.Value : PhaseTransitionKind.Override;
            var problem = PhaseGate.Check(project, project.Steps, kind, reason);
            if (problem != GateProblem.None)
            {
                return Result.Refused("Gate." + problem);
            }

            db.ExpectVersion(project, version);
            db.PhaseTransitions.Add(PhaseGate.Move(project, kind, kind == PhaseTransitionKind.Override ? reason : null,
                clock.GetUtcNow().UtcDateTime, user.UserId(), user.DisplayName()));
            return await db.TrySaveAsync(ct) ? projectId : Result.Refused("Gate.Stale");
        }
    }
}
