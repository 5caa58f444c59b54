using System.Security.Cryptography;

namespace MigrationPortal.Web.Domain;

public enum OfferStatus
{
    Draft = 0,
    Sent = 1,
    Accepted = 2,
    Declined = 3,
    Expired = 4,
    Superseded = 5,
}

/// <summary>
/// An offer to a project, with its revisions. Only the newest revision is live; a sent revision never
/// changes, so editing one starts a new revision (the old one becomes superseded when the new one is sent).
/// </summary>
public sealed class Offer : Versioned, IAudited
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }

    /// <summary>"T-2026-0007": year and a running number, unique.</summary>
    public required string Number { get; set; }
    public DateTime CreatedUtc { get; set; }
    public List<OfferRevision> Revisions { get; } = [];
}

public sealed class OfferRevision : Versioned, IAudited
{
    public const decimal VatRate = 0.25m;

    public int Id { get; set; }
    public int OfferId { get; set; }
    public Offer? Offer { get; set; }
    public int Revision { get; set; }
    public OfferStatus Status { get; set; } = OfferStatus.Draft;
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public string? Terms { get; set; }
    public DateOnly ValidUntil { get; set; }

    /// <summary>The vendor's contact person for the offer (a staff user).</summary>
    public string? VendorContactUserId { get; set; }

    /// <summary>First day of the month the project is expected to start, from the cloud queue when the offer was written.</summary>
    public DateOnly? EstimatedStartMonth { get; set; }
    public int? EstimatedDurationWeeks { get; set; }
    public string? Caveats { get; set; }

    /// <summary>"nb-NO" or "en": the customer's language.</summary>
    public string Language { get; set; } = "nb-NO";

    public DateTime CreatedUtc { get; set; }
    public DateTime? SentUtc { get; set; }

    /// <summary>The PDF exactly as sent; what the customer reads, downloads and accepts. Never changes after sending.</summary>
    public byte[]? PdfContent { get; set; }
    public string? PdfSha256 { get; set; }

    public int? AcceptedByContactId { get; set; }
    public string? AcceptedByName { get; set; }
    public DateTime? AcceptedUtc { get; set; }
    public string? AcceptedFromIp { get; set; }
    public string? AcceptedUserAgent { get; set; }
    public DateTime? DeclinedUtc { get; set; }
    public string? DeclineReason { get; set; }

    public List<OfferActivity> Activities { get; } = [];
    public List<OfferYearlyCost> YearlyCosts { get; } = [];

    public bool IsLocked => Status != OfferStatus.Draft;

    public decimal OneOffTotal => Activities.Sum(a => a.Total);

    public decimal YearlyTotal => YearlyCosts.Sum(c => c.AmountPerYear);

    /// <summary>
    /// <see cref="OneOffTotal"/> in øre, stored so lists and sums by status are computed in SQL (SQLite cannot sum
    /// decimals): kept in step with the rows by <see cref="StoreTotals"/> whenever the rows are saved.
    /// </summary>
    public long OneOffTotalOre { get; private set; }

    /// <summary>
    /// The revision the sales pipeline shows for its offer: the newest the customer has seen, or the draft while nothing
    /// has been sent. Stored (kept by the database context through <see cref="MarkPipeline"/>) so the pipeline filters on
    /// a column instead of comparing every revision with its siblings.
    /// </summary>
    public bool InPipeline { get; private set; }

    /// <summary>Marks which of one offer's revisions is its pipeline revision (see <see cref="InPipeline"/>).</summary>
    public static void MarkPipeline(IReadOnlyCollection<OfferRevision> revisionsOfOneOffer)
    {
        ArgumentNullException.ThrowIfNull(revisionsOfOneOffer);
        var newestSent = revisionsOfOneOffer.Where(r => r.Status != OfferStatus.Draft).MaxBy(r => r.Revision);
        foreach (var r in revisionsOfOneOffer)
        {
            r.InPipeline = newestSent is null ? r.Status == OfferStatus.Draft : ReferenceEquals(r, newestSent);
        }
    }

    /// <summary><see cref="YearlyTotal"/> in øre, stored like <see cref="OneOffTotalOre"/>.</summary>
    public long YearlyTotalOre { get; private set; }

    /// <summary>Stores the totals of the rows as they are now (each only when its rows are at hand).</summary>
    public void StoreTotals(bool activities, bool yearlyCosts)
    {
        if (activities)
        {
            OneOffTotalOre = ToOre(OneOffTotal);
        }

        if (yearlyCosts)
        {
            YearlyTotalOre = ToOre(YearlyTotal);
        }
    }

    public static long ToOre(decimal kroner) => (long)decimal.Round(kroner * 100, 0, MidpointRounding.AwayFromZero);

    public static decimal FromOre(long ore) => ore / 100m;

    public static decimal Vat(decimal net) => decimal.Round(net * VatRate, 2, MidpointRounding.AwayFromZero);

    /// <summary>The status as of today: a sent offer past its validity date has expired, even before anyone says so.</summary>
    public OfferStatus EffectiveStatus(DateOnly today) =>
        Status == OfferStatus.Sent && ValidUntil < today ? OfferStatus.Expired : Status;

    public static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}

public enum PriceKind
{
    /// <summary>Quantity × unit price.</summary>
    Unit = 1,
    Fixed = 2,
}

public sealed class OfferActivity
{
    public int Id { get; set; }
    public int OfferRevisionId { get; set; }
    public int SortOrder { get; set; }
    public required string Description { get; set; }
    public PriceKind PriceKind { get; set; } = PriceKind.Unit;
    public decimal Quantity { get; set; } = 1;

    /// <summary>"timer", "stk" ...</summary>
    public string? Unit { get; set; }
    public decimal UnitPrice { get; set; }
    public decimal FixedPrice { get; set; }
    public int? DurationWeeks { get; set; }

    /// <summary>The plan step (template key) this activity is carried out as; none for an activity that gets a step of its own.</summary>
    public string? PlanKey { get; set; }

    public decimal Total => TotalOf(PriceKind, Quantity, UnitPrice, FixedPrice);

    public static decimal TotalOf(PriceKind kind, decimal quantity, decimal unitPrice, decimal fixedPrice) =>
        kind == PriceKind.Fixed ? fixedPrice : decimal.Round(quantity * unitPrice, 2, MidpointRounding.AwayFromZero);
}

public sealed class OfferYearlyCost
{
    public int Id { get; set; }
    public int OfferRevisionId { get; set; }
    public int SortOrder { get; set; }
    public required string Description { get; set; }
    public int? ProductId { get; set; }
    public decimal AmountPerYear { get; set; }
}

public enum AcceptanceProblem
{
    None,
    NotSent,
    Expired,
    Superseded,
    NoSigningAuthority,
    NameMismatch,
    NotConfirmed,
}

/// <summary>The rules of digital acceptance, in one place.</summary>
public static class OfferAcceptance
{
    /// <summary>What stops this contact from accepting this revision now; <see cref="AcceptanceProblem.None"/> when nothing does.</summary>
    public static AcceptanceProblem Check(OfferRevision revision, bool isNewestSent, Contact contact, string? typedName, bool confirmed, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(revision);
        ArgumentNullException.ThrowIfNull(contact);
        return revision.EffectiveStatus(today) switch
        {
            OfferStatus.Expired => AcceptanceProblem.Expired,
            OfferStatus.Superseded => AcceptanceProblem.Superseded,
            not OfferStatus.Sent => AcceptanceProblem.NotSent,
            _ when !isNewestSent => AcceptanceProblem.Superseded,
            _ when !contact.HasSigningAuthority => AcceptanceProblem.NoSigningAuthority,
            _ when !NamesMatch(typedName, contact.Name) => AcceptanceProblem.NameMismatch,
            _ when !confirmed => AcceptanceProblem.NotConfirmed,
            _ => AcceptanceProblem.None,
        };
    }

    /// <summary>The typed name must be the contact's full name; case and extra spaces do not matter.</summary>
    public static bool NamesMatch(string? typed, string name) =>
        string.Equals(Normalize(typed), Normalize(name), StringComparison.OrdinalIgnoreCase);

    private static string Normalize(string? s) => string.Join(' ', (s ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
