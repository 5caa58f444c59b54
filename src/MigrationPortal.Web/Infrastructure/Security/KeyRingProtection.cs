using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using MigrationPortal.Web.Infrastructure.Signing;

namespace MigrationPortal.Web.Infrastructure.Security;

/// <summary>
/// Section "DataProtection:Certificate": the certificate that encrypts the Data Protection key ring at rest (the keys
/// that sign every login cookie and antiforgery token live in the database; whoever reads the database must not be able
/// to forge a login). A PFX file (Path, Password) or a store certificate (Thumbprint). Required outside Development and
/// Testing: the app does not start without it. Development and Testing make their own self-signed certificate on first
/// start and keep it in <see cref="CertificateFileOptions.DevelopmentFile"/> (default App_Data/keyring-protection.pfx),
/// which is said in the log: such a certificate beside the database protects nothing in production.
/// </summary>
public sealed class KeyRingCertificateOptions : CertificateFileOptions
{
    public const string Section = "DataProtection:Certificate";
}

public static class KeyRingProtection
{
    /// <summary>Keys in the database (every node reads every node's cookies), encrypted with the configured certificate.</summary>
    public static IDataProtectionBuilder ProtectKeyRing(this IDataProtectionBuilder builder, IConfiguration configuration, IWebHostEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var certificate = Certificate(configuration, env);
        return builder.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
    }

    /// <summary>The configured certificate, or in Development and Testing the one made for this installation.</summary>
    public static X509Certificate2 Certificate(IConfiguration configuration, IWebHostEnvironment env)
    {
        ArgumentNullException.ThrowIfNull(env);
        var o = configuration.GetSection(KeyRingCertificateOptions.Section).Get<KeyRingCertificateOptions>() ?? new KeyRingCertificateOptions();
        if (o.IsConfigured)
        {
            return ConfiguredSealCertificate.Load(o, KeyRingCertificateOptions.Section);
        }

        if (!(env.IsDevelopment() || env.IsEnvironment("Testing")))
        {
            throw new InvalidOperationException(
                $"{KeyRingCertificateOptions.Section}:Path (with Password) or {KeyRingCertificateOptions.Section}:Thumbprint must be set outside Development: " +
                "the Data Protection key ring (which signs every login) is encrypted at rest with it.");
        }

        var file = Path.Combine(env.ContentRootPath, o.DevelopmentFile is { Length: > 0 } f ? f : Path.Combine("App_Data", "keyring-protection.pfx"));
        if (File.Exists(file))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(file, null, X509KeyStorageFlags.EphemeralKeySet);
        }

        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest("CN=MigrationPortal key ring (development only)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UnixEpoch.AddYears(56), DateTimeOffset.UnixEpoch.AddYears(80)); // 2026–2050; no clock at registration
        var pfx = created.Export(X509ContentType.Pfx);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        try
        {
            using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write);
            stream.Write(pfx);
        }
        catch (IOException) when (File.Exists(file))
        {
            // Another process made it first (two nodes starting together): use theirs.
            return X509CertificateLoader.LoadPkcs12FromFile(file, null, X509KeyStorageFlags.EphemeralKeySet);
        }

        Console.WriteLine($"Development: the Data Protection key ring is encrypted with a certificate made for this machine, {file}. Configure {KeyRingCertificateOptions.Section} in production.");
        return X509CertificateLoader.LoadPkcs12(pfx, null, X509KeyStorageFlags.EphemeralKeySet);
    }
}
