namespace MigrationPortal.Web.Domain;

/// <summary>What a new offer starts with: the implementation project's usual activities and yearly costs per product.</summary>
public static class OfferDefaults
{
    public const int ValidDays = 30;

    /// <summary>
    /// A first revision with the default texts, activities and yearly costs for the project's products, in the language
    /// <paramref name="text"/> speaks (a resource key in, its text out). The app and the demo data both start here.
    /// </summary>
    public static OfferRevision NewDraft(
        string projectName, IReadOnlyCollection<Product> products, string language, int queueWaiting, DateOnly today, DateOnly estimatedStart,
        string? vendorContactUserId, DateTime nowUtc, Func<string, string> text)
    {
        ArgumentNullException.ThrowIfNull(products);
        ArgumentNullException.ThrowIfNull(text);
        string F(string key, object argument) => string.Format(System.Globalization.CultureInfo.CurrentCulture, text(key), argument);
        var revision = new OfferRevision
        {
            Revision = 1,
            Title = F("Offer.DefaultTitle", projectName),
            Summary = text("Offer.DefaultSummary"),
            Terms = text("Offer.DefaultTerms"),
            Caveats = F("Offer.DefaultCaveats", queueWaiting),
            ValidUntil = today.AddDays(ValidDays),
            EstimatedStartMonth = estimatedStart,
            Language = language,
            VendorContactUserId = vendorContactUserId,
            CreatedUtc = nowUtc,
        };
        revision.Activities.AddRange(Activities(products.Select(p => p.Code).ToList(), text));
        revision.YearlyCosts.AddRange(YearlyCosts(products, text));
        revision.EstimatedDurationWeeks = revision.Activities.Sum(a => a.DurationWeeks ?? 0) is var w and > 0 ? w : null;
        return revision;
    }

    public static IEnumerable<OfferActivity> Activities(IReadOnlyCollection<string> productCodes, Func<string, string> text)
    {
        ArgumentNullException.ThrowIfNull(productCodes);
        ArgumentNullException.ThrowIfNull(text);
        var both = productCodes.Count > 1;
        var order = 0;
        // Each activity names the plan step it is carried out as, so acceptance maps it onto that step instead of adding a copy.
        OfferActivity A(string key, string planKey, decimal hours, decimal price, int weeks, string unit = "Offer.Unit.Hours") =>
            new()
            {
                Description = text("OfferActivity." + key), Quantity = both ? decimal.Round(hours * 1.5m) : hours, Unit = text(unit), UnitPrice = price,
                DurationWeeks = weeks, SortOrder = ++order, PlanKey = planKey,
            };

        yield return A("Mapping", PlanKeys.ProjectPlan, 16, 1450, 2);
        yield return A("Environment", "setup.servers", 24, 1450, 2);
        if (productCodes.Contains("websak"))
        {
            yield return A("MigrationWebSak", "setup.migration-websak", 40, 1450, 3);
        }

        if (productCodes.Contains("forms"))
        {
            yield return A("MigrationForms", "setup.migration-forms", 16, 1450, 2);
        }

        yield return A("TestEnvironment", productCodes.Contains("websak") ? "setup.test-database" : PlanKeys.Testing, 20, 1450, 4);
        yield return A("Training", PlanKeys.Training, 12, 1650, 3);
        yield return A("GoLive", PlanKeys.Cutover, 16, 1450, 2);
        yield return new OfferActivity { Description = text("OfferActivity.ProjectManagement"), PriceKind = PriceKind.Fixed, FixedPrice = both ? 45000 : 30000, DurationWeeks = null, SortOrder = ++order };
    }

    public static IEnumerable<OfferYearlyCost> YearlyCosts(IEnumerable<Product> products, Func<string, string> text)
    {
        var order = 0;
        foreach (var p in products.OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            yield return new OfferYearlyCost
            {
                Description = string.Format(System.Globalization.CultureInfo.CurrentCulture, text("OfferYearly.Operation"), p.Name),
                ProductId = p.Id,
                AmountPerYear = p.Code switch { "websak" => 185000, "forms" => 62000, _ => 50000 },
                SortOrder = ++order,
            };
        }
    }
}
