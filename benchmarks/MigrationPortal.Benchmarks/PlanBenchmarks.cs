using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using MigrationPortal.Web;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Features.Documents;
using MigrationPortal.Web.Infrastructure;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Pdf;

namespace MigrationPortal.Benchmarks;

/// <summary>
/// The project plan with 300 steps: composing the document (translations, dates, the chart's weeks) and rendering it,
/// tables over many pages and the week-by-week chart on landscape pages.
/// </summary>
[MemoryDiagnoser]
public class PlanBenchmarks
{
    private readonly PdfSharpRenderer renderer = new();
    private readonly VendorOptions vendor = new() { Name = "Leverandøren AS", AddressLines = ["Skyveien 1", "0150 Oslo"], OrgNumber = "999 888 777" };
    private IStringLocalizer l = null!;
    private PlanPdf.Data plan = null!;

    [GlobalSetup]
    public void Setup()
    {
        l = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources")
            .BuildServiceProvider().GetRequiredService<IStringLocalizer<SharedResource>>();
        var start = new DateOnly(2027, 1, 4);
        plan = new PlanPdf.Data(
            "Gudbrandsdalen: WebSak og skjema i sky",
            "nb-NO",
            3,
            start,
            [new("Sør-Fron kommune", "938821003"), new("Nord-Fron kommune", "940011000"), new("Ringebu kommune", "961381096")],
            ["WebSak", "Skjemaverktøy"],
            new("Marte Solberg", null, string.Empty, "prosjektleder@leverandor.example", "+47 900 00 000"),
            [new("Kari Nordmann", "Arkivleder", "Sør-Fron kommune", "kari.nordmann@sor-fron.kommune.example", "+47 61 29 00 00"), new("Liv Mæhlum", "Kommunalsjef", "Nord-Fron kommune", "liv.maehlum@nord-fron.kommune.example", null)],
            Enumerable.Range(1, 300).Select(i => new PlanPdf.Step(
                i <= 150 ? Phase.Setup : Phase.GoLive,
                $"Aktivitet {i}: migrering og test av data",
                i % 4 == 0 ? "Dataene løftes til skyen og kontrolleres av kunden." : null,
                (StepStatus)(i % 3),
                i % 2 == 0 ? ResponsibleParty.Customer : ResponsibleParty.Vendor,
                start.AddDays(i),
                start.AddDays(i + 14),
                i <= 7 ? (MilestoneKind)i : null)).ToList());
    }

    /// <summary>Composing alone: the flat document, before any drawing.</summary>
    [Benchmark]
    public PdfDocumentModel Compose300Steps()
    {
        using var scope = new CultureScope(plan.Language);
        return PlanPdf.Compose(plan, vendor, l);
    }

    /// <summary>300 steps, composed and rendered.</summary>
    [Benchmark]
    public byte[] Plan300Steps()
    {
        using var scope = new CultureScope(plan.Language);
        return renderer.Render(PlanPdf.Compose(plan, vendor, l));
    }
}
