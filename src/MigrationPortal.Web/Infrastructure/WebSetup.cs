using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Security;
using MigrationPortal.Web.Infrastructure.Signing;

namespace MigrationPortal.Web.Infrastructure;

public static class WebSetup
{
    public static IServiceCollection AddPortalIdentity(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment env)
    {
        services.AddIdentity<PortalUser, IdentityRole>(o =>
            {
                // NIST 800-63B: length, not composition rules.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;

                // Every fifth failure in a row locks the account, for 5 minutes and then twice as long each time, up
                // to an hour (PortalUserManager); the reset link works meanwhile and ends the lockout.
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<PortalDb>()
            .AddSignInManager<PortalSignInManager>()
            .AddDefaultTokenProviders()
            .AddUserManager<PortalUserManager>()
            .AddPasswordValidator<PortalPasswordValidator>()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>();
        services.AddSingleton<CommonPasswords>();

        // Identity's V3 hashes are PBKDF2 with HMAC-SHA512. OWASP's Password Storage Cheat Sheet (2023) asks at least
        // 210,000 iterations for HMAC-SHA512 and 600,000 for HMAC-SHA256. We take 600,000 with SHA-512, about three times
        // OWASP's floor for it: roughly a quarter of a second of one core per sign-in on a 2-core server, which is fine
        // for a portal with a few hundred users, and the rate limits (Security:RateLimits) cap what an attacker can make
        // us spend. Should sign-in CPU ever matter more, 210,000 is the floor, not lower. Existing hashes with fewer
        // iterations are rehashed at their owner's next sign-in (Identity's SuccessRehashNeeded).
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = PasswordHashIterations(env));

        // Sessions live on the server (ServerSessionStore): the cookie holds only a key, so logging out, a password change or a
        // deactivation ends every copy of it at once. Outside Development the cookie is __Host- prefixed: Secure, path /, no domain.
        services.Configure<Security.SessionOptions>(configuration.GetSection(Security.SessionOptions.Section));
        services.AddSingleton<Security.ServerSessionStore>();
        services.AddOptions<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<Security.ServerSessionStore, Microsoft.Extensions.Options.IOptions<Security.SessionOptions>>((o, store, sessions) =>
            {
                o.SessionStore = store;
                o.ExpireTimeSpan = sessions.Value.IdleTimeout;
            });
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/error/403";
            o.Cookie.Name = CookieName("mp.auth", env);
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = PlainHttpAllowed(env) ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.SlidingExpiration = true;

            // A signed-in user without the right gets a real 403 (rendered by the error page), not a redirect.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));

        // Keys in the database so that every web node can read every other node's cookies, encrypted with a certificate.
        services.AddDataProtection().SetApplicationName("MigrationPortal").PersistKeysToDbContext<PortalDb>().ProtectKeyRing(configuration, env);
        services.AddHttpContextAccessor();
        services.AddSingleton<SecurityLog>();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddSingleton(TimeProvider.System);
        return services.AddPortalAuthorization();
    }

    public static IServiceCollection AddPortalWeb(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment env)
    {
        services.AddPortalLocalization();

        // Write æ, ø, å (and Sámi letters) as themselves, not as &#xE5; entities: same safety, readable HTML.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddControllersWithViews(o =>
            {
                o.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
                o.ModelBinderProviders.Insert(0, new Localization.MoneyModelBinderProvider());

                // Every bound string loses the control characters no one types (Text.TypedText); NULs already went with FormWithoutNul.
                o.ModelBinderProviders.Insert(0, new Text.TypedTextModelBinderProvider());

                // Required fields say so with [Required] and a translated message; the implicit English one never shows.
                o.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
            })
            .AddViewLocalization()

            // Validation runs on the server, in the user's language; no validation script ships, so no data-val-* attributes either.
            .AddViewOptions(o => o.HtmlHelperOptions.ClientValidationEnabled = false)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddRazorOptions(o =>
            {
                o.ViewLocationFormats.Clear();
                o.ViewLocationFormats.Add("/Features/{feature}/{0}" + RazorViewEngine.ViewExtension);
                o.ViewLocationFormats.Add("/Features/Shared/{0}" + RazorViewEngine.ViewExtension);
                o.ViewLocationExpanders.Add(new FeatureViewLocationExpander());
            });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = CookieName("mp.af", env);
            o.Cookie.SecurePolicy = PlainHttpAllowed(env) ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");

        // Plain HTTP is redirected to the public address's HTTPS port (never answered with a form whose Secure cookie cannot be set).
        services.AddHttpsRedirection(o => o.HttpsPort = Uri.TryCreate(configuration[$"{PortalOptions.Section}:PublicUrl"], UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps ? u.Port : 443);
        services.AddPortalRateLimits(configuration);
        services.AddScoped<DemoData>();
        services.AddScoped<PasswordLinkSender>();
        services.Configure<VendorOptions>(configuration.GetSection(VendorOptions.Section));
        services.Configure<Calendar.CutoverOptions>(configuration.GetSection(Calendar.CutoverOptions.Section));
        services.AddSingleton<Calendar.WorkCalendar>();
        services.AddOptions<PortalOptions>().Bind(configuration.GetSection(PortalOptions.Section))
            .Validate(o => env.IsDevelopment() || configuration[$"{PortalOptions.Section}:PublicUrl"] is { Length: > 0 },
                "Portal:PublicUrl must be set outside Development: links in e-mails are built from it, never from the request's Host header.")
            .Validate(o => Uri.TryCreate(o.PublicUrl, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp), "Portal:PublicUrl must be an absolute http(s) address.")
            .ValidateOnStart();
        services.AddSingleton<Pdf.IPdfRenderer, Pdf.PdfSharpRenderer>();
        services.AddContractSealing(configuration, env);
        services.AddScoped<Authorization.ResourceAccess>();
        services.AddScoped<Features.Offers.OfferAccess>();
        services.AddScoped<Features.Shared.KickoffTexts>();
        services.AddScoped<Mail.IMailer, Mail.OutboxMailer>();
        services.AddScoped<Mail.ProjectNotifier>();
        services.Configure<Mail.MailOptions>(configuration.GetSection(Mail.MailOptions.Section));
        services.AddSingleton<Text.SafeMarkdown>();
        services.AddScoped<Mail.IMeetingInvitations, Calendar.MeetingInvitations>();
        services.AddScoped<Features.Offers.OfferPdf>();
        services.AddScoped<Pdf.IOfferDocument>(sp => sp.GetRequiredService<Features.Offers.OfferPdf>());

        // Every use case's Handler (Features/X/UseCase.Handler) is a scoped service.
        foreach (var handler in typeof(WebSetup).Assembly.GetTypes().Where(t => t is { Name: "Handler", IsClass: true, IsAbstract: false, IsNested: true }))
        {
            services.AddScoped(handler);
        }

        // Every scheduled job (IRecurringJob) is a scoped service, found the same way; Hangfire runs them by id.
        foreach (var job in typeof(WebSetup).Assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && typeof(Jobs.IRecurringJob).IsAssignableFrom(t)))
        {
            services.AddScoped(job);
            services.AddScoped(typeof(Jobs.IRecurringJob), job);
        }

        if (!env.IsDevelopment())
        {
            services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        }

        return services;
    }

    /// <summary>PBKDF2 iterations for new password hashes: <see cref="ProductionHashIterations"/> except in the Testing environment.</summary>
    public static int PasswordHashIterations(IWebHostEnvironment env) =>
        (env ?? throw new ArgumentNullException(nameof(env))).IsEnvironment("Testing") ? TestingHashIterations : ProductionHashIterations;

    public const int ProductionHashIterations = 600_000;

    /// <summary>
    /// The test host only: every test factory seeds the demo users and the suite signs in hundreds of times, and at the
    /// production figure the whole suite took three times as long (9m39s against 3m16s). The production figure is
    /// asserted on the configured options by PasswordRuleTests.
    /// </summary>
    public const int TestingHashIterations = 10_000;

    /// <summary>Only a developer's machine and the test host talk plain HTTP; everywhere else cookies are Secure.</summary>
    /// <summary>Development and the tests run on plain HTTP; everywhere else cookies are Secure and HTTP is redirected to HTTPS.</summary>
    public static bool PlainHttpAllowed(IWebHostEnvironment env) => env.IsDevelopment() || env.IsEnvironment("Testing");

    /// <summary>"__Host-" where cookies are always Secure: the browser then refuses one set by a subdomain or over plain HTTP.</summary>
    private static string CookieName(string name, IWebHostEnvironment env) => PlainHttpAllowed(env) ? name : "__Host-" + name;

    /// <summary>
    /// Behind a TLS-terminating load balancer: trust X-Forwarded-Proto/For only from the proxies named in
    /// Network:KnownProxies (default: loopback), so the app knows the request was HTTPS.
    /// </summary>
    public static IServiceCollection AddPortalForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            foreach (var proxy in configuration.GetSection("Network:KnownProxies").Get<string[]>() ?? [])
            {
                o.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });
        return services;
    }

    public static WebApplication MapPortalEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapControllers();
        return app;
    }

    /// <summary>Migrates the database, and loads the demo data the first time when Demo:Enabled is set.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDb>();
        await DatabaseSetup.MigrateAsync(db);
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedReferenceDataAsync();
        if (app.Configuration.GetValue<bool>("Demo:Enabled"))
        {
            await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync(printLogins: true);
        }
    }
}
