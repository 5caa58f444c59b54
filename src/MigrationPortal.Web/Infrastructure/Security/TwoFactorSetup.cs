using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;

namespace MigrationPortal.Web.Infrastructure.Security;

/// <summary>The <c>Security</c> settings of two-factor sign-in.</summary>
public sealed class TwoFactorOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Vendor staff (every user without a customer organisation) must use an authenticator app: signed in without one,
    /// they reach only the page that sets it up. On unless configured off (the embedded demo and the tests turn it off).
    /// </summary>
    public bool RequireTwoFactorForStaff { get; set; } = true;
}

/// <summary>Says in the cookie that the user has two-factor sign-in on (set by <see cref="PortalClaimsFactory"/>).</summary>
public static class TwoFactorClaim
{
    public const string Type = "mp:2fa";
}

public static class TwoFactorSetup
{
    /// <summary>Where a user sets up the authenticator app (Features/Account/TwoFactorController).</summary>
    public const string EnrolPath = "/account/security/authenticator";

    /// <summary>
    /// Authenticator codes by this app's clock and once only, recovery codes stored hashed, and the two cookies of the
    /// second step ("remember this browser" and the user between the two steps) as strict as the sign-in cookie: HttpOnly,
    /// SameSite=Strict, and Secure wherever the sign-in cookie is (everywhere but a developer's machine and the tests).
    /// </summary>
    public static IServiceCollection AddPortalTwoFactor(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment env)
    {
        services.Configure<TwoFactorOptions>(configuration.GetSection(TwoFactorOptions.Section));
        services.AddTransient<PortalAuthenticatorTokenProvider>();
        services.Configure<IdentityOptions>(o => o.Tokens.ProviderMap[TokenOptions.DefaultAuthenticatorProvider] = new TokenProviderDescriptor(typeof(PortalAuthenticatorTokenProvider)));
        services.AddScoped<IUserStore<PortalUser>, HashedRecoveryCodeStore>();

        var securePolicy = WebSetup.PlainHttpAllowed(env) ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o =>
            {
                // A remembered browser skips the code for 14 days, or until the password, the key or 2FA itself changes
                // (Identity checks the security stamp), or the person forgets it on the security page.
                o.Cookie.Name = "mp.2fa.remember";
                o.ExpireTimeSpan = TimeSpan.FromDays(14);
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = securePolicy;
            });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o =>
            {
                o.Cookie.Name = "mp.2fa.user";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = securePolicy;
            });
        return services;
    }

    /// <summary>Between authentication and authorization: staff without two-factor sign-in are sent to set it up.</summary>
    public static IApplicationBuilder UseTwoFactorRequirement(this IApplicationBuilder app) => app.UseMiddleware<TwoFactorRequirement>();
}

/// <summary>
/// With <see cref="TwoFactorOptions.RequireTwoFactorForStaff"/>, a signed-in staff user without two-factor sign-in can
/// reach only the security pages (to set it up), sign-out, the error pages and the language switch; every other request,
/// the job dashboard included, is redirected to the set-up page. Customers choose for themselves.
/// </summary>
public sealed class TwoFactorRequirement(RequestDelegate next, IOptionsMonitor<TwoFactorOptions> options)
{
    private static readonly PathString[] Open = ["/account/security", "/account/logout", "/error", "/culture"];

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var user = context.User;
        if (options.CurrentValue.RequireTwoFactorForStaff
            && user.Identity?.IsAuthenticated == true
            && !user.HasClaim(c => c.Type == PortalClaims.CustomerId)
            && !user.HasClaim(TwoFactorClaim.Type, "true")
            && !Open.Any(p => context.Request.Path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
        {
            context.Response.Redirect(context.Request.PathBase + TwoFactorSetup.EnrolPath);
            return Task.CompletedTask;
        }

        return next(context);
    }
}
