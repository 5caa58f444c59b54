using System.Globalization;

namespace MigrationPortal.Web.Domain;

/// <summary>
/// Reads amounts the way people type them: "1 450,50", "1450.50", "1.450", "1 450" or "kr 1 450". A comma is
/// the Norwegian decimal comma; a single dot followed by exactly three digits is a thousands separator
/// ("1.450" is 1450, never 1.45). At most two decimals: money is kept to the øre.
/// </summary>
public static class MoneyText
{
    public static bool TryParse(string? text, out decimal value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var s = text.Trim();
        if (s.StartsWith("kr", StringComparison.OrdinalIgnoreCase))
        {
            s = s[2..];
        }

        s = new string(s.Where(c => !char.IsWhiteSpace(c) && c != '\u00A0' && c != '\u202F').ToArray()).Replace('−', '-');
        var lastComma = s.LastIndexOf(',');
        var lastDot = s.LastIndexOf('.');
        if (lastComma >= 0 && lastDot >= 0)
        {
            // Both: the last one is the decimal separator, the other groups thousands.
            s = lastComma > lastDot ? s.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.') : s.Replace(",", string.Empty, StringComparison.Ordinal);
        }
        else if (lastDot >= 0 && (s.Count(c => c == '.') > 1 || s.Length - lastDot - 1 == 3))
        {
            s = s.Replace(".", string.Empty, StringComparison.Ordinal);
        }
        else
        {
            s = s.Replace(',', '.');
        }

        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            && value >= -1_000_000_000m && value <= 1_000_000_000m
            && value.Scale <= 2;
    }

    /// <summary>For an input field: "1450,5" in Bokmål, "1450.5" in English; no group separators, so it reads back.</summary>
    public static string ForInput(decimal value) => value.ToString("0.##", CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo("nb-NO"));
}
