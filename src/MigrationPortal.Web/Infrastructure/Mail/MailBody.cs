using System.Net;
using System.Text;

namespace MigrationPortal.Web.Infrastructure.Mail;

/// <summary>
/// Every mail's body, as plain text and as simple, accessible HTML with the same content: a heading, paragraphs, an
/// optional link as a button, and a footer. Texts come in already translated to the recipient's language.
/// </summary>
public static class MailBody
{
    public static (string Text, string Html) Render(string heading, IReadOnlyList<string> paragraphs, (string Text, string Url)? link, string footer, string language)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var text = new StringBuilder().AppendLine(heading).AppendLine();
        foreach (var p in paragraphs)
        {
            text.AppendLine(p).AppendLine();
        }

        if (link is { } l)
        {
            text.Append(l.Text).Append(": ").AppendLine(l.Url).AppendLine();
        }

        text.AppendLine("-- ").AppendLine(footer);

        static string E(string s) => WebUtility.HtmlEncode(s);
        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(E(language.StartsWith("en", StringComparison.Ordinal) ? "en" : "nb")).Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(E(heading)).Append("</title></head><body style=\"font-family:Arial,Helvetica,sans-serif;color:#212529;line-height:1.5;max-width:640px\">")
            .Append("<h1 style=\"font-size:20px\">").Append(E(heading)).Append("</h1>");
        foreach (var p in paragraphs)
        {
            html.Append("<p>").Append(E(p).Replace("\n", "<br>", StringComparison.Ordinal)).Append("</p>");
        }

        if (link is { } k)
        {
            html.Append("<p><a href=\"").Append(E(k.Url)).Append("\" style=\"display:inline-block;background:#0b5ed7;color:#fff;padding:10px 16px;border-radius:4px;text-decoration:none\">")
                .Append(E(k.Text)).Append("</a></p>");
        }

        html.Append("<hr><p style=\"font-size:12px;color:#6c757d\">").Append(E(footer)).Append("</p></body></html>");
        return (text.ToString(), html.ToString());
    }
}
