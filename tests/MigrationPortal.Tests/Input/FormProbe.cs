using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using MigrationPortal.Tests.Infrastructure;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Tests.Input;

/// <summary>What kind of value a posted field holds, read from the form's HTML.</summary>
public enum FieldKind
{
    Text,
    MultilineText,
    WholeNumber,
    Money,
    Date,
    Time,
    Month,
    Choice,
    Id,
    Bool,
    Hidden,
}

/// <summary>One field of a form as a browser would post it (a check-box list has several values under one name).</summary>
public sealed record FormField(string Name, FieldKind Kind, IReadOnlyList<string> Values, bool Visible);

/// <summary>
/// A value to type into a field, what should be stored (or shown back) for a single-line and a multi-line field, and
/// whether a save is acceptable at all (a malformed date must never be saved). <see cref="Raw"/> is sent as it is,
/// already URL-encoded (bytes no string can hold, such as invalid UTF-8). A well-formed value may break a rule between
/// fields (a start in year 9999 after the end): with <see cref="AnyField"/> its message may stand beside the other field.
/// </summary>
public sealed record Probe(string Label, string Typed, string? OneLine, string? Multi = null, bool MaySave = true, bool Raw = false, bool AnyField = false)
{
    public string? Expected(FieldKind kind) => kind == FieldKind.MultilineText ? Multi ?? OneLine : OneLine;

    public override string ToString() => Label;
}

/// <summary>
/// A form of the portal: who fills it in, the page it is on (the URL from the demo data), which form on that page, and,
/// for a form that creates something, values that make the rest of the form valid and unique (so a refusal is about
/// the field being probed). <see cref="SavedPage"/> names an element of a page that means "saved" where a form answers
/// 200 rather than a redirect; <see cref="ErrorAfterRedirect"/> the message of a small form on a list page that answers
/// every post with a redirect back to the list (which then shows the message, not the typed value).
/// </summary>
public sealed record FormCase(string Name, string? Login, Func<PortalDb, Task<string>> Page, string Form = "main form[method=post]",
    Func<int, Dictionary<string, string>>? Fill = null, string[]? Skip = null, string? SavedPage = null, bool Reread = false, string? ErrorAfterRedirect = null)
{
    public override string ToString() => Name;
}

/// <summary>
/// Posts a form with one field replaced, as a browser would (every other field as the page has it, with the antiforgery
/// token), and checks what became of it: never a 500 or a bare 400; either saved (then, on an edit form, the page read
/// again holds exactly the cleaned value), or the page again (200) with a message in Bokmål beside the field, the value
/// as typed kept in it, and the database unchanged.
/// </summary>
public sealed partial class FormProbe(PortalFactory factory, PortalClient client, FormCase form)
{
    private int counter;
    private string? url;

    public async Task<List<string>> RunAsync(Func<FormField, IEnumerable<Probe>> probes)
    {
        var problems = new List<string>();
        var (action, fields, token) = await ReadFormAsync();

        // The form as the page (and the fill-in values) give it saves: otherwise a refusal would prove nothing.
        var baseline = await PostAsync(action, fields, token, replaced: string.Empty, probe: null);
        if (!IsSaved(baseline, await PortalClient.ParseAsync(baseline)))
        {
            var page = await PortalClient.ParseAsync(baseline);
            return [$"{form.Name}: the form as given does not save ({(int)baseline.StatusCode}: {Cut(page.QuerySelector("#error-summary")?.TextContent.Trim() ?? string.Empty)})"];
        }

        foreach (var field in fields.Where(f => !(form.Skip ?? []).Contains(f.Name) && !OtherRow().IsMatch(f.Name)))
        {
            foreach (var probe in probes(field))
            {
                var problem = await TryAsync(field, probe);
                if (problem is not null)
                {
                    problems.Add($"{form.Name} {field.Name} ({field.Kind}) «{probe.Label}»: {problem}");
                }
            }
        }

        return problems;
    }

    /// <summary>The form's action and fields, with the fill-in values of a new form applied.</summary>
    public async Task<(string Action, List<FormField> Fields, string Token)> ReadFormAsync()
    {
        // Found once: a probe that saves may rename what the page was found by.
        url ??= await factory.WithDbAsync(form.Page);
        var (status, page) = await client.GetPageAsync(url);
        if (status != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"{form.Name}: GET {url} answered {(int)status}");
        }

        var element = page.QuerySelector(form.Form) as IHtmlFormElement ?? throw new InvalidOperationException($"{form.Name}: no '{form.Form}' on {url}");
        var action = element.GetAttribute("action") is { Length: > 0 } a ? a : url;
        var fields = Fields(element);
        var token = element.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"{form.Name}: the form on {url} has no antiforgery token");
        foreach (var (name, value) in form.Fill?.Invoke(++counter) ?? [])
        {
            var i = fields.FindIndex(f => f.Name == name);
            var filled = new FormField(name, i >= 0 ? fields[i].Kind : FieldKind.Text, [value], true);
            if (i >= 0)
            {
                fields[i] = filled;
            }
            else
            {
                fields.Add(filled);
            }
        }

        return (action, fields, token);
    }

    private async Task<string?> TryAsync(FormField field, Probe probe)
    {
        var (action, fields, token) = await ReadFormAsync();
        var before = await FingerprintAsync();
        var response = await PostAsync(action, fields, token, field.Name, probe);
        var status = (int)response.StatusCode;
        if (status is >= 500 or 400)
        {
            return $"answered {status}";
        }

        var page = await PortalClient.ParseAsync(response);
        if (form.ErrorAfterRedirect is not null && response.Headers.Location is { } back)
        {
            var (_, list) = await client.GetPageAsync(back.OriginalString);
            if (list.QuerySelector(form.ErrorAfterRedirect)?.TextContent is { } shown)
            {
                return await FingerprintAsync() != before ? "refused but the database changed"
                    : EnglishWords().IsMatch(shown) ? $"message not in Bokmål: {Cut(shown)}" : null;
            }
        }

        if (IsSaved(response, page))
        {
            if (!probe.MaySave && field.Kind is not FieldKind.Hidden)
            {
                return "saved a value that must be refused";
            }

            if (form.Reread && IsText(field.Kind) && probe.Expected(field.Kind) is { } expected)
            {
                var (_, again, _) = await ReadFormAsync();
                var stored = again.Find(f => f.Name == field.Name)?.Values.SingleOrDefault() ?? string.Empty;
                if (Lines(stored) != Lines(expected))
                {
                    return $"stored {Show(stored)}, expected {Show(expected)}";
                }
            }

            return null;
        }

        var after = await FingerprintAsync();
        if (after != before)
        {
            return $"answered {status} but the database changed";
        }

        if (status is 404 or 403)
        {
            return field.Kind is FieldKind.Hidden ? null : $"answered {status}";
        }

        if (status == 409)
        {
            return field.Name == "Version" ? null : "answered 409";
        }

        if (status != 200)
        {
            return $"answered {status}";
        }

        return Refusal(page, field, probe);
    }

    private bool IsSaved(HttpResponseMessage response, IHtmlDocument page) =>
        (int)response.StatusCode is 302 or 303 || (form.SavedPage is not null && response.StatusCode == HttpStatusCode.OK && page.QuerySelector(form.SavedPage) is not null);

    /// <summary>Null when the page shows a Bokmål message for the field and keeps what was typed.</summary>
    private static string? Refusal(IHtmlDocument page, FormField field, Probe probe)
    {
        var id = Regex.Replace(field.Name, @"[^A-Za-z0-9_\-:]", "_");
        var beside = page.GetElementById(id + "-error")?.TextContent
            ?? page.QuerySelectorAll($"[name='{field.Name}'][aria-invalid=true]").Select(_ => page.QuerySelector($"#error-summary a[href='#{id}']")?.TextContent).FirstOrDefault();
        // A hidden field has no "beside"; an emptied field may rightly make another one required (a lead without a customer needs a new one's name).
        // A check box or radio button posts only true or false unless the request is crafted; the summary names it then.
        var elsewhere = !field.Visible || field.Kind == FieldKind.Bool || probe.Typed.Length == 0 || probe.AnyField;
        var message = beside ?? (elsewhere ? page.QuerySelector("#error-summary li")?.TextContent : null);
        if (string.IsNullOrWhiteSpace(message))
        {
            var summary = page.QuerySelector("#error-summary")?.TextContent.Trim();
            return summary is null ? "came back with no message" : $"came back with no message beside the field (summary: {Cut(summary)})";
        }

        if (EnglishWords().IsMatch(message))
        {
            return $"message not in Bokmål: {Cut(message)}";
        }

        if (IsText(field.Kind) || field.Kind is FieldKind.WholeNumber or FieldKind.Money or FieldKind.Date or FieldKind.Time or FieldKind.Month)
        {
            var shown = page.QuerySelector($"[name='{field.Name}']") switch
            {
                IHtmlTextAreaElement t => t.Value,
                IHtmlInputElement i => i.Value,
                _ => null,
            };
            var typed = probe.Raw ? null : Web.Infrastructure.Text.TypedText.Clean(probe.Typed, field.Kind == FieldKind.MultilineText);
            if (typed is not null && shown is not null && Lines(shown) != Lines(typed))
            {
                return $"the field shows {Show(shown)}, not what was typed {Show(typed)}";
            }
        }

        return null;
    }

    private static bool IsText(FieldKind kind) => kind is FieldKind.Text or FieldKind.MultilineText;

    /// <summary>HTML reads CR LF in a text area as LF (and a browser posts CR LF again): compare lines, not line ends.</summary>
    private static string Lines(string s) => s.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');

    /// <summary>Posts the form as read, with <paramref name="replaced"/> holding the probe's value (none: as read).</summary>
    public async Task<HttpResponseMessage> PostAsync(string action, List<FormField> fields, string token, string replaced, Probe? probe)
    {
        var body = new StringBuilder();
        void Add(string name, string encoded) =>
            body.Append(body.Length == 0 ? string.Empty : "&").Append(Uri.EscapeDataString(name)).Append('=').Append(encoded);
        foreach (var f in fields)
        {
            if (f.Name == replaced && probe is not null)
            {
                Add(f.Name, probe.Raw ? probe.Typed : Escape(probe.Typed));
            }
            else
            {
                foreach (var v in f.Values)
                {
                    Add(f.Name, Escape(v));
                }
            }
        }

        Add("__RequestVerificationToken", Escape(token));
        using var content = new StringContent(body.ToString(), Encoding.ASCII, "application/x-www-form-urlencoded");
        content.Headers.ContentType!.CharSet = null;
        return await client.Http.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    /// <summary>Percent-encodes UTF-8 the way a browser does.</summary>
    private static string Escape(string value) => Uri.EscapeDataString(value);

    /// <summary>
    /// Every row count, and every sum of versions of what people edit, in one query: a refused form must leave all of
    /// them as they were. Users have no version, so their concurrency stamps are read too.
    /// </summary>
    public Task<string> FingerprintAsync() => factory.WithDbAsync(async db =>
    {
        var parts = new List<string>();
        foreach (var type in db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned() && t.BaseType is null))
        {
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            var name = $"\"{type.GetTableName()}\"";
            parts.Add($"(SELECT COUNT(*) FROM {name})");
            if (typeof(Versioned).IsAssignableFrom(type.ClrType) && type.FindProperty(nameof(Versioned.Version))?.GetColumnName(table) is { } column)
            {
                parts.Add($"(SELECT COALESCE(SUM(\"{column}\"), 0) FROM {name})");
            }
        }

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var values = new List<string?>();
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = "SELECT " + string.Join(", ", parts);
            await using var reader = await command.ExecuteReaderAsync();
            await reader.ReadAsync();
            values.AddRange(Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture)));
        }

        var stamps = await db.Users.AsNoTracking().OrderBy(u => u.Id).Select(u => u.ConcurrencyStamp).ToListAsync();
        return string.Join(",", values) + "|" + string.Join(",", stamps);
    });

    /// <summary>The fields a browser would post: inputs (checked boxes only), text areas and selects (their chosen options).</summary>
    public static List<FormField> Fields(IHtmlFormElement form)
    {
        var fields = new List<FormField>();
        void Add(string name, FieldKind kind, string value, bool visible)
        {
            var i = fields.FindIndex(f => f.Name == name);
            if (i >= 0)
            {
                fields[i] = fields[i] with { Values = [.. fields[i].Values, value] };
            }
            else
            {
                fields.Add(new FormField(name, kind, [value], visible));
            }
        }

        foreach (var e in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            var name = e.GetAttribute("name")!;
            if (name == "__RequestVerificationToken" || e.HasAttribute("disabled"))
            {
                continue;
            }

            switch (e)
            {
                case IHtmlTextAreaElement t:
                    Add(name, FieldKind.MultilineText, t.Value, true);
                    break;
                case IHtmlSelectElement s:
                    var options = s.Options.Select(o => o.Value).Where(v => v.Length > 0).ToList();
                    var kind = options.Count > 0 && options.All(v => int.TryParse(v, CultureInfo.InvariantCulture, out _) || Guid.TryParse(v, out _)) ? FieldKind.Id : FieldKind.Choice;
                    foreach (var o in s.Options.Where(o => o.IsSelected).DefaultIfEmpty((s.Options.Length > 0 ? s.Options[0] : null)).OfType<IHtmlOptionElement>())
                    {
                        Add(name, kind, o.Value, true);
                    }

                    if (!s.Options.Any())
                    {
                        Add(name, kind, string.Empty, true);
                    }

                    break;
                case IHtmlInputElement i when i.Type is "checkbox" or "radio":
                    var isBool = i.Value is "true" or "false";
                    if (i.IsChecked)
                    {
                        Add(name, isBool ? FieldKind.Bool : FieldKind.Id, i.Value, true);
                    }
                    else if (fields.All(f => f.Name != name))
                    {
                        // Known, but posted with nothing: a probe may still fill it.
                        fields.Add(new FormField(name, isBool ? FieldKind.Bool : FieldKind.Id, [], true));
                    }

                    break;
                case IHtmlInputElement i when i.Type is "submit" or "button" or "reset" or "image":
                    break;
                case IHtmlInputElement i:
                    var k = i.Type switch
                    {
                        "hidden" => FieldKind.Hidden,
                        "date" => FieldKind.Date,
                        "time" => FieldKind.Time,
                        "month" => FieldKind.Month,
                        "number" => FieldKind.WholeNumber,
                        _ when i.GetAttribute("inputmode") == "numeric" => FieldKind.WholeNumber,
                        _ when i.GetAttribute("inputmode") == "decimal" => FieldKind.Money,
                        _ => FieldKind.Text,
                    };

                    // A hidden check-box "false" is posted with its box (MVC reads the first value), as a browser does.
                    Add(name, k, i.Value, k != FieldKind.Hidden);
                    break;
            }
        }

        return fields;
    }

    private static string Show(string s) => s.Length > 60 ? $"«{s[..60]}…» ({s.Length} chars)" : $"«{s}»";

    private static string Cut(string s) => s.Length > 200 ? s[..200] + "…" : s;

    /// <summary>Only the first row of a table of rows is probed; the others bind the same way.</summary>
    [GeneratedRegex(@"\[[1-9]\d*\]")]
    private static partial Regex OtherRow();

    [GeneratedRegex(@"\b(the|is|must|field|value|invalid|required)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishWords();
}
