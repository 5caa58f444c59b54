using MigrationPortal.Web.Infrastructure.Paging;

namespace MigrationPortal.Tests.Unit;

public sealed class PagingTests
{
    [Theory]
    [InlineData(0, 1, 1, 1)]
    [InlineData(-3, 45, 1, 2)]
    [InlineData(9, 45, 2, 2)]
    [InlineData(2, 50, 2, 2)]
    [InlineData(2, 51, 2, 3)]
    public void A_page_is_clamped_into_the_pages_there_are(int requested, int total, int page, int pageCount)
    {
        var info = PageInfo.Of(requested, total, 25);

        Assert.Equal((page, pageCount, total), (info.Page, info.PageCount, info.Total));
        Assert.Equal((page - 1) * 25, info.Skip);
    }

    [Theory]
    [InlineData(1, 1, "1")]
    [InlineData(1, 5, "1 2 3 4 5")]
    [InlineData(1, 300, "1 2 3 … 300")]
    [InlineData(150, 300, "1 … 148 149 150 151 152 … 300")]
    [InlineData(5, 300, "1 2 3 4 5 6 7 … 300")]
    [InlineData(4, 300, "1 2 3 4 5 6 … 300")]
    [InlineData(300, 300, "1 … 298 299 300")]
    public void A_long_list_links_the_ends_and_the_pages_around_the_current_one(int page, int pageCount, string expected)
    {
        var info = PageInfo.Of(page, pageCount * 20, 20);

        Assert.Equal(expected, string.Join(' ', info.Links().Select(p => p?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "…")));
    }
}
