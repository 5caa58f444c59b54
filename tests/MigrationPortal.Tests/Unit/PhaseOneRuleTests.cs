using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Unit;

public sealed class CloudQueueTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    [Theory]
    [InlineData(1, 2, 2026, 12)]
    [InlineData(2, 2, 2026, 12)]
    [InlineData(3, 2, 2027, 1)]
    [InlineData(7, 3, 2027, 2)]
    [InlineData(1, 1, 2026, 12)]
    [InlineData(13, 1, 2027, 12)]
    public void Expected_start_follows_from_place_and_capacity_from_next_month(int position, int perMonth, int year, int month) =>
        Assert.Equal(new DateOnly(year, month, 1), CloudQueue.ExpectedStartMonth(position, perMonth, Today));

    [Fact]
    public void Moving_a_project_closes_up_the_queue_and_keeps_places_one_to_n()
    {
        var entries = Enumerable.Range(1, 5).Select(i => new CloudQueueEntry { Id = i, ProjectId = i, Position = i }).ToList();

        CloudQueue.Move(entries, entries[4], 2);

        Assert.Equal([1, 5, 2, 3, 4], entries.OrderBy(e => e.Position).Select(e => e.Id));
        Assert.Equal([1, 2, 3, 4, 5], entries.Select(e => e.Position).Order());
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(99, 5)]
    public void A_place_outside_the_queue_is_clamped(int requested, int expected)
    {
        var entries = Enumerable.Range(1, 5).Select(i => new CloudQueueEntry { Id = i, Position = i }).ToList();

        CloudQueue.Move(entries, entries[2], requested);

        Assert.Equal(expected, entries[2].Position);
    }
}

public sealed class OfferAcceptanceTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static OfferRevision Sent(int validDays = 10) => new() { Title = "T", Status = OfferStatus.Sent, ValidUntil = Today.AddDays(validDays) };

    private static Contact Signer(bool authority = true) => new() { Name = "Ellen Aslaksen", Email = "e@x", HasSigningAuthority = authority };

    [Fact]
    public void A_signer_who_types_their_name_and_confirms_may_accept_the_newest_sent_revision() =>
        Assert.Equal(AcceptanceProblem.None, OfferAcceptance.Check(Sent(), true, Signer(), "ELLEN  Aslaksen", true, Today));

    [Theory]
    [InlineData(false, "Ellen Aslaksen", true, true, 10, AcceptanceProblem.NoSigningAuthority)]
    [InlineData(true, "Ellen", true, true, 10, AcceptanceProblem.NameMismatch)]
    [InlineData(true, "Ellen Aslaksen", false, true, 10, AcceptanceProblem.NotConfirmed)]
    [InlineData(true, "Ellen Aslaksen", true, false, 10, AcceptanceProblem.Superseded)]
    [InlineData(true, "Ellen Aslaksen", true, true, -1, AcceptanceProblem.Expired)]
    public void Each_rule_refuses_on_its_own(bool authority, string name, bool confirmed, bool newest, int validDays, AcceptanceProblem expected) =>
        Assert.Equal(expected, OfferAcceptance.Check(Sent(validDays), newest, Signer(authority), name, confirmed, Today));

    [Theory]
    [InlineData(OfferStatus.Draft, AcceptanceProblem.NotSent)]
    [InlineData(OfferStatus.Accepted, AcceptanceProblem.NotSent)]
    [InlineData(OfferStatus.Declined, AcceptanceProblem.NotSent)]
    [InlineData(OfferStatus.Superseded, AcceptanceProblem.Superseded)]
    public void Only_a_sent_revision_is_open(OfferStatus status, AcceptanceProblem expected)
    {
        var r = Sent();
        r.Status = status;

        Assert.Equal(expected, OfferAcceptance.Check(r, true, Signer(), "Ellen Aslaksen", true, Today));
    }

    [Fact]
    public void Valid_until_is_the_last_day_it_can_be_accepted() =>
        Assert.Equal(AcceptanceProblem.None, OfferAcceptance.Check(Sent(0), true, Signer(), "Ellen Aslaksen", true, Today));

    [Fact]
    public void Totals_and_vat_are_rounded_to_ore()
    {
        var r = Sent();
        r.Activities.Add(new OfferActivity { Description = "a", Quantity = 3, UnitPrice = 333.333m });
        r.Activities.Add(new OfferActivity { Description = "b", PriceKind = PriceKind.Fixed, FixedPrice = 1000, Quantity = 99, UnitPrice = 99 });

        Assert.Equal(1000m + 1000m, r.OneOffTotal);
        Assert.Equal(500.00m, OfferRevision.Vat(r.OneOffTotal));
        Assert.Equal(0.01m, OfferRevision.Vat(0.02m));
    }
}

public sealed class MoneyTextTests
{
    [Theory]
    [InlineData("1 450,50", 1450.50)]
    [InlineData("1\u00A0450,50", 1450.50)]
    [InlineData("1450.50", 1450.50)]
    [InlineData("1.450,50", 1450.50)]
    [InlineData("1,450.50", 1450.50)]
    [InlineData("kr 20 000", 20000)]
    [InlineData("1.450", 1450)]
    [InlineData("1.234.567", 1234567)]
    [InlineData("1,5", 1.5)]
    [InlineData("1.5", 1.5)]
    [InlineData("12.50", 12.5)]
    [InlineData("", 0)]
    [InlineData("  ", 0)]
    public void Amounts_read_the_way_people_type_them(string text, decimal expected)
    {
        Assert.True(MoneyText.TryParse(text, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("mange penger")]
    [InlineData("12abc")]
    [InlineData("99999999999")]
    [InlineData("1,005")]
    [InlineData("12.345,678")]
    public void Nonsense_is_refused(string text) => Assert.False(MoneyText.TryParse(text, out _));
}

public sealed class QueueRankTests
{
    [Fact]
    public void Two_entries_stored_with_the_same_place_still_rank_one_to_n_by_time_queued()
    {
        var t = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        var entries = new List<CloudQueueEntry>
        {
            new() { Id = 1, ProjectId = 10, Position = 1, QueuedUtc = t },
            new() { Id = 2, ProjectId = 20, Position = 2, QueuedUtc = t.AddHours(2) },
            new() { Id = 3, ProjectId = 30, Position = 2, QueuedUtc = t.AddHours(1) },
            new() { Id = 4, ProjectId = 40, Position = 0, QueuedUtc = t, StartedUtc = t },
        };

        var ranks = CloudQueue.Ranks(entries);

        Assert.Equal(new Dictionary<int, int> { [10] = 1, [30] = 2, [20] = 3 }, ranks);
    }
}
