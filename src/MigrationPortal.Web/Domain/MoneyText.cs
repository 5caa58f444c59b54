using System.Globalization;

namespace MigrationPortal.Web.Domain;

/// <summary>Reads amounts the way people type them: "1 450,50", "1450.50", "1 450" or "kr 1 450".</summary>
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

        // One separator: a comma is the Norwegian decimal comma; with both, the last one is the decimal separator.
        var lastComma = s.LastIndexOf(',');
        var lastDot = s.LastIndexOf('.');
        if (lastComma >= 0 && lastDot >= 0)
        {
            s = lastComma > lastDot ? s.Replace(".", string.Empty, StringComparison.Ordinal).Replace(',', '.') : s.Replace(",", string.Empty, StringComparison.Ordinal);
        }
        else
        {
            s = s.Replace(',', '.');
        }

        return decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)
            && value >= -1_000_000_000m && value <= 1_000_000_000m;
    }

    /// <summary>For an input field: "1450,5" in Bokmål, "1450.5" in English; no group separators, so it reads back.</summary>
    public static string ForInput(decimal value) => value.ToString("0.##", CultureInfo.CurrentCulture.TwoLetterISOLanguageName == "en" ? CultureInfo.InvariantCulture : new CultureInfo("nb-NO"));
}
