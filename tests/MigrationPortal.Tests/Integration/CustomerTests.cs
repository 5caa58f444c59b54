using System.Net;
using Microsoft.EntityFrameworkCore;
using MigrationPortal.Tests.Infrastructure;

namespace MigrationPortal.Tests.Integration;

[Trait(Suite.Name, Suite.Integration)]
public sealed class CustomerTests(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static Dictionary<string, string?> Form(string name, string org) => new()
    {
        ["Name"] = name, ["OrgNumber"] = org, ["Type"] = "Municipality", ["StreetAddress"] = "Storgata 1",
        ["PostalCode"] = "9990", ["City"] = "Båtsfjord", ["PreferredLanguage"] = "nb-NO", ["Version"] = "0",
    };

    [Fact]
    public async Task Sales_creates_a_customer_with_spaces_in_the_org_number_and_it_is_audited()
    {
        using var sales = await factory.LoginAsync(Demo.Sales);

        var response = await sales.PostFormAsync("/customers/new", Form("Båtsfjord kommune", "951 521 000"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var customer = await factory.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Name == "Båtsfjord kommune"));
        Assert.Equal("951521000", customer.OrgNumber);
        Assert.Equal($"/customers/{customer.Id}", response.Headers.Location!.ToString());
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Customer" && a.Action == "Created" && a.CustomerId == customer.Id && a.UserName == Demo.Sales)));
        var (_, list) = await sales.GetPageAsync("/customers?q=951521000");
        Assert.Contains("Båtsfjord kommune", list.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("938821004", "kontrollsifferet")]
    [InlineData("12345", "nøyaktig ni siffer")]
    [InlineData("abcdefghi", "nøyaktig ni siffer")]
    [InlineData("", "Organisasjonsnummer må fylles ut")]
    public async Task Invalid_org_number_gets_a_clear_message_and_nothing_is_saved(string org, string message)
    {
        using var sales = await factory.LoginAsync(Demo.Sales);
        var name = $"Ugyldig {Guid.NewGuid():N}";

        var response = await sales.PostFormAsync("/customers/new", Form(name, org));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PortalClient.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector("#OrgNumber-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#OrgNumber")!.GetAttribute("aria-invalid"));
        Assert.False(await factory.WithDbAsync(db => db.Customers.AnyAsync(c => c.Name == name)));
    }

    [Fact]
    public async Task A_second_customer_with_the_same_org_number_is_refused()
    {
        using var sales = await factory.LoginAsync(Demo.Sales);

        var response = await sales.PostFormAsync("/customers/new", Form("Kopi av Tromsø", "971141018"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("finnes allerede", (await PortalClient.ParseAsync(response)).QuerySelector("#OrgNumber-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, await factory.WithDbAsync(db => db.Customers.CountAsync(c => c.OrgNumber == "971141018")));
    }

    [Fact]
    public async Task Staff_record_the_systems_a_customer_runs_today_with_the_websak_version_and_the_page_shows_them()
    {
        var customer = await factory.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Name == "Ringebu kommune"));
        var products = await factory.WithDbAsync(db => db.Products.ToDictionaryAsync(p => p.Code, p => p.Id));
        using var lead = await factory.LoginAsync(Demo.Lead);
        var (_, edit) = await lead.GetPageAsync($"/customers/{customer.Id}/edit");
        var form = Form("Ringebu kommune", customer.OrgNumber);
        form["Version"] = $"{customer.Version}";
        form["WebSakVersion"] = " 2021.1 ";
        var content = form.Select(f => new KeyValuePair<string, string>(f.Key, f.Value!)).ToList();
        content.Add(new("InstalledProductIds", $"{products["websak"]}"));
        content.Add(new("InstalledProductIds", $"{products["fokus"]}"));
        content.Add(new("__RequestVerificationToken", await lead.TokenAsync("/error/404")));

        using var body = new FormUrlEncodedContent(content);
        var saved = await lead.Http.PostAsync(new Uri($"/customers/{customer.Id}/edit", UriKind.Relative), body);

        Assert.NotNull(edit.QuerySelector($"input[name=InstalledProductIds][value='{products["fokus"]}']"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var installed = await factory.WithDbAsync(db => db.CustomerProducts.AsNoTracking().Where(i => i.CustomerId == customer.Id).ToDictionaryAsync(i => i.ProductId, i => i.Version));
        Assert.Equal(2, installed.Count);
        Assert.Equal("2021.1", installed[products["websak"]]);
        Assert.Null(installed[products["fokus"]]);
        var (_, page) = await lead.GetPageAsync($"/customers/{customer.Id}");
        Assert.Equal("FOKUS, WebSak 2021.1", page.QuerySelector("#installed")!.TextContent.Trim());
        Assert.True(await factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "CustomerProduct" && a.CustomerId == customer.Id)));
    }

    [Fact]
    public async Task Editing_a_customer_someone_else_changed_meanwhile_conflicts_instead_of_overwriting()
    {
        var customer = await factory.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Name == "Hægebostad kommune"));
        using var sales = await factory.LoginAsync(Demo.Sales);
        using var lead = await factory.LoginAsync(Demo.Lead);
        var form = Form("Hægebostad kommune", customer.OrgNumber);
        form["Version"] = customer.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);

        form["City"] = "Tingvatn sentrum";
        var first = await sales.PostFormAsync($"/customers/{customer.Id}/edit", form);
        form["City"] = "Snartemo";
        var second = await lead.PostFormAsync($"/customers/{customer.Id}/edit", form);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("Tingvatn sentrum", (await factory.WithDbAsync(db => db.Customers.AsNoTracking().SingleAsync(c => c.Id == customer.Id))).City);
    }

    [Fact]
    public async Task Validation_messages_follow_the_chosen_language()
    {
        using var sales = await factory.LoginAsync(Demo.Sales);
        await sales.PostFormAsync("/culture", new() { ["culture"] = "en", ["returnUrl"] = "/customers" });

        var response = await sales.PostFormAsync("/customers/new", Form("", "938821004"));

        var page = await PortalClient.ParseAsync(response);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Name is required.", page.QuerySelector("#Name-error")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("check digit", page.QuerySelector("#OrgNumber-error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Adding_a_contact_with_a_bad_email_is_refused_then_a_good_one_is_listed()
    {
        var customerId = await factory.WithDbAsync(db => db.Customers.Where(c => c.Name == "Ringebu kommune").Select(c => c.Id).SingleAsync());
        using var sales = await factory.LoginAsync(Demo.Sales);

        var bad = await sales.PostFormAsync($"/customers/{customerId}/contacts/new", new() { ["Name"] = "Åshild Øren", ["Email"] = "ikke-en-adresse" });
        var good = await sales.PostFormAsync($"/customers/{customerId}/contacts/new", new() { ["Name"] = "Åshild Øren", ["Email"] = "ashild@ringebu.kommune.example", ["HasSigningAuthority"] = "true" });

        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("gyldig e-postadresse", (await PortalClient.ParseAsync(bad)).QuerySelector("#Email-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var contact = await factory.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.Name == "Åshild Øren"));
        Assert.True(contact.HasSigningAuthority);
    }

    [Fact]
    public async Task Editing_a_contact_saves_and_a_stale_edit_conflicts()
    {
        var contact = await factory.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.Name == "Bjørn Løvås"));
        using var sales = await factory.LoginAsync(Demo.Sales);
        Dictionary<string, string?> Fields(string title) => new()
        {
            ["Name"] = contact.Name, ["Title"] = title, ["Email"] = contact.Email, ["Version"] = $"{contact.Version}", ["HasSigningAuthority"] = "true",
        };

        var first = await sales.PostFormAsync($"/customers/{contact.CustomerId}/contacts/{contact.Id}/edit", Fields("Direktør"));
        var stale = await sales.PostFormAsync($"/customers/{contact.CustomerId}/contacts/{contact.Id}/edit", Fields("IKT-sjef"));
        var otherCustomer = await factory.WithDbAsync(db => db.Customers.Where(c => c.Id != contact.CustomerId).Select(c => c.Id).FirstAsync());
        var wrongCustomer = await sales.GetAsync($"/customers/{otherCustomer}/contacts/{contact.Id}/edit");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongCustomer.StatusCode);
        Assert.Equal("Direktør", (await factory.WithDbAsync(db => db.Contacts.AsNoTracking().SingleAsync(c => c.Id == contact.Id))).Title);
    }
}
