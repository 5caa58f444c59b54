using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Web.Infrastructure.Security;

/// <summary>
/// Security events (ASVS 16): who, from which address, when, and what; written in a unit of work of their own, so an
/// event is kept whatever the request's own save does (a failed login saves nothing else). Never a password, token or
/// link: callers pass names, addresses typed and short facts only.
/// </summary>
public sealed partial class SecurityLog(IServiceScopeFactory scopes, IHttpContextAccessor http, TimeProvider clock, ILogger<SecurityLog> log)
{
    public async Task RecordAsync(SecurityEventKind kind, string? userId, string? userName, string? detail = null, CancellationToken ct = default)
    {
        var context = http.HttpContext;
        var actorId = context?.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var e = new SecurityEvent
        {
            AtUtc = clock.GetUtcNow().UtcDateTime,
            Kind = kind,
            UserId = userId,
            UserName = Truncate(userName, 256),
            ActorName = actorId is not null && actorId != userId ? Truncate(context!.User.Identity?.Name, 256) : null,
            IpAddress = Truncate(context?.Connection.RemoteIpAddress?.ToString(), 64),
            Path = Truncate(context?.Request.Path.Value, 300),
            Detail = Truncate(detail, 500),
        };
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDb>();
        db.SecurityEvents.Add(e);
        await db.SaveChangesAsync(ct);
        LogEvent(log, kind, userId ?? "-", e.UserName ?? "-", e.IpAddress ?? "-");
    }

    /// <summary>An event about the signed-in person of this request.</summary>
    public Task RecordForCurrentAsync(SecurityEventKind kind, string? detail = null, CancellationToken ct = default)
    {
        var user = http.HttpContext?.User;
        return RecordAsync(kind, user?.FindFirstValue(ClaimTypes.NameIdentifier), user?.Identity?.Name, detail, ct);
    }

    private static string? Truncate(string? s, int max) => string.IsNullOrEmpty(s) ? null : s.Length > max ? s[..max] : s;

    [LoggerMessage(Level = LogLevel.Information, Message = "Security event {Kind} for user {UserId} ({UserName}) from {IpAddress}")]
    private static partial void LogEvent(ILogger logger, SecurityEventKind kind, string userId, string userName, string ipAddress);
}

/// <summary>
/// Sign-ins and sign-outs as security events, whichever page causes them: a password accepted or refused (for an
/// unknown account too, with the address typed), a lockout, two-factor sign-ins, a sign-out.
/// </summary>
public sealed class PortalSignInManager(
    UserManager<PortalUser> userManager, IHttpContextAccessor contextAccessor, IUserClaimsPrincipalFactory<PortalUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor, ILogger<SignInManager<PortalUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation, SecurityLog events)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        if (await UserManager.FindByNameAsync(userName) is { } user)
        {
            return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        }

        await events.RecordAsync(SecurityEventKind.LoginFailed, null, userName, "unknown account");
        return SignInResult.Failed;
    }

    public override async Task<SignInResult> PasswordSignInAsync(PortalUser user, string password, bool isPersistent, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        var result = await base.PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
        await RecordAsync(user, result, "password");
        return result;
    }

    public override async Task<SignInResult> TwoFactorAuthenticatorSignInAsync(string code, bool isPersistent, bool rememberClient)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorAuthenticatorSignInAsync(code, isPersistent, rememberClient);
        if (user is not null)
        {
            await RecordAsync(user, result, "authenticator code");
        }

        return result;
    }

    public override async Task<SignInResult> TwoFactorRecoveryCodeSignInAsync(string recoveryCode)
    {
        var user = await GetTwoFactorAuthenticationUserAsync();
        var result = await base.TwoFactorRecoveryCodeSignInAsync(recoveryCode);
        if (user is not null)
        {
            await RecordAsync(user, result, "recovery code");
        }

        return result;
    }

    public override async Task SignOutAsync()
    {
        var user = Context.User;
        await base.SignOutAsync();
        if (user.Identity?.IsAuthenticated == true)
        {
            await events.RecordAsync(SecurityEventKind.LoggedOut, user.FindFirstValue(ClaimTypes.NameIdentifier), user.Identity.Name);
        }
    }

    private Task RecordAsync(PortalUser user, SignInResult result, string how) => result switch
    {
        { Succeeded: true } => events.RecordAsync(SecurityEventKind.LoginSucceeded, user.Id, user.Email, how),
        { IsLockedOut: true } => events.RecordAsync(SecurityEventKind.LockedOut, user.Id, user.Email, how),
        { RequiresTwoFactor: true } => Task.CompletedTask, // the password was right; the second step is recorded when it is taken
        { IsNotAllowed: true } => events.RecordAsync(SecurityEventKind.LoginFailed, user.Id, user.Email, $"{how}: not allowed"),
        _ => events.RecordAsync(SecurityEventKind.LoginFailed, user.Id, user.Email, how),
    };
}

/// <summary>Refused requests (403) of signed-in people as security events; a page shown again for the error is not counted twice.</summary>
public static class AccessDeniedEvents
{
    public static IApplicationBuilder UseAccessDeniedEvents(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            await next();
            if (context.Response.StatusCode == StatusCodes.Status403Forbidden && context.User.Identity?.IsAuthenticated == true
                && context.Features.Get<IStatusCodeReExecuteFeature>() is null)
            {
                await context.RequestServices.GetRequiredService<SecurityLog>()
                    .RecordForCurrentAsync(SecurityEventKind.AccessDenied, $"{context.Request.Method} {context.Request.Path}", context.RequestAborted);
            }
        });
}

