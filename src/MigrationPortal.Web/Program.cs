using MigrationPortal.Web.Data;
using MigrationPortal.Web.Infrastructure;
using MigrationPortal.Web.Infrastructure.Jobs;
using MigrationPortal.Web.Infrastructure.Logging;
using MigrationPortal.Web.Infrastructure.Security;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
builder.UsePortalUrls();
builder.AddPortalLogging();
builder.Services
    .AddPortalDatabase(builder.Configuration, builder.Environment)
    .AddPortalIdentity(builder.Environment)
    .AddPortalWeb(builder.Configuration, builder.Environment)
    .AddPortalForwardedHeaders(builder.Configuration)
    .AddPortalJobs(builder.Configuration);

var app = builder.Build();

app.UseForwardedHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseExceptionHandler("/error");
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseSecurityHeaders();
app.UseSerilogRequestLogging();
app.UseRequestLocalization();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseAuthorization();
app.MapPortalEndpoints();
app.MapPortalJobs();

await app.PrepareDatabaseAsync();
return await app.RunPortalAsync();

/// <summary>Visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
