namespace MigrationPortal.Web.Domain;

/// <summary>
/// A Norwegian organisation number (organisasjonsnummer): nine digits, the first 8 or 9 (the only series
/// Enhetsregisteret issues), the last a MOD11 check digit over the first eight with weights 3 2 7 6 5 4 3 2.
/// </summary>
public static class OrgNumber
{
    private static readonly int[] Weights = [3, 2, 7, 6, 5, 4, 3, 2];

    public enum Problem
    {
        None,
        Missing,
        NotNineDigits,

        /// <summary>Nine digits with a valid check digit can still not exist: every number issued starts with 8 or 9.</summary>
        WrongFirstDigit,
        WrongCheckDigit,
    }

    /// <summary>Removes the spaces people type ("123 456 789") and returns the digits.</summary>
    public static string Normalize(string? input) =>
        new((input ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray());

    public static Problem Validate(string? input)
    {
        var digits = Normalize(input);
        if (digits.Length == 0)
        {
            return Problem.Missing;
        }

        if (digits.Length != 9 || !digits.All(char.IsAsciiDigit))
        {
            return Problem.NotNineDigits;
        }

        if (digits[0] is not ('8' or '9'))
        {
            return Problem.WrongFirstDigit;
        }

        var check = CheckDigit(digits[..8]);
        return check is { } c && c == digits[8] - '0' ? Problem.None : Problem.WrongCheckDigit;
    }

    public static bool IsValid(string? input) => Validate(input) == Problem.None;

    /// <summary>The MOD11 check digit for eight digits, or null when the remainder gives none (such numbers are never issued).</summary>
    public static int? CheckDigit(string firstEight)
    {
        ArgumentNullException.ThrowIfNull(firstEight);
        if (firstEight.Length != 8 || !firstEight.All(char.IsAsciiDigit))
        {
            throw new ArgumentException("Eight digits expected.", nameof(firstEight));
        }

        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (firstEight[i] - '0') * Weights[i];
        }

        var rest = 11 - (sum % 11);
        return rest switch
        {
            11 => 0,
            10 => null,
            _ => rest,
        };
    }

    /// <summary>Shown as "123 456 789", the way Brønnøysundregistrene print it.</summary>
    public static string Format(string digits) =>
        digits.Length == 9 ? $"{digits[..3]} {digits[3..6]} {digits[6..]}" : digits;
}
