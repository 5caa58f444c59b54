using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Web.Infrastructure.Security;

/// <summary>How many attempts at the sign-in forms one client address and one account get per window (Security:RateLimits).</summary>
public sealed class SignInLimitOptions
{
    public const string Section = "Security:RateLimits";

    /// <summary>Attempts per window from one client address (an IPv6 client counts by its /64 network).</summary>
    public int PerAddress { get; set; } = 10;

    /// <summary>Attempts per window at one account, the e-mail address typed, from anywhere.</summary>
    public int PerAccount { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// ASP.NET Core's rate limiter on the forms that take a password or an e-mail address from someone not yet signed in
/// (sign-in, forgotten password, reset) and on the signed-in password change: the actions say
/// <c>[EnableRateLimiting(SignInRateLimits.Policy)]</c>. The policy counts by client address; a global limiter counts
/// the same requests by account (the e-mail typed, or the signed-in user), so guessing one account from many addresses
/// and many accounts from one address are both slowed. A refused request answers 429 with Retry-After, and the status
/// code pages show the friendly page (<c>/error/429</c>) in the user's language. The answer does not depend on whether
/// the account exists.
/// </summary>
public static class SignInRateLimits
{
    public const string Policy = "sign-in";

    /// <summary>The form field that names the account on every limited form.</summary>
    private const string AccountField = "Email";

    public static IServiceCollection AddPortalRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SignInLimitOptions>(configuration.GetSection(SignInLimitOptions.Section));
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SignInLimitOptions>>((o, limits) =>
        {
            var window = limits.Value.Window;
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter("address:" + AddressKey(context), _ => Fixed(limits.Value.PerAddress, window)));
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
                IsLimited(context) && AccountKey(context) is { } account
                    ? RateLimitPartition.GetFixedWindowLimiter("account:" + account, _ => Fixed(limits.Value.PerAccount, window))
                    : RateLimitPartition.GetNoLimiter(string.Empty));
            o.OnRejected = async (rejected, ct) =>
            {
                var wait = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : window;
                rejected.HttpContext.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var context = rejected.HttpContext;
                var user = context.User.Identity?.IsAuthenticated == true ? context.User.Identity.Name : AccountKey(context);
                await context.RequestServices.GetRequiredService<SecurityLog>().RecordAsync(
                    SecurityEventKind.RateLimited, context.User.FindFirstValue(ClaimTypes.NameIdentifier), user, $"{context.Request.Method} {context.Request.Path}", ct);
            };
        });
        return services;
    }

    /// <summary>
    /// The rate limiter, after routing and authentication. A limited form is read first (asynchronously), so that the
    /// account limiter can see the e-mail typed; MVC reads the same, already parsed, form afterwards.
    /// </summary>
    public static IApplicationBuilder UsePortalRateLimits(this IApplicationBuilder app)
    {
        app.Use(async (context, next) =>
        {
            if (IsLimited(context) && HttpMethods.IsPost(context.Request.Method) && context.Request.HasFormContentType)
            {
                try
                {
                    await context.Request.ReadFormAsync(context.RequestAborted);
                }
                catch (InvalidDataException)
                {
                    // A form over the limits: counted by address only; MVC refuses it as before.
                }
            }

            await next(context);
        });
        return app.UseRateLimiter();
    }

    private static FixedWindowRateLimiterOptions Fixed(int permits, TimeSpan window) =>
        new() { PermitLimit = Math.Max(1, permits), Window = window, QueueLimit = 0, AutoReplenishment = true };

    private static bool IsLimited(HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName == Policy;

    /// <summary>The e-mail typed (as Identity normalizes it), else the signed-in user; null when neither is there.</summary>
    private static string? AccountKey(HttpContext context)
    {
        var typed = context.Features.Get<IFormFeature>() is { HasFormContentType: true, Form: { } form } ? form[AccountField].ToString().Trim() : string.Empty;
        if (typed.Length > 0)
        {
            return typed.ToUpperInvariant();
        }

        return context.User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name } ? name.ToUpperInvariant() : null;
    }

    /// <summary>The client's address (after the trusted proxies' X-Forwarded-For); IPv6 by its /64, which one client usually has whole.</summary>
    private static string AddressKey(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
