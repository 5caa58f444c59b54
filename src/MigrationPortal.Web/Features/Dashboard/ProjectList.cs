using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Paging;
using MigrationPortal.Web.Infrastructure.Results;

namespace MigrationPortal.Web.Features.Dashboard;

/// <summary>The staff dashboard: projects grouped by phase, filtered, searched and paged.</summary>
public static class ProjectList
{
    public const int PageSize = 20;

    /// <summary>The filter, named as the query string binds it; the dashboard's form is drawn from it.</summary>
    public sealed class Query
    {
        [Display(Name = "Dashboard.Phase")]
        public Phase? Phase { get; set; }

        [Display(Name = "Dashboard.Product")]
        public int? Product { get; set; }

        [Display(Name = "Dashboard.Lead")]
        public string? Lead { get; set; }

        [Display(Name = "Dashboard.Search")]
        public string? Q { get; set; }

        [Display(Name = "Common.Page")]
        public int Page { get; set; } = 1;
    }

    public sealed record Item(int Id, string Name, Phase Phase, ProjectHealth Health, IReadOnlyList<string> Customers, IReadOnlyList<string> Products, string? Lead, string? NextMilestone, DateOnly? NextDue);

    public sealed record ViewModel(
        Query Query,
        IReadOnlyList<Item> Items,
        PageInfo Paging,
        IReadOnlyDictionary<Phase, int> CountByPhase,
        IReadOnlyList<(int Id, string Name)> Products,
        IReadOnlyList<(string Id, string Name)> Leads) : IFormPage
    {
        object IFormPage.Form => Query;
    }

    public sealed class Handler(PortalDb db, TimeProvider clock)
    {
        public async Task<ViewModel> GetAsync(Query query, CancellationToken ct)
        {
            ArgumentNullException.ThrowIfNull(query);
            var today = Display.TodayInOslo(clock);
            var projects = db.Projects.AsNoTracking();
            if (query.Product is { } productId)
            {
                // An IN on the link table: EXISTS per project walks every project.
                projects = projects.Where(p => db.ProjectProducts.Where(pp => pp.ProductId == productId).Select(pp => pp.ProjectId).Contains(p.Id));
            }

            if (!string.IsNullOrWhiteSpace(query.Lead))
            {
                projects = projects.Where(p => p.LeadUserId == query.Lead);
            }

            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                var term = SearchFold.Fold(query.Q);
                var digits = OrgNumber.Normalize(query.Q);
                projects = projects.Where(p => p.SearchText.Contains(term)
                    || db.ProjectCustomers.Where(pc => pc.Customer!.SearchText.Contains(term) || pc.Customer.OrgNumber == digits).Select(pc => pc.ProjectId).Contains(p.Id));
            }

            var countByPhase = await projects.GroupBy(p => p.Phase).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
            if (query.Phase is { } phase)
            {
                projects = projects.Where(p => p.Phase == phase);
            }

            var paging = PageInfo.Of(query.Page, await projects.CountAsync(ct), PageSize);
            // The page's ids first, in the one statement that sorts every project; its rows then by those ids, so the split
            // statements below do not each sort all projects again.
            var ids = await projects.OrderByPhase().ThenBy(p => p.Name).ThenBy(p => p.Id)
                .Skip(paging.Skip).Take(PageSize).Select(p => p.Id).ToListAsync(ct);
            var rows = await db.Projects.AsNoTracking().Where(p => ids.Contains(p.Id))
                .Select(p => new
                {
                    p.Id, p.Name, p.Phase, p.PlannedGoLive,
                    Customers = p.Customers.OrderBy(c => c.Customer!.Name).Select(c => c.Customer!.Name).ToList(),
                    Products = p.Products.OrderBy(pp => pp.Product!.Name).Select(pp => pp.Product!.Name).ToList(),
                    Lead = p.Lead == null ? null : p.Lead.DisplayName,
                    // Only the steps that can make a project late or at risk (open and overdue, or blocked): the health rule
                    // gives the same answer from them as from all, and the page no longer reads every step of its projects.
                    Steps = p.Steps.Where(s => s.Status != StepStatus.Done && s.Status != StepStatus.NotApplicable && ((s.Due != null && s.Due < today) || s.Status == StepStatus.Blocked))
                        .Select(s => new { s.Status, s.Due }).ToList(),
                    // Two scalar subqueries (LIMIT 1 each, by the project's index): a row projected with FirstOrDefault becomes a
                    // window function over every step of every project (100 ms at 200,000 steps).
                    NextTitle = p.Steps.Where(s => s.Status != StepStatus.Done && s.Status != StepStatus.NotApplicable && s.Due != null)
                        .OrderBy(s => s.Due).ThenBy(s => s.SortOrder).Select(s => s.Title).FirstOrDefault(),
                    NextDue = p.Steps.Where(s => s.Status != StepStatus.Done && s.Status != StepStatus.NotApplicable && s.Due != null)
                        .OrderBy(s => s.Due).ThenBy(s => s.SortOrder).Select(s => s.Due).FirstOrDefault(),
                    Checklist = db.ChecklistItems.Where(c => c.ProjectId == p.Id && c.Owner == ResponsibleParty.Customer && c.Status == ChecklistStatus.Open && c.Due != null && c.Due < today)
                        .Select(c => new { c.Owner, c.Status, c.Due }).ToList(),
                })
                // One statement per collection: joined in one, the rows multiply (customers × products × steps × items).
                .AsSplitQuery()
                .ToListAsync(ct);
            var items = rows.OrderBy(r => ids.IndexOf(r.Id)).Select(r =>
            {
                return new Item(r.Id, r.Name, r.Phase, ProjectHealthRule.Compute(r.Phase, r.PlannedGoLive, r.Steps.Select(s => (s.Status, s.Due)), today, r.Checklist.Select(c => (c.Owner, c.Status, c.Due))),
                    r.Customers, r.Products, r.Lead, r.NextTitle, r.NextDue);
            }).ToList();

            var products = (await db.Products.AsNoTracking().OrderBy(p => p.Name).Select(p => new { p.Id, p.Name }).ToListAsync(ct)).Select(p => (p.Id, p.Name)).ToList();
            var leads = (await db.Users.AsNoTracking().Where(u => db.Projects.Any(p => p.LeadUserId == u.Id)).Select(u => new { u.Id, u.DisplayName }).OrderBy(l => l.DisplayName).ToListAsync(ct))
                .Select(l => (l.Id, l.DisplayName)).ToList();
            query.Page = paging.Page;
            return new ViewModel(query, items, paging, countByPhase, products, leads);
        }
    }
}
