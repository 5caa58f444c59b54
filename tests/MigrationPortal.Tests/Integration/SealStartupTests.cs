using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Tests.Pdf;
using MigrationPortal.Web.Infrastructure.Pdf;
using MigrationPortal.Web.Infrastructure.Signing;

namespace MigrationPortal.Tests.Integration;

/// <summary>Which certificate seals contracts is decided, and checked, when the app starts.</summary>
[Trait(Suite.Name, Suite.Integration)]
public sealed class SealStartupTests(PortalFactory factory) : IClassFixture<PortalFactory>, IDisposable
{
    private readonly string pfx = Path.Combine(Path.GetTempPath(), "mp-tests", $"vendor-{Guid.NewGuid():N}.pfx");
    private readonly string keyRingPfx = Path.Combine(Path.GetTempPath(), "mp-tests", $"keyring-{Guid.NewGuid():N}.pfx");

    /// <summary>An operator's key-ring certificate (no password), made once.</summary>
    private string KeyRingPfx()
    {
        if (!File.Exists(keyRingPfx))
        {
            using var rsa = RSA.Create(2048);
            using var cert = new CertificateRequest("CN=Leverandøren AS key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
                .CreateSelfSigned(PortalFactory.Instant.AddDays(-1), PortalFactory.Instant.AddYears(3));
            Directory.CreateDirectory(Path.GetDirectoryName(keyRingPfx)!);
            File.WriteAllBytes(keyRingPfx, cert.Export(X509ContentType.Pfx));
        }

        return keyRingPfx;
    }

    /// <summary>A vendor certificate as a PFX file with a password, as an operator would configure it.</summary>
    private X509Certificate2 VendorPfx(string password)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=Leverandøren AS seal, O=Leverandøren AS, C=NO", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var cert = request.CreateSelfSigned(PortalFactory.Instant.AddDays(-1), PortalFactory.Instant.AddYears(3));
        Directory.CreateDirectory(Path.GetDirectoryName(pfx)!);
        File.WriteAllBytes(pfx, cert.Export(X509ContentType.Pfx, password));
        return cert;
    }

    /// <summary>
    /// The app (on the fixture's database) in another environment, with these settings; outside Testing with a key-ring
    /// certificate of its own unless the settings name one (production requires it).
    /// </summary>
    private WebApplicationFactory<Program> With(string environment, Dictionary<string, string> settings) => factory.WithWebHostBuilder(b =>
    {
        b.UseEnvironment(environment);
        if (!settings.ContainsKey("DataProtection:Certificate:Path"))
        {
            b.UseSetting("DataProtection:Certificate:Path", KeyRingPfx());
        }

        foreach (var (key, value) in settings)
        {
            b.UseSetting(key, value);
        }
    });

    private async Task<Exception?> StartAsync(string environment, Dictionary<string, string> settings)
    {
        await using var app = With(environment, settings);
        return Record.Exception(() => app.Services);
    }

    [Fact]
    public async Task Outside_development_the_app_does_not_start_without_a_seal_certificate()
    {
        var failure = await StartAsync("Production", []);

        Assert.NotNull(failure);
        Assert.Contains("Contract:Certificate:Path (with Password) or Contract:Certificate:Thumbprint must be set outside Development", failure.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_file_that_does_not_open_stops_the_start_with_the_reason()
    {
        using var vendor = VendorPfx("riktig-passord");

        var wrongPassword = await StartAsync("Production", new() { ["Contract:Certificate:Path"] = pfx, ["Contract:Certificate:Password"] = "feil-passord" });
        var noFile = await StartAsync("Production", new() { ["Contract:Certificate:Path"] = pfx + ".missing" });

        Assert.Contains("Contract:Certificate: the certificate cannot be loaded", wrongPassword?.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("riktig-passord", wrongPassword!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Contract:Certificate: the certificate cannot be loaded", noFile?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_certificate_file_seals_instead_of_the_demo_seal()
    {
        using var vendor = VendorPfx("riktig-passord");
        await using var app = With("Production", new() { ["Contract:Certificate:Path"] = pfx, ["Contract:Certificate:Password"] = "riktig-passord" });

        Assert.IsType<ConfiguredSealCertificate>(app.Services.GetRequiredService<ISealCertificate>());
        var page = app.Services.GetRequiredService<IPdfRenderer>().Render(new PdfDocumentModel("Test", "nb-NO", new Letterhead("Leverandøren AS", [], [], []), [new PdfParagraph("Aksept")], "Test", "{0}"));
        var result = await app.Services.GetRequiredService<IContractSealer>().SealAsync([page], new SealText("Test", "nb-NO", "Leverandøren AS", "Akseptert", "https://portal.example", ["Akseptert"]), CancellationToken.None);

        var seal = SealVerifier.Verify(result.Pdf);
        Assert.Equal(vendor.Thumbprint, seal.Certificate.Thumbprint);
        Assert.Equal(vendor.Thumbprint, result.CertificateThumbprint);
        Assert.False(File.Exists(factory.SealFile));
    }

    [Fact]
    public async Task Outside_development_the_app_does_not_start_without_a_key_ring_certificate()
    {
        using var vendor = VendorPfx("riktig-passord");

        var failure = await StartAsync("Production", new() { ["Contract:Certificate:Path"] = pfx, ["Contract:Certificate:Password"] = "riktig-passord", ["DataProtection:Certificate:Path"] = string.Empty });

        Assert.NotNull(failure);
        Assert.Contains("DataProtection:Certificate:Path (with Password) or DataProtection:Certificate:Thumbprint must be set outside Development", failure.ToString(), StringComparison.Ordinal);
    }

    public void Dispose()
    {
        File.Delete(pfx);
        File.Delete(keyRingPfx);
    }
}
