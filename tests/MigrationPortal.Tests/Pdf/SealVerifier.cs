using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace MigrationPortal.Tests.Pdf;

/// <summary>
/// Checks a PDF's seal the way a PDF reader does, with no PDF library: the signature dictionary's /ByteRange must cover
/// the whole file except the /Contents hex string, and /Contents must be a CMS signature (adbe.pkcs7.detached) whose
/// message digest is the SHA-256 of exactly those byte ranges and whose signature verifies with the included certificate.
/// </summary>
public static partial class SealVerifier
{
    public sealed record Seal(X509Certificate2 Certificate, long[] ByteRange, byte[] MessageDigest);

    /// <summary>The seal, or a <see cref="CryptographicException"/> (or an assertion failure) saying what does not hold.</summary>
    public static Seal Verify(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var matches = ByteRangePattern().Matches(text);
        Assert.Single(matches);
        var range = Enumerable.Range(1, 4).Select(i => long.Parse(matches[0].Groups[i].Value, System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        // The ranges cover everything but the /Contents value, which is one hex string <...>.
        Assert.Equal(0, range[0]);
        Assert.Equal(pdf.Length, range[2] + range[3]);
        Assert.True(range[1] < range[2]);
        var contents = text[(int)range[1]..(int)range[2]];
        Assert.Matches("^<[0-9A-Fa-f]+>$", contents);
        Assert.EndsWith("/Contents", text[..(int)range[1]].TrimEnd(), StringComparison.Ordinal);

        var der = Convert.FromHexString(contents[1..^1]);
        var cms = new SignedCms(new ContentInfo(Covered(pdf, range)), detached: true);
        cms.Decode(der.AsSpan(0, DerLength(der)));
        cms.CheckSignature(verifySignatureOnly: true);

        var signer = Assert.Single(cms.SignerInfos.Cast<SignerInfo>());
        var digest = signer.SignedAttributes.Cast<CryptographicAttributeObject>()
            .Single(a => a.Oid.Value == "1.2.840.113549.1.9.4").Values[0];
        var messageDigest = new Pkcs9MessageDigest();
        messageDigest.CopyFrom(digest);
        if (!messageDigest.MessageDigest.SequenceEqual(SHA256.HashData(Covered(pdf, range))))
        {
            throw new CryptographicException("The signed message digest is not the SHA-256 of the byte ranges.");
        }

        return new Seal(signer.Certificate!, range, messageDigest.MessageDigest);
    }

    private static byte[] Covered(byte[] pdf, long[] range) =>
        [.. pdf.AsSpan((int)range[0], (int)range[1]), .. pdf.AsSpan((int)range[2], (int)range[3])];

    /// <summary>The length of the DER value at the start (the hex string is padded with zeros after it).</summary>
    private static int DerLength(byte[] der)
    {
        Assert.Equal(0x30, der[0]);
        if (der[1] < 0x80)
        {
            return 2 + der[1];
        }

        var n = der[1] & 0x7F;
        var length = 0;
        for (var i = 0; i < n; i++)
        {
            length = (length << 8) | der[2 + i];
        }

        return 2 + n + length;
    }

    [GeneratedRegex(@"/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]")]
    private static partial Regex ByteRangePattern();
}
