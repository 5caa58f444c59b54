namespace MigrationPortal.Web.Domain;

/// <summary>
/// The migration checklist: what the customer's IT (and the vendor) must provide so the vendor can reach all the
/// software to be moved. Pure rules, no I/O; the texts come from the caller's resources so every language works.
/// </summary>
public static class MigrationChecklist
{
    private sealed record Entry(string Key, ChecklistCategory Category, ResponsibleParty Owner, int DueDays, string? Product = null);

    /// <summary>The standard items, in order; a product's own items only when the project moves that product.</summary>
    private static readonly Entry[] Items =
    [
        new("ItContact", ChecklistCategory.Other, ResponsibleParty.Customer, 3),
        new("Vpn", ChecklistCategory.Access, ResponsibleParty.Customer, 7),
        new("AdminAccount", ChecklistCategory.Account, ResponsibleParty.Customer, 7),
        new("ServiceAccount", ChecklistCategory.Account, ResponsibleParty.Customer, 10),
        new("Integrations", ChecklistCategory.Other, ResponsibleParty.Customer, 7),
        new("Firewall", ChecklistCategory.Network, ResponsibleParty.Customer, 10),
        new("WebSakExport", ChecklistCategory.Export, ResponsibleParty.Customer, 14, "websak"),
        new("FormsExport", ChecklistCategory.Export, ResponsibleParty.Customer, 14, "forms"),
        new("AccessVerified", ChecklistCategory.Access, ResponsibleParty.Vendor, 17),
    ];

    /// <summary>
    /// The standard checklist for a project moving <paramref name="productCodes"/> ("websak", "forms"), due dates counted
    /// from <paramref name="start"/>. <paramref name="text"/> turns a resource key (<c>Checklist.Std.{Key}.Title</c> and
    /// <c>.Text</c>) into the text in the project's language.
    /// </summary>
    public static IEnumerable<ChecklistItem> Standard(IReadOnlyCollection<string> productCodes, DateOnly start, Func<string, string> text)
    {
        ArgumentNullException.ThrowIfNull(productCodes);
        ArgumentNullException.ThrowIfNull(text);
        var order = 0;
        foreach (var s in Items.Where(s => s.Product is null || productCodes.Contains(s.Product, StringComparer.OrdinalIgnoreCase)))
        {
            yield return new ChecklistItem
            {
                Category = s.Category,
                Title = text($"Checklist.Std.{s.Key}.Title"),
                Description = text($"Checklist.Std.{s.Key}.Text"),
                Owner = s.Owner,
                Due = start.AddDays(s.DueDays),
                Status = ChecklistStatus.Open,
                SortOrder = (order += 10),
            };
        }
    }

    /// <summary>Changes the status and keeps who marked it done, and when, in step with it.</summary>
    public static void SetStatus(this ChecklistItem item, ChecklistStatus status, DateTime nowUtc, string byName)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (status == ChecklistStatus.Done && item.Status != ChecklistStatus.Done)
        {
            item.DoneUtc = nowUtc;
            item.DoneByName = byName;
        }
        else if (status != ChecklistStatus.Done)
        {
            item.DoneUtc = null;
            item.DoneByName = null;
        }

        item.Status = status;
    }

    /// <summary>Done out of the items that apply (not-applicable ones do not count).</summary>
    public static (int Done, int Total) Progress(IEnumerable<ChecklistStatus> statuses)
    {
        var list = statuses.Where(s => s != ChecklistStatus.NotApplicable).ToList();
        return (list.Count(s => s == ChecklistStatus.Done), list.Count);
    }
}
