namespace MigrationPortal.Web.Features.Shared;

/// <summary>Links people will click in a mail or on a page: https only (no javascript:, data: or plain http).</summary>
public static class HttpsLink
{
    public static bool IsValidOrEmpty(string? value) =>
        string.IsNullOrWhiteSpace(value)
        || (Uri.TryCreate(value.Trim(), UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps && !string.IsNullOrEmpty(uri.Host));
}
