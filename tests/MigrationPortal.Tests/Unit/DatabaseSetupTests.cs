using MigrationPortal.Web.Data;
using Npgsql;

namespace MigrationPortal.Tests.Unit;

/// <summary>PostgreSQL connections prepare the statements they repeat, unless the connection string chose otherwise.</summary>
public sealed class DatabaseSetupTests
{
    [Fact]
    public void Automatic_preparation_is_on_when_the_connection_string_does_not_say()
    {
        var result = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithAutoPrepare("Host=db;Database=portal;Username=portal;Password=secret"));

        Assert.Equal(64, result.MaxAutoPrepare);
        Assert.Equal("db", result.Host);
        Assert.Equal("portal", result.Database);
        Assert.Equal("secret", result.Password);
    }

    [Theory]
    [InlineData("Host=db;Database=portal;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;Database=portal;MaxAutoPrepare=0", 0)]
    [InlineData("Host=db;Database=portal;max auto prepare=10", 10)]
    public void A_connection_string_that_sets_it_is_kept_as_it_is(string connectionString, int expected)
    {
        var result = DatabaseSetup.WithAutoPrepare(connectionString);

        Assert.Equal(connectionString, result);
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(result).MaxAutoPrepare);
    }
}
