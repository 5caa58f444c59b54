using System.Globalization;
using System.Text;
using Bogus;
using MigrationPortal.Web.Domain;

namespace MigrationPortal.Scale;

/// <summary>
/// Names that look like a Norwegian vendor's customer base: municipalities, county municipalities, inter-municipal
/// companies and other public bodies named after places, and the odd private company. Places are real names and
/// names made of real parts ("Nord-" + "Fjell" + "dal"); every organisation name is unique.
/// </summary>
internal static class Names
{
    private static readonly string[] Places =
    [
        "Alta", "Alver", "Andøy", "Arendal", "Asker", "Askøy", "Aukra", "Aurland", "Averøy", "Balsfjord", "Bamble", "Bardu", "Bergen", "Birkenes",
        "Bjørnafjorden", "Bodø", "Bremanger", "Bykle", "Bømlo", "Drammen", "Dovre", "Eidfjord", "Eidsvoll", "Eigersund", "Elverum", "Etne", "Evenes",
        "Fauske", "Fitjar", "Fjaler", "Flekkefjord", "Flå", "Fredrikstad", "Frogn", "Frøya", "Gamvik", "Gausdal", "Gjerdrum", "Gjesdal", "Gjøvik",
        "Gloppen", "Gran", "Grimstad", "Gulen", "Hadsel", "Halden", "Hamar", "Hammerfest", "Harstad", "Hasvik", "Haugesund", "Hemsedal", "Hitra",
        "Hjartdal", "Hol", "Hole", "Holmestrand", "Horten", "Hustadvika", "Hyllestad", "Høyanger", "Innlandet", "Jevnaker", "Karasjok", "Karmøy",
        "Kautokeino", "Klepp", "Kongsberg", "Kongsvinger", "Kragerø", "Kristiansand", "Kristiansund", "Kvam", "Kvinesdal", "Larvik", "Lesja", "Levanger",
        "Lillehammer", "Lillestrøm", "Lindesnes", "Lom", "Loppa", "Luster", "Lyngen", "Lærdal", "Malvik", "Meløy", "Midt-Telemark", "Modum", "Molde",
        "Moss", "Namsos", "Narvik", "Nesodden", "Nissedal", "Nordkapp", "Notodden", "Oppdal", "Orkland", "Os", "Osterøy", "Porsanger", "Porsgrunn",
        "Rana", "Rauma", "Rendalen", "Rennebu", "Rindal", "Ringsaker", "Rjukan", "Rollag", "Røros", "Røst", "Salangen", "Saltdal", "Sandefjord",
        "Sandnes", "Sarpsborg", "Seljord", "Senja", "Sigdal", "Skien", "Skjåk", "Smøla", "Snåsa", "Sogndal", "Sola", "Stad", "Stavanger", "Steinkjer",
        "Stord", "Stryn", "Sunndal", "Sveio", "Sykkylven", "Tana", "Time", "Tinn", "Tolga", "Tønsberg", "Trondheim", "Tvedestrand", "Tydal", "Tysvær",
        "Ullensaker", "Ulstein", "Vadsø", "Vaksdal", "Valle", "Vardø", "Vega", "Vennesla", "Verdal", "Vestby", "Vinje", "Volda", "Voss", "Værøy",
        "Øksnes", "Ørland", "Ørsta", "Østre Toten", "Øvre Eiker", "Øygarden", "Åfjord", "Ål", "Åmli", "Åmot", "Årdal", "Ås", "Åseral",
    ];

    private static readonly string[] Stems =
    [
        "Fjell", "Berg", "Elve", "Sjø", "Li", "Mo", "Bjørke", "Furu", "Grane", "Hegg", "Ask", "Eike", "Lunde", "Skog", "Stein", "Strand", "Sol",
        "Vang", "Vik", "Myr", "Haug", "Ås", "Bakke", "Rud", "Dal", "Nes", "Holm", "Tveit", "Øy", "Foss", "Kvern", "Lyng", "Rogn", "Selje", "Torv",
    ];

    private static readonly string[] Endings =
    [
        "dal", "vik", "fjord", "nes", "berg", "stad", "heim", "vang", "sund", "øy", "land", "bygd", "li", "moen", "haug", "rud", "sjø", "våg",
    ];

    private static readonly string[] Prefixes = ["Nord-", "Sør-", "Øst-", "Vest-", "Øvre ", "Nedre ", "Indre ", "Ytre ", "Midt-", "Store "];

    private static readonly string[] Counties =
    [
        "Agder", "Akershus", "Buskerud", "Finnmark", "Innlandet", "Møre og Romsdal", "Nordland", "Rogaland", "Telemark", "Troms", "Trøndelag",
        "Vestfold", "Vestland", "Østfold",
    ];

    private static readonly (string Suffix, CustomerType Type)[] Bodies =
    [
        ("kommune", CustomerType.Municipality), ("kommune", CustomerType.Municipality), ("kommune", CustomerType.Municipality),
        ("kommune", CustomerType.Municipality), ("kommune", CustomerType.Municipality), ("kommune", CustomerType.Municipality),
        ("interkommunale arkiv IKS", CustomerType.OtherPublicBody), ("havn KF", CustomerType.OtherPublicBody),
        ("kirkelige fellesråd", CustomerType.OtherPublicBody), ("brann og redning IKS", CustomerType.OtherPublicBody),
        ("Energi AS", CustomerType.Private), ("Kraft AS", CustomerType.Private), ("Boligbyggelag", CustomerType.Private),
    ];

    /// <summary>A place name: a real one, or one made of real parts with or without a compass prefix.</summary>
    public static string Place(Randomizer r) => r.Number(0, 9) switch
    {
        < 3 => r.ArrayElement(Places),
        < 5 => r.ArrayElement(Prefixes) + r.ArrayElement(Places),
        < 8 => r.ArrayElement(Stems) + r.ArrayElement(Endings),
        _ => r.ArrayElement(Prefixes) + r.ArrayElement(Stems) + r.ArrayElement(Endings),
    };

    /// <summary>An organisation of the customer base, named after <paramref name="place"/>; a county municipality now and then.</summary>
    public static (string Name, CustomerType Type) Organisation(Randomizer r, string place)
    {
        if (r.Number(0, 99) < 2)
        {
            return ($"{r.ArrayElement(Counties)} fylkeskommune", CustomerType.County);
        }

        var (suffix, type) = r.ArrayElement(Bodies);
        return ($"{place} {suffix}", type);
    }

    /// <summary>A valid organisation number (first digit 8 or 9, MOD11 check digit) not in <paramref name="taken"/>; added to it.</summary>
    public static string OrgNumber(Randomizer r, HashSet<string> taken)
    {
        while (true)
        {
            var first = (r.Bool() ? 9 : 8).ToString(CultureInfo.InvariantCulture) + r.Number(0, 9_999_999).ToString("D7", CultureInfo.InvariantCulture);
            if (Web.Domain.OrgNumber.CheckDigit(first) is { } check)
            {
                var number = first + check.ToString(CultureInfo.InvariantCulture);
                if (taken.Add(number))
                {
                    return number;
                }
            }
        }
    }

    /// <summary>The part of an e-mail domain a place gives: "Sør-Fron" → "sor-fron".</summary>
    public static string Slug(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text.ToLowerInvariant())
        {
            _ = ch switch
            {
                'æ' => sb.Append("ae"),
                'ø' => sb.Append('o'),
                'å' => sb.Append('a'),
                'é' or 'è' => sb.Append('e'),
                ' ' or '-' => sb.Length > 0 && sb[^1] != '-' ? sb.Append('-') : sb,
                _ when char.IsAsciiLetterOrDigit(ch) => sb.Append(ch),
                _ => sb,
            };
        }

        return sb.ToString().Trim('-');
    }

    public static readonly string[] ContactTitles =
    [
        "Arkivleder", "Arkivar", "IT-ansvarlig", "IKT-sjef", "Kommunalsjef", "Rådgiver digitalisering", "Dokumentsenterleder", "Systemansvarlig",
        "Fagleder dokumentasjon", "Seniorrådgiver", "Kommunedirektør", "Økonomisjef", "Personvernombud", "Servicetorgleder",
    ];
}
