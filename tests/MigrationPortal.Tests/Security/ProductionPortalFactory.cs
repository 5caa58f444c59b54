using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting;
using MigrationPortal.Tests.Infrastructure;

namespace MigrationPortal.Tests.Security;

/// <summary>
/// The portal as it runs in production (the Production environment: HTTPS only, __Host- cookies, certificates required),
/// with the demo data loaded so there is someone to sign in as; the operator's certificates are made for the test.
/// </summary>
public sealed class ProductionPortalFactory : PortalFactory
{
    private readonly string certificate = Path.Combine(Path.GetTempPath(), "mp-tests", $"operator-{Guid.NewGuid():N}.pfx");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        using var rsa = RSA.Create(2048);
        using var cert = new CertificateRequest("CN=Leverandøren AS, O=Leverandøren AS, C=NO", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            .CreateSelfSigned(Instant.AddDays(-1), Instant.AddYears(3));
        Directory.CreateDirectory(Path.GetDirectoryName(certificate)!);
        File.WriteAllBytes(certificate, cert.Export(X509ContentType.Pfx, "operatørens-passord"));
        builder.UseEnvironment("Production");
        foreach (var section in new[] { "Contract:Certificate", "DataProtection:Certificate" })
        {
            builder.UseSetting($"{section}:Path", certificate);
            builder.UseSetting($"{section}:Password", "operatørens-passord");
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        File.Delete(certificate);
    }
}
