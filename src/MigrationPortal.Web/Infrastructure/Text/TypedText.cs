using System.Text;

namespace MigrationPortal.Web.Infrastructure.Text;

/// <summary>
/// What a person may store as text: what they typed, without the characters no one types and that break things further
/// on (a NUL is refused by PostgreSQL and cuts strings in C libraries; other control characters corrupt CSV, iCalendar
/// and mail headers, and print as nothing). Removed: C0 and C1 control characters and DEL, except tab, CR and LF in a
/// multi-line field (a single-line field gets one space for each run of them, as a browser does when a line break is
/// pasted into an input), and lone UTF-16 surrogates. The rest is normalised to NFC, so "å" typed as a + ring matches
/// "å" in searches. Letters of every script, right-to-left text with its direction marks, and emoji are kept as typed.
/// </summary>
public static class TypedText
{
    public static string Clean(string text, bool multiline)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsCleaning(text))
        {
            return text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        }

        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                // A lone surrogate is not a character: no font draws it, no encoder writes it.
            }
            else if (c is '\t' or '\r' or '\n')
            {
                if (multiline)
                {
                    sb.Append(c);
                }
                else if (sb.Length == 0 || sb[^1] != ' ' || (i > 0 && text[i - 1] is not ('\t' or '\r' or '\n')))
                {
                    sb.Append(' ');
                }
            }
            else if (!char.IsControl(c))
            {
                sb.Append(c);
            }
        }

        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>Whether <see cref="Clean"/> would remove or replace anything (normalisation aside).</summary>
    public static bool NeedsCleaning(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }
}
