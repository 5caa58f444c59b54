namespace MigrationPortal.Web.Infrastructure;

/// <summary>Who the vendor is, for letterheads (section "Vendor").</summary>
public sealed class VendorOptions
{
    public const string Section = "Vendor";

    public string Name { get; set; } = "Leverandøren AS";

    /// <summary>Empty by default: the configuration binder appends to a default array instead of replacing it.</summary>
    public string[] AddressLines { get; set; } = [];

    public string? OrgNumber { get; set; }

    public string? Web { get; set; }
}
