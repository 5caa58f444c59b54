namespace MigrationPortal.Web.Domain;

public sealed class Customer : Versioned, IAudited
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Nine digits, no spaces; validated with <see cref="OrgNumber"/>.</summary>
    public required string OrgNumber { get; set; }
    public CustomerType Type { get; set; }
    public string? StreetAddress { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }

    /// <summary>Language for documents sent to this customer ("nb-NO" or "en").</summary>
    public string PreferredLanguage { get; set; } = "nb-NO";

    /// <summary>Name, city and org number folded to lower case in .NET, so search finds "Ålesund" on every database (SQLite's lower() folds only ASCII).</summary>
    public string SearchText { get; set; } = string.Empty;

    public List<Contact> Contacts { get; } = [];
    public List<ProjectCustomer> Projects { get; } = [];

    /// <summary>The month (1–12) of the customer's yearly status meeting in operations, chosen by the cloud centre.</summary>
    public int? StatusMeetingMonth { get; set; }

    /// <summary>The systems the customer already runs (installed base), which decide the go-live steps.</summary>
    public List<CustomerProduct> InstalledProducts { get; } = [];

    public void UpdateSearchText() => SearchText = SearchFold.Fold($"{Name} {City} {OrgNumber}");
}

public static class SearchFold
{
    /// <summary>Lower case with the invariant culture: the one form both stored text and search terms take.</summary>
    public static string Fold(string? text) => (text ?? string.Empty).Trim().ToLowerInvariant();
}

public sealed class Contact : Versioned, IAudited
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public Customer? Customer { get; set; }
    public required string Name { get; set; }
    public string? Title { get; set; }
    public required string Email { get; set; }
    public string? Phone { get; set; }

    /// <summary>May accept offers and sign on behalf of the organisation.</summary>
    public bool HasSigningAuthority { get; set; }

    /// <summary>The login of this person, if they have one.</summary>
    public string? UserId { get; set; }
}

public sealed class Product : Versioned, IAudited
{
    public int Id { get; set; }

    /// <summary>Stable key used by templates and code ("websak", "forms").</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public bool IsActive { get; set; } = true;
}
