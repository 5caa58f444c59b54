namespace MigrationPortal.Web.Infrastructure.Mail;

/// <summary>
/// Where mail goes (section "Mail"). With no <see cref="SmtpOptions.Host"/> (the embedded default) every message is
/// written as an .eml file to <see cref="PickupDirectory"/> instead. The password belongs in user secrets or the
/// environment (Mail__Smtp__Password), never in appsettings.json.
/// </summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The sender's address.</summary>
    public string From { get; set; } = "portal@localhost";

    public string FromName { get; set; } = "Migreringsportalen";

    /// <summary>The folder for .eml files when no SMTP host is set; relative to the content root.</summary>
    public string PickupDirectory { get; set; } = Path.Combine("App_Data", "mail-pickup");

    public bool UsesPickup => string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>The pickup folder as a full path.</summary>
    public string PickupPath(string contentRoot) => Path.GetFullPath(PickupDirectory, contentRoot);
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? User { get; set; }

    public string? Password { get; set; }

    /// <summary>STARTTLS on a plain port (587); false sends in the clear (a local relay, tests).</summary>
    public bool StartTls { get; set; } = true;
}
