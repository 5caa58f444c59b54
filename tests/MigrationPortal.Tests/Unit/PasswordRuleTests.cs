using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure;
using MigrationPortal.Web.Infrastructure.Security;
using Moq;

namespace MigrationPortal.Tests.Unit;

public sealed class PasswordRuleTests
{
    [Fact]
    public void The_shipped_list_of_common_passwords_is_long_case_insensitive_and_spares_the_demo_password()
    {
        var common = new CommonPasswords();

        Assert.True(common.Count >= 10_000, $"{common.Count} entries");
        Assert.True(common.Contains("111111111111"));
        Assert.True(common.Contains("QwertyUiop123"));
        Assert.True(common.Contains("VINTER2024!"));
        Assert.False(common.Contains(DemoData.DemoPassword));
    }

    [Fact]
    public void Personal_parts_are_the_name_and_the_email_local_part_whole_and_word_by_word_of_four_letters_or_more()
    {
        var user = new PortalUser { DisplayName = "Per Hansen", Email = "per.hansen@tromso.kommune.example" };

        Assert.Equal(["perhansen", "hansen", "perhansen", "hansen"], PortalPasswordValidator.PersonalParts(user));
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(4, 40)]
    [InlineData(5, 60)]
    [InlineData(30, 60)]
    public void Each_lockout_in_a_row_lasts_twice_as_long_up_to_an_hour(int lockout, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), PortalUserManager.LockoutDuration(TimeSpan.FromMinutes(5), lockout));

    [Theory]
    [InlineData("Production", WebSetup.ProductionHashIterations)]
    [InlineData("Staging", WebSetup.ProductionHashIterations)]
    [InlineData("Development", WebSetup.ProductionHashIterations)]
    [InlineData("Testing", WebSetup.TestingHashIterations)]
    public void Passwords_are_hashed_with_600_000_pbkdf2_iterations_outside_the_test_host(string environment, int iterations)
    {
        var env = Mock.Of<IWebHostEnvironment>(e => e.EnvironmentName == environment);
        var keyRing = Path.Combine(Path.GetTempPath(), "mp-tests", $"keyring-{Guid.NewGuid():N}.pfx");
        Directory.CreateDirectory(Path.GetDirectoryName(keyRing)!);
        using (var rsa = System.Security.Cryptography.RSA.Create(2048))
        {
            using var cert = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=key ring", rsa, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1)
                .CreateSelfSigned(DateTimeOffset.UnixEpoch.AddYears(56), DateTimeOffset.UnixEpoch.AddYears(60));
            File.WriteAllBytes(keyRing, cert.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx));
        }

        var configuration = Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(new Microsoft.Extensions.Configuration.ConfigurationBuilder(), [new("DataProtection:Certificate:Path", keyRing)]).Build();
        using var services = new ServiceCollection().AddLogging().AddPortalIdentity(configuration, env).BuildServiceProvider();
        File.Delete(keyRing);

        Assert.Equal(600_000, WebSetup.ProductionHashIterations);
        Assert.Equal(iterations, services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value.IterationCount);
    }
}
