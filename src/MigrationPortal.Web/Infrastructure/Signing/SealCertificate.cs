using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace MigrationPortal.Web.Infrastructure.Signing;

/// <summary>The vendor's certificate that seals contracts: a certificate with its private key.</summary>
public interface ISealCertificate
{
    X509Certificate2 Get();
}

/// <summary>
/// Section "Contract:Certificate": a PFX file (<see cref="CertificateFileOptions.Path"/> and <see cref="CertificateFileOptions.Password"/>) or a certificate in the
/// machine's or user's store (<see cref="CertificateFileOptions.Thumbprint"/>, <see cref="CertificateFileOptions.StoreLocation"/>). Outside Development and Testing one
/// of them is required, and the app does not start without it. In Development and Testing a self-signed demo seal is
/// made on first use and kept in <see cref="CertificateFileOptions.DevelopmentFile"/>, encrypted with ASP.NET Core Data Protection.
/// </summary>
public sealed class SealCertificateOptions : CertificateFileOptions
{
    public const string Section = "Contract:Certificate";
}

/// <summary>A certificate with its private key from configuration: a PFX file, or the certificate store by thumbprint.</summary>
public class CertificateFileOptions
{
    public string? Path { get; set; }

    public string? Password { get; set; }

    public string? Thumbprint { get; set; }

    public StoreLocation StoreLocation { get; set; } = StoreLocation.CurrentUser;

    /// <summary>Where Development and Testing keep the certificate they make for themselves; relative paths are under the content root.</summary>
    public string? DevelopmentFile { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Path) || !string.IsNullOrWhiteSpace(Thumbprint);
}

/// <summary>The configured certificate, from a PFX file or the certificate store; loaded once.</summary>
public sealed class ConfiguredSealCertificate(IOptions<SealCertificateOptions> options) : ISealCertificate
{
    private readonly Lazy<X509Certificate2> certificate = new(() => Load(options.Value));

    public X509Certificate2 Get() => certificate.Value;

    /// <summary>Loads the configured certificate, or throws saying what is wrong (never showing the password).</summary>
    public static X509Certificate2 Load(CertificateFileOptions o, string section = SealCertificateOptions.Section)
    {
        ArgumentNullException.ThrowIfNull(o);
        X509Certificate2 cert;
        if (!string.IsNullOrWhiteSpace(o.Path))
        {
            if (!File.Exists(o.Path))
            {
                throw new InvalidOperationException($"{section}:Path: no file at {o.Path}.");
            }

            cert = X509CertificateLoader.LoadPkcs12FromFile(o.Path, o.Password, X509KeyStorageFlags.EphemeralKeySet);
        }
        else
        {
            using var store = new X509Store(StoreName.My, o.StoreLocation);
            store.Open(OpenFlags.ReadOnly);
            var found = store.Certificates.Find(X509FindType.FindByThumbprint, o.Thumbprint!.Replace(" ", string.Empty, StringComparison.Ordinal), validOnly: false);
            cert = found.Count == 1 ? found[0] : throw new InvalidOperationException($"{section}:Thumbprint: no certificate {o.Thumbprint} in {o.StoreLocation}/My.");
        }

        return cert.HasPrivateKey ? cert : throw new InvalidOperationException($"{section}: the certificate {cert.Subject} has no private key.");
    }
}

/// <summary>
/// Development and tests: a self-signed RSA seal, made on first use and kept (Data Protection encrypted, so the key is
/// never on disk in the clear) in <see cref="CertificateFileOptions.DevelopmentFile"/>, so it stays the same across
/// restarts. A file that cannot be read (the protection keys are gone with the database) is replaced by a new seal.
/// </summary>
public sealed partial class DevelopmentSealCertificate(
    IOptions<SealCertificateOptions> options, IOptions<VendorOptions> vendor, IDataProtectionProvider protection, IWebHostEnvironment env,
    TimeProvider clock, ILogger<DevelopmentSealCertificate> logger) : ISealCertificate
{
    private readonly Lock gate = new();
    private X509Certificate2? certificate;

    public X509Certificate2 Get()
    {
        lock (gate)
        {
            return certificate ??= LoadOrCreate();
        }
    }

    private X509Certificate2 LoadOrCreate()
    {
        var file = System.IO.Path.Combine(env.ContentRootPath, options.Value.DevelopmentFile is { Length: > 0 } f ? f : System.IO.Path.Combine("App_Data", "contract-seal.pfx.protected"));
        var protector = protection.CreateProtector("MigrationPortal.ContractSeal.v1");
        if (File.Exists(file))
        {
            try
            {
                return X509CertificateLoader.LoadPkcs12(protector.Unprotect(File.ReadAllBytes(file)), null, X509KeyStorageFlags.EphemeralKeySet);
            }
            catch (CryptographicException e)
            {
                LogUnreadable(logger, file, e.Message);
            }
        }

        using var created = Create(vendor.Value.Name, clock.GetUtcNow());
        var pfx = created.Export(X509ContentType.Pfx);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, protector.Protect(pfx));
        var cert = X509CertificateLoader.LoadPkcs12(pfx, null, X509KeyStorageFlags.EphemeralKeySet);
        LogCreated(logger, cert.Subject, cert.Thumbprint, file);
        return cert;
    }

    /// <summary>A self-signed RSA 3072 certificate for signing documents, valid ten years from <paramref name="now"/>.</summary>
    public static X509Certificate2 Create(string vendorName, DateTimeOffset now)
    {
        var subject = new X500DistinguishedNameBuilder();
        subject.AddCommonName("MigrationPortal demo seal");
        subject.AddOrganizationName(vendorName);
        subject.AddCountryOrRegion("NO");
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest(subject.Build(), rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.NonRepudiation, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));

        // No extended key usage: poppler/NSS reject Microsoft's document-signing one as an "unknown issue".
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The demo contract seal in {File} cannot be read ({Reason}); a new one is made")]
    private static partial void LogUnreadable(ILogger logger, string file, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Made the demo contract seal {Subject} ({Thumbprint}) in {File}")]
    private static partial void LogCreated(ILogger logger, string subject, string thumbprint, string file);
}

public static class SealingSetup
{
    /// <summary>
    /// The seal: the configured certificate, checked at start (a missing file, a wrong password or no private key stops the
    /// app with the reason); without one, the demo seal in Development and Testing, and no start anywhere else.
    /// </summary>
    public static IServiceCollection AddContractSealing(this IServiceCollection services, IConfiguration configuration, IWebHostEnvironment env)
    {
        var demoAllowed = env.IsDevelopment() || env.IsEnvironment("Testing");
        services.AddOptions<SealCertificateOptions>().Bind(configuration.GetSection(SealCertificateOptions.Section))
            .Validate(o => demoAllowed || o.IsConfigured,
                "Contract:Certificate:Path (with Password) or Contract:Certificate:Thumbprint must be set outside Development: accepted offers are sealed with the vendor's certificate.")
            .Validate(o => !o.IsConfigured || Loads(o), "Contract:Certificate: the certificate cannot be loaded with its private key (check the file, the password or the thumbprint).")
            .ValidateOnStart();
        if (configuration.GetSection(SealCertificateOptions.Section).Get<SealCertificateOptions>() is { IsConfigured: true })
        {
            services.AddSingleton<ISealCertificate, ConfiguredSealCertificate>();
        }
        else
        {
            services.AddSingleton<ISealCertificate, DevelopmentSealCertificate>();
        }

        return services.AddSingleton<Pdf.IContractSealer, Pdf.PdfSharpContractSealer>();
    }

    private static bool Loads(SealCertificateOptions o)
    {
        try
        {
            using var cert = ConfiguredSealCertificate.Load(o);
            return true;
        }
        catch (Exception e) when (e is CryptographicException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
