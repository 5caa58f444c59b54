using System.Text;
using MigrationPortal.Web.Infrastructure.Security;
using OtpNet;

namespace MigrationPortal.Tests.Unit;

public sealed class AuthenticatorCodeTests
{
    /// <summary>RFC 6238 appendix B, SHA-1 (the last six of its eight digits): what every authenticator app computes.</summary>
    [Theory]
    [InlineData(59, "287082")]
    [InlineData(1111111109, "081804")]
    [InlineData(1234567890, "005924")]
    [InlineData(2000000000, "279037")]
    public void Codes_match_the_rfc_test_vectors(long unixSeconds, string expected)
    {
        var key = Encoding.ASCII.GetBytes("12345678901234567890");

        Assert.Equal(expected, AuthenticatorCodes.Code(key, AuthenticatorCodes.Step(DateTimeOffset.FromUnixTimeSeconds(unixSeconds))));
    }

    [Fact]
    public void The_base32_key_reads_as_an_authenticator_app_reads_it()
    {
        var bytes = KeyGeneration.GenerateRandomKey(20);
        var key = Base32Encoding.ToString(bytes);

        Assert.Equal(bytes, AuthenticatorCodes.FromBase32(key));
        Assert.Equal(bytes, AuthenticatorCodes.FromBase32(AuthenticatorCodes.Grouped(key)));
        Assert.Throws<FormatException>(() => AuthenticatorCodes.FromBase32("ABC1"));
    }
}
