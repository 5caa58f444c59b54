namespace MigrationPortal.Load;

public enum TargetKind
{
    /// <summary>An HTML page of the portal: p95 and size budgets.</summary>
    Page,

    /// <summary>A PDF rendered in the request, measured with the server on one core: a throughput budget.</summary>
    Pdf,

    /// <summary>The benchmark's own ADO.NET endpoint with the same rows as a page, without layout.</summary>
    Ceiling,
}

/// <summary>Who is signed in for a target (the demo logins; the customer's login comes from the data set).</summary>
public enum Role
{
    None,
    ProjectLead,
    Sales,
    CloudCentre,
    Admin,
    Customer,
}

/// <summary>What is measured: a name for the report, the path and who asks.</summary>
public sealed record Target(string Name, string Title, TargetKind Kind, Role Role, string Path, string? CeilingOf = null);

/// <summary>The ids the targets need, from the generator's JSON file or found by query.</summary>
public sealed record DataSetIds(int ProjectId, int ProjectSteps, int OfferRevisionId, int OperationsProjectId, string CustomerLogin, string SearchTerm, string Source)
{
    /// <summary>Every login's password: the generator's, or the demo data's.</summary>
    public string Password { get; init; } = MigrationPortal.Web.Data.DemoData.DemoPassword;
}

public static class Targets
{
    public const string Dashboard = "dashboard";
    public const string Project = "project";
    public const string OfferPdf = "offer-pdf";
    public const string PlanPdf = "plan-pdf";
    public const string CeilingDashboard = "ceiling-dashboard";
    public const string CeilingProject = "ceiling-project";

    /// <summary>The pages and PDFs of issue 10, in report order.</summary>
    public static IReadOnlyList<Target> Portal(DataSetIds ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return
        [
            new(Dashboard, "staff dashboard `/dashboard`", TargetKind.Page, Role.ProjectLead, "/dashboard"),
            new(Project, $"project page ({ids.ProjectSteps} steps)", TargetKind.Page, Role.ProjectLead, $"/projects/{ids.ProjectId}"),
            new("my", "customer home `/my`", TargetKind.Page, Role.Customer, "/my"),
            new("offers", "sales pipeline `/offers`", TargetKind.Page, Role.Sales, "/offers"),
            new("queue", "cloud queue `/queue`", TargetKind.Page, Role.CloudCentre, "/queue"),
            new("cloud-centre", "cloud centre start `/cloud-centre`", TargetKind.Page, Role.CloudCentre, "/cloud-centre"),
            new("wheel", "annual wheel `/operations/{id}/wheel`", TargetKind.Page, Role.CloudCentre, $"/operations/{ids.OperationsProjectId}/wheel"),
            new("customers", "customer list with search `/customers?q=`", TargetKind.Page, Role.Admin, $"/customers?q={Uri.EscapeDataString(ids.SearchTerm)}"),
            new(OfferPdf, "offer PDF (draft, rendered)", TargetKind.Pdf, Role.Sales, $"/offers/{ids.OfferRevisionId}/pdf"),
            new(PlanPdf, $"plan PDF ({ids.ProjectSteps} steps, preview)", TargetKind.Pdf, Role.ProjectLead, $"/projects/{ids.ProjectId}/documents/plan/preview"),
        ];
    }

    /// <summary>The ceiling endpoints hosted by the benchmark itself.</summary>
    public static IReadOnlyList<Target> Ceilings(DataSetIds ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return
        [
            new(CeilingDashboard, "ceiling: dashboard rows, ADO.NET", TargetKind.Ceiling, Role.None, "/ceiling/dashboard", CeilingOf: Dashboard),
            new(CeilingProject, "ceiling: project rows, ADO.NET", TargetKind.Ceiling, Role.None, $"/ceiling/projects/{ids.ProjectId}", CeilingOf: Project),
        ];
    }
}
