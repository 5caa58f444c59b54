using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Testing;

/// <summary>The test environment register as staff and the customer's contacts see it: the copy, the clients, the period, the findings and the sign-off.</summary>
public static class ShowTestEnvironment
{
    public sealed record ClientRow(string Name, string? Users);

    public sealed record FindingRow(int Id, string Title, string? Description, FindingSeverity Severity, FindingStatus Status, string ReportedByName, DateTime ReportedUtc, string? Resolution)
    {
        public bool BlocksSignOff => Severity == FindingSeverity.High && Status == FindingStatus.Open;
    }

    public sealed record SignOffView(string Name, DateTime AtUtc, string? Remarks);

    public sealed record ViewModel(
        int ProjectId,
        string ProjectName,
        DateOnly? ProductionCopyDate,
        string? TargetVersion,
        DateOnly? TestStart,
        DateOnly? TestEnd,
        string? Notes,
        IReadOnlyList<ClientRow> Clients,
        IReadOnlyList<FindingRow> Findings,
        SignOffView? SignedOff)
    {
        public bool CanEdit { get; init; }

        public bool CanReport { get; init; }

        /// <summary>The user is a contact of the project's customer, the one who signs off.</summary>
        public bool IsCustomerContact { get; init; }

        /// <summary>Why the test cannot be signed off now (a resource key), or null.</summary>
        public string? SignOffRefusal { get; init; }

        public int OpenFindings => Findings.Count(f => f.Status == FindingStatus.Open);
    }

    public sealed class Handler(PortalDb db, ResourceAccess access)
    {
        public async Task<Result<ViewModel>> GetAsync(int projectId, ClaimsPrincipal user, CancellationToken ct)
        {
            if (await access.ProjectAsync(projectId, user, ProjectOperations.View, ct) is { } denied)
            {
                return denied;
            }

            var projectName = await db.Projects.Where(p => p.Id == projectId).Select(p => p.Name).SingleAsync(ct);
            var env = await db.TestEnvironments.AsNoTracking().Include(e => e.Clients).SingleOrDefaultAsync(e => e.ProjectId == projectId, ct);
            var findings = await db.TestFindings.AsNoTracking().Where(f => f.ProjectId == projectId).ToListAsync(ct);
            var rows = findings
                .OrderBy(f => f.Status).ThenByDescending(f => f.Severity).ThenByDescending(f => f.ReportedUtc)
                .Select(f => new FindingRow(f.Id, f.Title, f.Description, f.Severity, f.Status, f.ReportedByName, f.ReportedUtc, f.Resolution))
                .ToList();
            var clients = env?.Clients.OrderBy(c => c.Id).Select(c => new ClientRow(c.Name, c.Users)).ToList() ?? [];
            var signedOff = env is { SignedOffUtc: { } at } ? new SignOffView(env.SignedOffByName ?? "–", at, env.SignOffRemarks) : null;
            return new ViewModel(projectId, projectName, env?.ProductionCopyDate, env?.TargetVersion, env?.TestStart, env?.TestEnd, env?.Notes, clients, rows, signedOff)
            {
                CanEdit = await access.CanAsync(projectId, user, ProjectOperations.Edit, ct),
                CanReport = await access.CanAsync(projectId, user, ProjectOperations.Participate, ct),
                IsCustomerContact = await SignOffTest.SignerAsync(db, access, projectId, user, ct) is not null,
                SignOffRefusal = TestSignOffRule.Refusal(env, findings),
            };
        }
    }
}
