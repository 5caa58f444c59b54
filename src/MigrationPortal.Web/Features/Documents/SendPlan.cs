using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Mail;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Documents;

/// <summary>
/// Sending the plan: the PDF is rendered once as the next version and stored with its SHA-256, so what the customer
/// downloads is byte for byte what was sent. Earlier versions stay. The customer's contacts with a login are told by
/// e-mail (in the same transaction) and find it among the project's documents.
/// </summary>
public static partial class SendPlan
{
    public sealed partial class Handler(PortalDb db, ResourceAccess access, TimeProvider clock, PlanPdf.Handler pdf, ProjectNotifier notifier, ILogger<Handler> logger)
    {
        public async Task<Result<int>> SendAsync(int projectId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.ProjectAsync(projectId, user, ProjectOperations.Lead, ct) is { } denied)
            {
                return denied;
            }

            if (await db.Projects.AsNoTracking().Where(p => p.Id == projectId).Select(p => p.Phase).SingleAsync(ct) == Phase.Intake)
            {
                return Result.Refused("Plan.NotStarted");
            }

            if (!await db.Steps.AnyAsync(s => s.ProjectId == projectId && s.CustomerVisible, ct))
            {
                return Result.Refused("Plan.NoSteps");
            }

            var projectName = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Name).SingleAsync(ct);
            var customerSide = await notifier.CustomerSideAsync(projectId, ct);

            // Two sends at the same moment would take the same number; the unique (project, number) index refuses the
            // second, which then tries again with the next number (a few times, then it is a conflict and nothing is stored).
            for (var attempt = 0; ; attempt++)
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var number = (await db.PlanVersions.Where(v => v.ProjectId == projectId).MaxAsync(v => (int?)v.Number, ct) ?? 0) + 1;
                var now = clock.GetUtcNow().UtcDateTime;
                var bytes = await pdf.RenderAsync(projectId, number, DateOnly.FromDateTime(Display.ToOslo(now)), ct);
                db.PlanVersions.Add(new PlanVersion
                {
                    ProjectId = projectId,
                    Number = number,
                    SentUtc = now,
                    SentByUserId = user.UserId(),
                    SentByName = user.DisplayName(),
                    Pdf = bytes,
                    Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
                });
                await notifier.NotifyAsync($"plan-sent:{projectId}:{number}", NotificationKind.PlanSent, projectId, $"/projects/{projectId}/documents", customerSide, user.UserId(),
                    l => new NoticeText(l["Notice.PlanSent.Subject", projectName, number], [l["Notice.PlanSent.Body", projectName, number]], l["Notice.PlanSent.Link"]), ct);
                try
                {
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                    LogSent(logger, number, projectId);
                    return number;
                }
                catch (DbUpdateException)
                {
                    db.ChangeTracker.Clear();
                    await transaction.RollbackAsync(ct);
                    if (attempt == 2)
                    {
                        return Result.Conflict(null);
                    }
                }
            }
        }

        [LoggerMessage(Level = LogLevel.Information, Message = "Project plan version {Number} sent for project {ProjectId}")]
        private static partial void LogSent(ILogger logger, int number, int projectId);
    }
}
