using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MigrationPortal.Web.Infrastructure;
using MigrationPortal.Web.Infrastructure.Signing;
using Moq;

namespace MigrationPortal.Tests.Pdf;

/// <summary>The demo seal of Development and the tests: made once, kept encrypted, the same after a restart.</summary>
public sealed class SealCertificateTests : IDisposable
{
    private readonly string root = Path.Combine(Path.GetTempPath(), "mp-tests", $"seal-{Guid.NewGuid():N}");

    private DevelopmentSealCertificate Seal(IDataProtectionProvider keys) => new(
        Options.Create(new SealCertificateOptions()),
        Options.Create(new VendorOptions { Name = "Leverandøren AS" }),
        keys,
        Mock.Of<IWebHostEnvironment>(e => e.ContentRootPath == root),
        new FakeTimeProvider(Infrastructure.PortalFactory.Instant),
        NullLogger<DevelopmentSealCertificate>.Instance);

    private string File => Path.Combine(root, "App_Data", "contract-seal.pfx.protected");

    [Fact]
    public void The_demo_seal_is_made_once_kept_encrypted_and_read_back_after_a_restart_but_replaced_when_its_keys_are_gone()
    {
        var keys = new EphemeralDataProtectionProvider();

        var first = Seal(keys).Get();
        var afterRestart = Seal(keys).Get();

        Assert.Equal("CN=MigrationPortal demo seal, O=Leverandøren AS, C=NO", first.Subject);
        Assert.True(first.HasPrivateKey);
        Assert.Equal(3072, first.GetRSAPublicKey()!.KeySize);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, first.Extensions.OfType<X509KeyUsageExtension>().Single().KeyUsages);
        Assert.Equal(Infrastructure.PortalFactory.Instant.AddYears(10).UtcDateTime, first.NotAfter.ToUniversalTime());
        Assert.Equal(first.Thumbprint, afterRestart.Thumbprint);
        Assert.True(afterRestart.HasPrivateKey);

        // On disk it is not a readable PFX: the private key is never there in the clear.
        Assert.ThrowsAny<CryptographicException>(() => X509CertificateLoader.LoadPkcs12(System.IO.File.ReadAllBytes(File), null));

        var withOtherKeys = Seal(new EphemeralDataProtectionProvider()).Get();
        Assert.NotEqual(first.Thumbprint, withOtherKeys.Thumbprint);
        Assert.True(withOtherKeys.HasPrivateKey);
    }

    public void Dispose()
    {
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
