using MigrationPortal.Web.Data;
using MigrationPortal.Web.Infrastructure;
using MigrationPortal.Web.Infrastructure.Backup;
using MigrationPortal.Web.Infrastructure.Jobs;
using MigrationPortal.Web.Infrastructure.Logging;
using MigrationPortal.Web.Infrastructure.Security;
using MigrationPortal.Web.Infrastructure.Text;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
if (PortalCommands.IsCommand(args))
{
    // "backup" or "restore": an operations command on the configured database instead of the web server (docs/operations.md).
    return await PortalCommands.RunAsync(args, builder.Configuration, builder.Environment, Console.Out, Console.Error);
}

builder.UsePortalUrls();
builder.AddPortalLogging();
builder.Services
    .AddPortalDatabase(builder.Configuration, builder.Environment)
    .AddPortalIdentity(builder.Configuration, builder.Environment)
    .AddPortalTwoFactor(builder.Configuration, builder.Environment)
    .AddPortalWeb(builder.Configuration, builder.Environment)
    .AddPortalForwardedHeaders(builder.Configuration)
    .AddPortalJobs(builder.Configuration);

var app = builder.Build();

app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

if (!WebSetup.PlainHttpAllowed(app.Environment))
{
    app.UseHttpsRedirection();
}

app.UseExceptionHandler("/error");
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseSecurityHeaders();
// The request log writes through this host's logger, not the static one: two hosts in one process (the tests) each log
// their own requests.
app.UseSerilogRequestLogging(o => o.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
app.UseRequestLocalization();
app.UseFormsWithoutNul();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseSessionOutage();
app.UseTwoFactorRequirement();
app.UseAccessDeniedEvents();
app.UseAuthorization();
app.UsePortalRateLimits();
app.MapPortalEndpoints();
app.MapPortalJobs();

await app.PrepareDatabaseAsync();
return await app.RunPortalAsync();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
