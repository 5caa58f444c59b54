using Microsoft.Extensions.Diagnostics.HealthChecks;
using MigrationPortal.Web.Data;

namespace MigrationPortal.Web.Infrastructure;

/// <summary>/health is healthy when the database answers.</summary>
public sealed class DatabaseHealthCheck(PortalDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("database unreachable");
}
