using Microsoft.Extensions.Localization;
using MigrationPortal.Web.Infrastructure.Localization;

namespace MigrationPortal.Web.Features.Shared;

/// <summary>Texts made at acceptance in the language of the customer's documents: the kickoff's title and default agenda, the standard checklist.</summary>
public sealed class KickoffTexts(IStringLocalizer<SharedResource> l)
{
    /// <summary>The agenda's items, in order (resource keys <c>Kickoff.Agenda.N</c>).</summary>
    public static readonly IReadOnlyList<string> AgendaKeys =
    [
        "Introductions", "Scope", "Plan", "Roles", "Access", "TestAndTraining", "Risks", "Communication", "NextSteps",
    ];

    public string Title(string language, string projectName)
    {
        using var _ = new CultureScope(language);
        return l["Kickoff.Title", projectName];
    }

    /// <summary>A function from resource key to text in <paramref name="language"/>, for domain rules that name things (the standard checklist).</summary>
    public Func<string, string> In(string language) => key =>
    {
        using var _ = new CultureScope(language);
        return l[key].Value;
    };

    public string Agenda(string language)
    {
        using var _ = new CultureScope(language);
        return string.Join('\n', AgendaKeys.Select((key, i) => $"{i + 1}. {l["Kickoff.Agenda." + key]}"));
    }
}
