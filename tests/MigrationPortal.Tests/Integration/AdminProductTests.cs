using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;

namespace MigrationPortal.Tests.Integration;

[Trait(Suite.Name, Suite.Integration)]
public sealed class AdminProductTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task Admin_adds_a_product_that_new_projects_can_choose()
    {
        using var admin = await factory.LoginAsync(Demo.Admin);

        var created = await admin.PostFormAsync("/admin/products/new", new() { ["Name"] = "Møtebok", ["Code"] = "motebok", ["IsActive"] = "true" });
        var (_, form) = await admin.GetPageAsync("/projects/new");

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Contains(form.QuerySelectorAll("fieldset#ProductIds label"), l => l.TextContent == "Møtebok");
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Product" && a.Action == "Created" && a.NewValue == "Møtebok")));
    }

    [Theory]
    [InlineData("websak", "allerede denne koden")]
    [InlineData("Store Bokstaver", "små bokstaver")]
    public async Task A_bad_or_taken_product_code_is_refused(string code, string message)
    {
        using var admin = await factory.LoginAsync(Demo.Admin);

        var response = await admin.PostFormAsync("/admin/products/new", new() { ["Name"] = "Kopi", ["Code"] = code, ["IsActive"] = "true" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await PortalClient.ParseAsync(response)).QuerySelector("#Code-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Products.CountAsync(p => p.Code == "websak")));
    }

    [Fact]
    public async Task Only_admins_may_add_products()
    {
        using var lead = await factory.LoginAsync(Demo.Lead);

        var response = await lead.PostFormAsync("/admin/products/new", new() { ["Name"] = "Snik", ["Code"] = "snik", ["IsActive"] = "true" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await factory.WithDbAsync(db => db.Products.AnyAsync(p => p.Code == "snik")));
    }
}
