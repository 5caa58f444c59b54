using Microsoft.AspNetCore.Identity;

namespace MigrationPortal.Web.Domain;

public sealed class PortalUser : IdentityUser, IAudited
{
    /// <summary>The secret in the user's private calendar feed URL; renewing it makes the old URL stop working.</summary>
    public string? CalendarToken { get; set; }

    public required string DisplayName { get; set; }

    /// <summary>Set for customer users: the organisation they belong to, through their Contact.</summary>
    public int? CustomerId { get; set; }
    public bool IsActive { get; set; } = true;

    /// <summary>"nb-NO" or "en".</summary>
    public string? PreferredLanguage { get; set; }

    /// <summary>Name and e-mail folded (<see cref="SearchFold"/>), kept by the database context, so the user list is searched in SQL in any case.</summary>
    public string SearchText { get; set; } = string.Empty;

    public void UpdateSearchText() => SearchText = SearchFold.Fold($"{DisplayName} {Email}");
}

public static class Roles
{
    public const string Admin = nameof(Admin);
    public const string Sales = nameof(Sales);
    public const string ProjectLead = nameof(ProjectLead);
    public const string CloudCenter = nameof(CloudCenter);
    public const string Customer = nameof(Customer);

    public static readonly IReadOnlyList<string> All = [Admin, Sales, ProjectLead, CloudCenter, Customer];
    public static readonly IReadOnlyList<string> Staff = [Admin, Sales, ProjectLead, CloudCenter];
}

