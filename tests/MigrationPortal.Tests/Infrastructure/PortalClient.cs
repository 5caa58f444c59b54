using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using MigrationPortal.Web.Data;

namespace MigrationPortal.Tests.Infrastructure;

/// <summary>An HttpClient that signs in through the login form and posts forms with their antiforgery token, like a browser.</summary>
public sealed partial class PortalClient(HttpClient http) : IDisposable
{
    public HttpClient Http { get; } = http;

    /// <summary>A client of the app that keeps its cookies and does not follow redirects, so tests see them.</summary>
    public static PortalClient For(WebApplicationFactory<Program> app) =>
        new((app ?? throw new ArgumentNullException(nameof(app))).CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public async Task LoginAsync(string email, string password = DemoData.DemoPassword)
    {
        var response = await PostFormAsync("/account/login", new() { ["Email"] = email, ["Password"] = password }, tokenFrom: "/account/login");
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Login as {email} failed: {(int)response.StatusCode}");
        }
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Http.GetAsync(new Uri(url, UriKind.Relative));

    public async Task<(HttpStatusCode Status, IHtmlDocument Document)> GetPageAsync(string url)
    {
        var response = await GetAsync(url);
        return (response.StatusCode, await ParseAsync(response));
    }

    /// <summary>
    /// Posts a form with the antiforgery token of the signed-in user. The token is taken from
    /// <paramref name="tokenFrom"/>, by default an error page, which every user may see and whose layout holds a form.
    /// </summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, Dictionary<string, string?> fields, string tokenFrom = "/error/404", bool withToken = true)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var values = fields.Where(f => f.Value is not null).Select(f => new KeyValuePair<string, string>(f.Key, f.Value!)).ToList();
        if (withToken)
        {
            values.Add(new("__RequestVerificationToken", await TokenAsync(tokenFrom)));
        }

        using var content = new FormUrlEncodedContent(values);
        return await Http.PostAsync(new Uri(url, UriKind.Relative), content);
    }

    /// <summary>
    /// Submits a form of a page as a browser would: to its action, with its method, every field as drawn (a check box only
    /// when ticked, with MVC's hidden "false" after it) and the form's own antiforgery token; <paramref name="typed"/> holds
    /// what a person types or picks, by field name.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(IHtmlFormElement form, Dictionary<string, string?>? typed = null)
    {
        ArgumentNullException.ThrowIfNull(form);
        typed ??= [];
        var fields = Input.FormProbe.Fields(form);
        var values = new List<KeyValuePair<string, string?>>();
        foreach (var field in fields)
        {
            values.AddRange(typed.TryGetValue(field.Name, out var value) ? [new(field.Name, value)] : field.Values.Select(v => new KeyValuePair<string, string?>(field.Name, v)));
        }

        values.AddRange(typed.Where(t => fields.All(f => f.Name != t.Key)));
        values.RemoveAll(v => v.Value is null);
        var action = form.GetAttribute("action") ?? throw new InvalidOperationException("The form has no action.");
        if (string.Equals(form.Method, "get", StringComparison.OrdinalIgnoreCase))
        {
            return await GetAsync(action + QueryString.Create(values).ToUriComponent());
        }

        values.Add(new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? throw new InvalidOperationException($"The form posting to {action} has no antiforgery token.")));
        using var content = new FormUrlEncodedContent(values);
        return await Http.PostAsync(new Uri(action, UriKind.Relative), content);
    }

    public async Task<string> TokenAsync(string url)
    {
        var html = await (await GetAsync(url)).Content.ReadAsStringAsync();
        var match = TokenPattern().Match(html);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"No antiforgery token on {url}");
    }

    public static async Task<IHtmlDocument> ParseAsync(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    public void Dispose() => Http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
