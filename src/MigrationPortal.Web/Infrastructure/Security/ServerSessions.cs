using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Web.Infrastructure.Security;

/// <summary>Section <c>Security:Sessions</c>: how long a session lives without use, and at most.</summary>
public sealed class SessionOptions
{
    public const string Section = "Security:Sessions";

    /// <summary>A session not used for this long ends (ASVS 7.3.1).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, however much it is used (ASVS 7.3.2).</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>How often a session's last use is written (a write per request would cost more than the check).</summary>
    public TimeSpan TouchInterval { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// The sign-in cookie's ticket kept on the server (<see cref="UserSession"/>): the cookie holds only a random key, so
/// logging out ends every copy of the cookie at once, on every node (they share the database). Each request reads the
/// session with its user's security stamp and active flag by primary key: a changed stamp (password changed or reset,
/// deactivated, roles or two-factor changed) or an idle or absolute lifetime passed ends the session.
/// </summary>
public sealed partial class ServerSessionStore(IServiceScopeFactory scopes, TimeProvider clock, IOptions<SessionOptions> options, IHttpContextAccessor http, ILogger<ServerSessionStore> log) : ITicketStore
{
    /// <summary>Where Identity puts the security stamp in the principal (the default claim type).</summary>
    private static readonly string SecurityStampClaim = new IdentityOptions().ClaimsIdentity.SecurityStampClaimType;

    public Task<string> StoreAsync(AuthenticationTicket ticket) => StoreAsync(ticket, null!, CancellationToken.None);

    public Task<string> StoreAsync(AuthenticationTicket ticket, CancellationToken cancellationToken) => StoreAsync(ticket, null!, cancellationToken);

    public async Task<string> StoreAsync(AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var userId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A session needs a user.");
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDb>();
        var stamp = ticket.Principal.FindFirstValue(SecurityStampClaim)
            ?? await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleOrDefaultAsync(cancellationToken);
        db.UserSessions.Add(new UserSession
        {
            Id = key, UserId = userId, SecurityStamp = stamp, CreatedUtc = now, LastSeenUtc = now,
            IpAddress = Truncate((httpContext ?? http.HttpContext)?.Connection.RemoteIpAddress?.ToString(), 64),
            UserAgent = Truncate((httpContext ?? http.HttpContext)?.Request.Headers.UserAgent.ToString(), 512),
            Ticket = TicketSerializer.Default.Serialize(ticket),
        });
        await db.SaveChangesAsync(cancellationToken);
        return key;
    }

    public Task RenewAsync(string key, AuthenticationTicket ticket) => RenewAsync(key, ticket, null!, CancellationToken.None);

    public Task RenewAsync(string key, AuthenticationTicket ticket, CancellationToken cancellationToken) => RenewAsync(key, ticket, null!, cancellationToken);

    public async Task RenewAsync(string key, AuthenticationTicket ticket, HttpContext httpContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var bytes = TicketSerializer.Default.Serialize(ticket);
        var now = clock.GetUtcNow().UtcDateTime;

        // A sign-in on a request that had a session renews that session (the cookie handler keeps its key): the person and
        // the security stamp come from the new ticket, so signing in again after a password change carries on.
        var userId = ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A session needs a user.");
        var stamp = ticket.Principal.FindFirstValue(SecurityStampClaim);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDb>();
        await db.UserSessions.Where(s => s.Id == key).ExecuteUpdateAsync(s => s
            .SetProperty(x => x.Ticket, bytes).SetProperty(x => x.LastSeenUtc, now).SetProperty(x => x.UserId, userId).SetProperty(x => x.SecurityStamp, stamp), cancellationToken);
    }

    public Task<AuthenticationTicket?> RetrieveAsync(string key) => RetrieveAsync(key, null!, CancellationToken.None);

    public Task<AuthenticationTicket?> RetrieveAsync(string key, CancellationToken cancellationToken) => RetrieveAsync(key, null!, cancellationToken);

    public async Task<AuthenticationTicket?> RetrieveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var o = options.Value;
        // The request's own context when there is a request (one DbContext per request, not two); a scope of its own otherwise.
        var requestServices = (httpContext ?? http.HttpContext)?.RequestServices;
        await using var scope = requestServices is null ? scopes.CreateAsyncScope() : default(AsyncServiceScope?);
        var db = (requestServices ?? scope!.Value.ServiceProvider).GetRequiredService<PortalDb>();
        var row = default(SessionRow);
        try
        {
            row = await db.UserSessions.AsNoTracking().Where(s => s.Id == key)
                .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new SessionRow(s.Ticket, s.CreatedUtc, s.LastSeenUtc, s.SecurityStamp, u.SecurityStamp, u.IsActive))
                .SingleOrDefaultAsync(cancellationToken);
        }
        catch (Exception e) when (DatabaseOutage.IsOutage(e) && (httpContext ?? http.HttpContext) is { } context)
        {
            // No session can be read: the request goes on unauthenticated and is stopped right after authentication
            // (SessionOutage), so the error page is shown as to someone not signed in (authentication's result is kept
            // for the request, a failure would be thrown again while showing it).
            context.Items[SessionOutage.Key] = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
            return null;
        }

        if (row is null)
        {
            return null;
        }

        var ended = !row.IsActive ? "deactivated"
            : row.SecurityStamp != row.Current ? "security stamp changed"
            : now - row.LastSeenUtc > o.IdleTimeout ? "idle"
            : now - row.CreatedUtc > o.AbsoluteLifetime ? "absolute lifetime"
            : null;
        if (ended is not null)
        {
            LogEnded(log, ended);
            await db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken);
            return null;
        }

        if (now - row.LastSeenUtc > o.TouchInterval)
        {
            await db.UserSessions.Where(s => s.Id == key).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSeenUtc, now), cancellationToken);
        }

        return TicketSerializer.Default.Deserialize(row.Ticket);
    }

    public Task RemoveAsync(string key) => RemoveAsync(key, null!, CancellationToken.None);

    public Task RemoveAsync(string key, CancellationToken cancellationToken) => RemoveAsync(key, null!, cancellationToken);

    public async Task RemoveAsync(string key, HttpContext httpContext, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDb>();
        await db.UserSessions.Where(s => s.Id == key).ExecuteDeleteAsync(cancellationToken);
    }

    private sealed record SessionRow(byte[] Ticket, DateTime CreatedUtc, DateTime LastSeenUtc, string? SecurityStamp, string? Current, bool IsActive);

    private static string? Truncate(string? s, int max) => string.IsNullOrEmpty(s) ? null : s.Length > max ? s[..max] : s;

    [LoggerMessage(Level = LogLevel.Information, Message = "Session ended: {Reason}")]
    private static partial void LogEnded(ILogger logger, string reason);
}

/// <summary>A request whose session could not be read because the database is away ends here, as an outage (503).</summary>
public static class SessionOutage
{
    public const string Key = "MigrationPortal.SessionOutage";

    public static IApplicationBuilder UseSessionOutage(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Items[Key] is System.Runtime.ExceptionServices.ExceptionDispatchInfo outage
                && context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is null)
            {
                outage.Throw();
            }

            await next();
        });
}

/// <summary>Daily at 03:30: deletes sessions that can no longer be used (idle or past their absolute lifetime).</summary>
public sealed class SessionCleanupJob(PortalDb db, TimeProvider clock, IOptions<SessionOptions> options) : Jobs.IRecurringJob
{
    public string Id => "session-cleanup";

    public string Cron => "30 3 * * *";

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var idleBefore = now - options.Value.IdleTimeout;
        var createdBefore = now - options.Value.AbsoluteLifetime;
        await db.UserSessions.Where(s => s.LastSeenUtc < idleBefore || s.CreatedUtc < createdBefore).ExecuteDeleteAsync(ct);
    }
}
