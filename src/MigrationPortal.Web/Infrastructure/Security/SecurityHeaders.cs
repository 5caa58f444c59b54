namespace MigrationPortal.Web.Infrastructure.Security;

public static class SecurityHeaders
{
    /// <summary>No inline script anywhere, so the policy can forbid it; styles and scripts come from the app itself.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; object-src 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var h = context.Response.Headers;
                h.ContentSecurityPolicy = ContentSecurityPolicy;
                h.XContentTypeOptions = "nosniff";
                h.XFrameOptions = "DENY";
                h["Referrer-Policy"] = "strict-origin-when-cross-origin";
                h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
                h["Cross-Origin-Opener-Policy"] = "same-origin";

                // What the app answers (pages, documents, calendars, exports) is someone's data: never kept in a shared or disk cache
                // (this runs after the antiforgery's "no-cache, no-store", which it makes private too). Static files (no
                // endpoint) keep their validators and can be cached.
                if (context.GetEndpoint() is not null)
                {
                    h.CacheControl = "private, no-store";
                }

                return Task.CompletedTask;
            });
            await next();
        });
}
