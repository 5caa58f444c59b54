using Microsoft.EntityFrameworkCore;

namespace MigrationPortal.Web.Infrastructure.Paging;

/// <summary>
/// Where a paged list stands: the page shown (clamped into range), how many pages, how many rows in all. Every list that
/// grows with the customer base is paged through <see cref="PagingExtensions.PageAsync"/> and drawn with the shared <c>_Pager</c>.
/// </summary>
public sealed record PageInfo(int Page, int PageCount, int Total, int PageSize)
{
    /// <summary>The page a request asked for, clamped to the pages there are (at least one, even for no rows).</summary>
    public static PageInfo Of(int requested, int total, int pageSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pageSize);
        var pageCount = Math.Max(1, (total + pageSize - 1) / pageSize);
        return new PageInfo(Math.Clamp(requested, 1, pageCount), pageCount, total, pageSize);
    }

    public int Skip => (Page - 1) * PageSize;

    /// <summary>
    /// The page numbers to link: the first, the last, and two either side of the current one, with null for a gap
    /// ("1 … 4 5 6 7 8 … 300"): a list of thousands of rows gets a pager of a dozen links, not thousands.
    /// </summary>
    public IReadOnlyList<int?> Links(int around = 2)
    {
        var pages = new SortedSet<int> { 1, PageCount };
        for (var p = Math.Max(1, Page - around); p <= Math.Min(PageCount, Page + around); p++)
        {
            pages.Add(p);
        }

        var links = new List<int?>();
        var previous = 0;
        foreach (var p in pages)
        {
            if (p == previous + 2)
            {
                links.Add(previous + 1); // a gap of one page is that page, not "…"
            }
            else if (p > previous + 2)
            {
                links.Add(null);
            }

            links.Add(p);
            previous = p;
        }

        return links;
    }
}

/// <summary>A page of a list drawn by the shared <c>_Pager</c>: where it stands and the address of any page.</summary>
public sealed record Pager(PageInfo Info, Func<int, string> Url, string LabelKey = "Common.Paging");

public static class PagingExtensions
{
    /// <summary>Counts the rows, clamps the page asked for, and reads that page: two queries, whatever the number of rows.</summary>
    public static async Task<(List<T> Items, PageInfo Info)> PageAsync<T>(this IQueryable<T> ordered, int requested, int pageSize, CancellationToken ct)
    {
        var info = PageInfo.Of(requested, await ordered.CountAsync(ct), pageSize);
        return (await ordered.Skip(info.Skip).Take(pageSize).ToListAsync(ct), info);
    }
}
