using System.Net;
using System.Text.RegularExpressions;

namespace MigrationPortal.Load;

/// <summary>
/// A signed-in user's cookies. The portal runs as in production behind a TLS-terminating proxy on loopback: every request
/// says <c>X-Forwarded-Proto: https</c> (trusted from loopback, Network:KnownProxies), so the app sees HTTPS and sets its
/// Secure <c>__Host-</c> cookies; they are kept here by hand, since a cookie container sends no Secure cookie over http.
/// </summary>
public sealed partial class PortalSession
{
    private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

    public string Email { get; }

    private PortalSession(string email) => Email = email;

    /// <summary>The Cookie header to send.</summary>
    public string CookieHeader
    {
        get
        {
            lock (cookies)
            {
                return string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}"));
            }
        }
    }

    /// <summary>A request as the proxy forwards it.</summary>
    public static HttpRequestMessage Request(HttpMethod method, Uri uri, string? cookie)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.TryAddWithoutValidation("X-Forwarded-Proto", "https");
        request.Headers.TryAddWithoutValidation("X-Forwarded-For", "127.0.0.1");
        if (!string.IsNullOrEmpty(cookie))
        {
            request.Headers.TryAddWithoutValidation("Cookie", cookie);
        }

        return request;
    }

    /// <summary>Signs in through the login form with its antiforgery token, as a browser does; throws when the portal refuses.</summary>
    public static async Task<PortalSession> LoginAsync(Uri baseUri, string email, string password)
    {
        var session = new PortalSession(email);
        using var http = LoadGenerator.NewClient(TimeSpan.FromSeconds(60));
        var login = new Uri(baseUri, "/account/login");
        using (var get = Request(HttpMethod.Get, login, null))
        using (var page = await http.SendAsync(get))
        {
            session.Keep(page);
            var html = await page.Content.ReadAsStringAsync();
            var token = TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value)
                : throw new InvalidOperationException($"No antiforgery token on the login page ({(int)page.StatusCode}).");
            using var post = Request(HttpMethod.Post, login, session.CookieHeader);
            post.Content = new FormUrlEncodedContent([new("Email", email), new("Password", password), new("__RequestVerificationToken", token)]);
            using var answer = await http.SendAsync(post);
            session.Keep(answer);
            var location = answer.Headers.Location?.ToString() ?? string.Empty;
            if (answer.StatusCode != HttpStatusCode.Redirect || location.Contains("account", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"Login as {email} failed: {(int)answer.StatusCode} {location}");
            }
        }

        return session;
    }

    private void Keep(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values))
        {
            return;
        }

        lock (cookies)
        {
            foreach (var value in values)
            {
                var pair = value.Split(';', 2)[0];
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    continue;
                }

                var (name, content) = (pair[..eq].Trim(), pair[(eq + 1)..].Trim());
                if (content.Length == 0 || value.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase))
                {
                    cookies.Remove(name);
                }
                else
                {
                    cookies[name] = content;
                }
            }
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
