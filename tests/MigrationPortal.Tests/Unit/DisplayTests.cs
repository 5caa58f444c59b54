using System.Globalization;
using MigrationPortal.Web.Infrastructure.Localization;

namespace MigrationPortal.Tests.Unit;

public sealed class DisplayTests
{
    [Theory]
    [InlineData(1234.5, "kr 1\u00A0234,50")]
    [InlineData(1234567, "kr 1\u00A0234\u00A0567,00")]
    [InlineData(0, "kr 0,00")]
    [InlineData(-99.9, "kr −99,90")]
    public void Money_is_shown_the_norwegian_way(decimal amount, string expected) =>
        Assert.Equal(expected, Display.Money(amount, new CultureInfo("nb-NO")));

    [Fact]
    public void Money_in_english_names_the_currency() =>
        Assert.Equal("NOK 1,234.50", Display.Money(1234.5m, new CultureInfo("en")));

    [Fact]
    public void Utc_is_shown_in_oslo_time_across_daylight_saving()
    {
        Assert.Equal(new DateTime(2026, 7, 1, 12, 0, 0), Display.ToOslo(new DateTime(2026, 7, 1, 10, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateTime(2026, 12, 1, 11, 0, 0), Display.ToOslo(new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Today_in_oslo_turns_at_oslo_midnight_not_utc_midnight()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 23, 30, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 11, 29), Display.TodayInOslo(clock));
    }
}
