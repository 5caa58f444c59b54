namespace MigrationPortal.Web.Infrastructure;

/// <summary>Who the vendor is, for letterheads (section "Vendor").</summary>
public sealed class VendorOptions
{
    public const string Section = "Vendor";

    public string Name { get; set; } = "Leverandøren AS";

    public string[] AddressLines { get; set; } = ["Skyveien 1", "0150 Oslo"];

    public string? OrgNumber { get; set; }

    public string? Web { get; set; }
}
