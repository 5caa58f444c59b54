using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Razor;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Authorization;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Signing;

namespace MigrationPortal.Web.Infrastructure;

public static class WebSetup
{
    public static IServiceCollection AddPortalIdentity(this IServiceCollection services, IWebHostEnvironment env)
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
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<PortalDb>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<PortalClaimsFactory>()
            .AddErrorDescriber<LocalizedIdentityErrors>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/error/403";
            o.Cookie.Name = "mp.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = PlainHttpAllowed(env) ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);

            // A signed-in user without the right gets a real 403 (rendered by the error page), not a redirect.
            o.Events.OnRedirectToAccessDenied = ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(5));

        // Keys in the database so that every web node can read every other node's cookies.
        services.AddDataProtection().SetApplicationName("MigrationPortal").PersistKeysToDbContext<PortalDb>();
        services.AddHttpContextAccessor();
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
            o.Cookie.Name = "mp.af";
            o.Cookie.SecurePolicy = PlainHttpAllowed(env) ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
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

    /// <summary>Only a developer's machine and the test host talk plain HTTP; everywhere else cookies are Secure.</summary>
    private static bool PlainHttpAllowed(IWebHostEnvironment env) => env.IsDevelopment() || env.IsEnvironment("Testing");

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
