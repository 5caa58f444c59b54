using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Web.Infrastructure.Authorization;

/// <summary>Adds the customer organisation and display name to the cookie, so every request knows them without a query.</summary>
public sealed class PortalClaimsFactory(UserManager<PortalUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PortalUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PortalClaims.DisplayName, user.DisplayName));
        if (user.CustomerId is { } cid)
        {
            identity.AddClaim(new Claim(PortalClaims.CustomerId, cid.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (user.TwoFactorEnabled)
        {
            identity.AddClaim(new Claim(Security.TwoFactorClaim.Type, "true"));
        }

        return identity;
    }
}

/// <summary>
/// Who changed something, for the audit trail: the signed-in user; for a request nobody is signed in to (a failed
/// sign-in that locks an account, a password reset) "anonymous" with the address it came from; none (the audit says
/// "system") outside a request, in jobs.
/// </summary>
public sealed class HttpAuditActor(IHttpContextAccessor accessor) : Data.IAuditActor
{
    public string? UserId => accessor.HttpContext?.User.UserId();

    public string? UserName => accessor.HttpContext switch
    {
        null => null,
        { User.Identity.IsAuthenticated: true } context => context.User.Identity.Name,
        var context => $"anonymous ({context.Connection.RemoteIpAddress?.ToString() ?? "?"})",
    };
}
