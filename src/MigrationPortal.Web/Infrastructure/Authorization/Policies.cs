using System.Security.Claims;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Web.Infrastructure.Authorization;

/// <summary>Role policies. Access to one customer's data is checked per resource, see <see cref="ProjectOperations"/>.</summary>
public static class Policies
{
    public const string Staff = nameof(Staff);
    public const string Admin = nameof(Admin);
    public const string CustomerUser = nameof(CustomerUser);

    /// <summary>May change steps: project leads own phases 2–3, the cloud centre phase 4.</summary>
    public const string StepEditor = nameof(StepEditor);

    /// <summary>May start a new project: sales in phase 1, project leads, admins.</summary>
    public const string ProjectCreator = nameof(ProjectCreator);

    /// <summary>May write, send and revise offers: sales and admins.</summary>
    public const string OfferEditor = nameof(OfferEditor);

    /// <summary>May create and change customers and their contacts.</summary>
    public const string CustomerEditor = nameof(CustomerEditor);

    /// <summary>May write the cloud-customer page (news, the customer centre's contact details): the cloud centre and admins.</summary>
    public const string CloudContent = nameof(CloudContent);

    public static IServiceCollection AddPortalAuthorization(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Staff, p => p.RequireRole([.. Roles.Staff]))
            .AddPolicy(Admin, p => p.RequireRole(Roles.Admin))
            .AddPolicy(CustomerUser, p => p.RequireRole(Roles.Customer).RequireClaim(PortalClaims.CustomerId))
            .AddPolicy(StepEditor, p => p.RequireRole(StepEditorRoles))
            .AddPolicy(CustomerEditor, p => p.RequireRole(CustomerEditorRoles))
            .AddPolicy(ProjectCreator, p => p.RequireRole(ProjectCreatorRoles))
            .AddPolicy(OfferEditor, p => p.RequireRole(Roles.Admin, Roles.Sales))
            .AddPolicy(CloudContent, p => p.RequireRole(Roles.CloudCenter, Roles.Admin));
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, ProjectAuthorizationHandler>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, CustomerAuthorizationHandler>();
        return services;
    }

    internal static readonly string[] StepEditorRoles = [Roles.Admin, Roles.ProjectLead, Roles.CloudCenter];
    internal static readonly string[] CustomerEditorRoles = [Roles.Admin, Roles.Sales, Roles.ProjectLead];
    internal static readonly string[] ProjectCreatorRoles = [Roles.Admin, Roles.Sales, Roles.ProjectLead];
    internal static readonly string[] MappingRoles = [Roles.Customer, Roles.Sales, Roles.Admin, Roles.ProjectLead];
}

public static class PortalClaims
{
    public const string CustomerId = "mp:customer";
    public const string DisplayName = "mp:name";
}

public static class ClaimsPrincipalExtensions
{
    public static bool IsStaff(this ClaimsPrincipal user) => Roles.Staff.Any(user.IsInRole);

    /// <summary>The organisation of a customer user; null for staff.</summary>
    public static int? CustomerId(this ClaimsPrincipal user) =>
        !user.IsStaff() && int.TryParse(user.FindFirstValue(PortalClaims.CustomerId), out var id) ? id : null;

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string DisplayName(this ClaimsPrincipal user) =>
        user.FindFirstValue(PortalClaims.DisplayName) ?? user.Identity?.Name ?? string.Empty;
}
