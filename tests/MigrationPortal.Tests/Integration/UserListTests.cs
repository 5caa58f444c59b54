using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Features.Admin;

namespace MigrationPortal.Tests.Integration;

/// <summary>The user list grows with the customers' logins: searched in SQL in any case and paged.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class UserListTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Theory]
    [InlineData("strømme", "Ragnhild Strømme")]
    [InlineData("KVÅLE", "Åse Kvåle")]
    [InlineData("Tromso.Kommune", "Per Hansen")]
    public async Task A_search_finds_names_and_addresses_in_any_case_with_norwegian_letters(string q, string expected)
    {
        using var admin = await factory.LoginAsync(Demo.Admin);

        var (_, page) = await admin.GetPageAsync("/admin/users?q=" + Uri.EscapeDataString(q));

        var names = page.QuerySelectorAll("main table tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();
        Assert.Contains(expected, names);
        Assert.DoesNotContain("Marte Solberg", names);
    }

    [Fact]
    public async Task Users_are_listed_a_page_at_a_time()
    {
        await factory.WithDbAsync(db =>
        {
            db.Users.AddRange(Enumerable.Range(1, Users.PageSize + 5).Select(i => new PortalUser
            {
                UserName = $"bruker{i}@leverandor.example", Email = $"bruker{i}@leverandor.example", DisplayName = $"Bruker {i:D3}",
                NormalizedEmail = $"BRUKER{i}@LEVERANDOR.EXAMPLE", NormalizedUserName = $"BRUKER{i}@LEVERANDOR.EXAMPLE",
            }));
            return db.SaveChangesAsync();
        });
        var total = await factory.WithDbAsync(db => db.Users.CountAsync());
        using var admin = await factory.LoginAsync(Demo.Admin);

        var (_, first) = await admin.GetPageAsync("/admin/users");
        var (_, last) = await admin.GetPageAsync($"/admin/users?page={(total + Users.PageSize - 1) / Users.PageSize}");

        Assert.Equal(Users.PageSize, first.QuerySelectorAll("main table tbody tr").Length);
        Assert.Equal(total - ((total - 1) / Users.PageSize * Users.PageSize), last.QuerySelectorAll("main table tbody tr").Length);
        Assert.Contains(total.ToString(System.Globalization.CultureInfo.InvariantCulture), first.QuerySelector("main p[role=status]")!.TextContent, StringComparison.Ordinal);
    }
}
