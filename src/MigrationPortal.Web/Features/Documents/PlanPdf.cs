using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MigrationPortal.Web.Data;
using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure;
using MigrationPortal.Web.Infrastructure.Localization;
using MigrationPortal.Web.Infrastructure.Pdf;

namespace MigrationPortal.Web.Features.Documents;

/// <summary>
/// The project plan as the customer gets it: who is involved, the milestones, every phase with its steps and a
/// week-by-week chart, in the customer's language. Only customer-visible steps are read, so no internal step can
/// reach a plan. <see cref="Compose"/> is pure (tests and the benchmark call it); the handler reads the project.
/// </summary>
public static class PlanPdf
{
    public sealed record Customer(string Name, string OrgNumber);

    public sealed record Person(string Name, string? Title, string Organisation, string? Email, string? Phone);

    public sealed record Step(Phase Phase, string Title, string? Description, StepStatus Status, ResponsibleParty Responsible, DateOnly? PlannedStart, DateOnly? Due, MilestoneKind? Milestone);

    /// <summary>Everything a plan shows. <see cref="Number"/> is null for a preview; <see cref="Steps"/> are in plan order.</summary>
    public sealed record Data(
        string ProjectName,
        string Language,
        int? Number,
        DateOnly Date,
        IReadOnlyList<Customer> Customers,
        IReadOnlyList<string> Products,
        Person? Lead,
        IReadOnlyList<Person> Contacts,
        IReadOnlyList<Step> Steps);

    /// <summary>The date a milestone stands for: the start of a kickoff, test start or go-live; the end of the others.</summary>
    public static DateOnly? MilestoneDate(Step step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return step.Milestone is MilestoneKind.Kickoff or MilestoneKind.TestStart or MilestoneKind.GoLive
            ? step.PlannedStart ?? step.Due
            : step.Due ?? step.PlannedStart;
    }

    public static PdfDocumentModel Compose(Data d, VendorOptions vendor, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(d);
        ArgumentNullException.ThrowIfNull(vendor);
        ArgumentNullException.ThrowIfNull(l);
        var culture = CultureInfo.CurrentCulture;
        var title = $"{l["PlanPdf.Title"]} – {d.ProjectName}";
        var version = d.Number is { } n ? n.ToString(culture) : l["PlanPdf.Preview"].Value;

        var senderLines = vendor.AddressLines.ToList();
        if (vendor.OrgNumber is not null)
        {
            senderLines.Add($"{l["Pdf.OrgNumber"]} {vendor.OrgNumber}");
        }

        var recipient = d.Customers.SelectMany(c => new[] { c.Name, $"{l["Pdf.OrgNumber"]} {OrgNumber.Format(c.OrgNumber)}" }).ToList();
        var blocks = new List<PdfBlock>
        {
            new PdfHeading(title),
            new PdfParagraph(l["PlanPdf.Intro", Display.Date(d.Date)]),
            new PdfFacts(
            [
                (l["PlanPdf.Project"], d.ProjectName),
                (l["PlanPdf.Customers"], string.Join("\n", d.Customers.Select(c => $"{c.Name} ({l["Pdf.OrgNumber"]} {OrgNumber.Format(c.OrgNumber)})"))),
                (l["PlanPdf.Products"], d.Products.Count == 0 ? "–" : string.Join(", ", d.Products)),
            ]),
            new PdfHeading(l["PlanPdf.Contacts"]),
        };

        var people = new List<Person>();
        if (d.Lead is { } lead)
        {
            people.Add(lead with { Title = l["PlanPdf.VendorLead"], Organisation = vendor.Name });
        }

        people.AddRange(d.Contacts);
        blocks.Add(new PdfTable(
            [new PdfColumn(l["Pdf.Name"], 3), new PdfColumn(l["PlanPdf.Role"], 3), new PdfColumn(l["PlanPdf.Organisation"], 3), new PdfColumn(l["PlanPdf.Email"], 4), new PdfColumn(l["PlanPdf.Phone"], 2.2)],
            people.Select(p => (IReadOnlyList<string>)[p.Name, p.Title ?? string.Empty, p.Organisation, p.Email ?? string.Empty, p.Phone ?? string.Empty]).ToList(),
            []));

        blocks.Add(new PdfHeading(l["PlanPdf.Milestones"]));
        var milestones = d.Steps.Where(s => s.Milestone is not null).OrderBy(s => MilestoneDate(s) ?? DateOnly.MaxValue).ThenBy(s => s.Milestone).ToList();
        blocks.Add(milestones.Count == 0 ? new PdfParagraph(l["PlanPdf.NoMilestones"])
            : new PdfTable(
                [new PdfColumn(l["PlanPdf.Milestone"], 4), new PdfColumn(l["Pdf.Date"], 2), new PdfColumn(l["Pdf.Activity"], 5)],
                milestones.Select(s => (IReadOnlyList<string>)[l[$"PlanPdf.Milestone.{s.Milestone}"], Display.Date(MilestoneDate(s)), s.Title]).ToList(),
                []));

        foreach (var phase in d.Steps.GroupBy(s => s.Phase).OrderBy(g => g.Key))
        {
            blocks.Add(new PdfHeading(PhaseName(phase.Key, l)));
            blocks.Add(new PdfTable(
                [new PdfColumn(l["Pdf.Activity"], 5.4), new PdfColumn(l["PlanPdf.Start"], 2), new PdfColumn(l["PlanPdf.Due"], 2), new PdfColumn(l["PlanPdf.Responsible"], 1.7), new PdfColumn(l["Pdf.Status"], 1.7)],
                phase.Select(s => (IReadOnlyList<string>)
                [
                    string.IsNullOrWhiteSpace(s.Description) ? s.Title : $"{s.Title}\n{s.Description}",
                    Display.Date(s.PlannedStart),
                    Display.Date(s.Due),
                    l[$"Responsible.{s.Responsible}"],
                    l[$"StepStatus.{s.Status}"],
                ]).ToList(),
                []));
        }

        if (Chart(d, l) is { } chart)
        {
            blocks.Add(chart);
        }

        return new PdfDocumentModel(
            title,
            d.Language,
            new Letterhead(vendor.Name, senderLines, recipient, [(l["PlanPdf.Version"], version), (l["Pdf.Date"], Display.Date(d.Date))]),
            blocks,
            $"{vendor.Name} · {l["PlanPdf.Title"]} · {d.ProjectName} · {l["PlanPdf.Version"]} {version}",
            l["Pdf.PageOf"])
        { ReplacedCharactersNote = l["Pdf.ReplacedCharacters"] };
    }

    private static string PhaseName(Phase phase, IStringLocalizer l) => l["PlanPdf.PhaseHeading", (int)phase, l[$"Phase.{phase}"]];

    /// <summary>The chart: one column per ISO week from the first dated step to the last, a heading row per phase.</summary>
    private static PdfGantt? Chart(Data d, IStringLocalizer l)
    {
        var dates = d.Steps.SelectMany(s => new[] { s.PlannedStart, s.Due }).OfType<DateOnly>().ToList();
        if (dates.Count == 0)
        {
            return null;
        }

        var culture = CultureInfo.CurrentCulture;
        var first = Monday(dates.Min());
        var count = (Monday(dates.Max()).DayNumber - first.DayNumber) / 7 + 1;
        var weeks = Enumerable.Range(0, count).Select(i =>
        {
            var monday = first.AddDays(7 * i);
            var date = monday.ToDateTime(TimeOnly.MinValue);
            var newMonth = i == 0 || monday.AddDays(-7).Month != monday.Month;
            return new PdfWeek(
                ISOWeek.GetWeekOfYear(date).ToString(culture),
                newMonth ? monday.ToString("MMM yyyy", culture) : null,
                l["PlanPdf.WeekCaption", ISOWeek.GetWeekOfYear(date), ISOWeek.GetYear(date)]);
        }).ToList();
        int Week(DateOnly date) => (Monday(date).DayNumber - first.DayNumber) / 7;

        var rows = new List<PdfGanttRow>();
        foreach (var phase in d.Steps.GroupBy(s => s.Phase).OrderBy(g => g.Key))
        {
            rows.Add(new PdfGanttRow(PhaseName(phase.Key, l), PdfGanttMark.Group));
            foreach (var s in phase)
            {
                if (s.Milestone is not null && MilestoneDate(s) is { } at)
                {
                    rows.Add(new PdfGanttRow(s.Title, PdfGanttMark.Milestone, Week(at), Week(at)));
                }
                else if ((s.PlannedStart ?? s.Due) is { } start && (s.Due ?? s.PlannedStart) is { } end)
                {
                    var (a, b) = start <= end ? (start, end) : (end, start);
                    rows.Add(new PdfGanttRow(s.Title, s.Responsible == ResponsibleParty.Customer ? PdfGanttMark.OutlinedBar : PdfGanttMark.Bar, Week(a), Week(b)));
                }
                else
                {
                    rows.Add(new PdfGanttRow(s.Title, PdfGanttMark.Bar));
                }
            }
        }

        return new PdfGantt(l["PlanPdf.Chart"], l["Pdf.Activity"], weeks, rows,
            [(PdfGanttMark.Bar, l["PlanPdf.LegendVendor"]), (PdfGanttMark.OutlinedBar, l["PlanPdf.LegendCustomer"]), (PdfGanttMark.Milestone, l["PlanPdf.Milestone"])]);
    }

    private static DateOnly Monday(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    public sealed class Handler(PortalDb db, IStringLocalizer<SharedResource> l, IPdfRenderer renderer, IOptions<VendorOptions> vendor)
    {
        /// <summary>The plan of the project as it stands, as version <paramref name="number"/> (null: a preview), dated <paramref name="date"/>.</summary>
        public async Task<byte[]> RenderAsync(int projectId, int? number, DateOnly date, CancellationToken ct)
        {
            var data = await LoadAsync(projectId, number, date, ct);
            using var scope = new CultureScope(data.Language);
            return renderer.Render(Compose(data, vendor.Value, l));
        }

        public async Task<Data> LoadAsync(int projectId, int? number, DateOnly date, CancellationToken ct)
        {
            var project = await db.Projects.AsNoTracking().Where(p => p.Id == projectId)
                .Select(p => new
                {
                    p.Name,
                    Lead = p.Lead == null ? null : new Person(p.Lead.DisplayName, null, string.Empty, p.Lead.Email, p.Lead.PhoneNumber),
                    Language = p.Customers.OrderBy(c => c.CustomerId).Select(c => c.Customer!.PreferredLanguage).FirstOrDefault(),
                })
                .SingleAsync(ct);
            var customers = await db.ProjectCustomers.AsNoTracking().Where(pc => pc.ProjectId == projectId).OrderBy(pc => pc.Customer!.Name)
                .Select(pc => new Customer(pc.Customer!.Name, pc.Customer.OrgNumber)).ToListAsync(ct);
            var products = await db.ProjectProducts.AsNoTracking().Where(pp => pp.ProjectId == projectId).OrderBy(pp => pp.Product!.Name)
                .Select(pp => pp.Product!.Name).ToListAsync(ct);
            var contacts = await db.Contacts.AsNoTracking()
                .Where(c => db.ProjectCustomers.Any(pc => pc.ProjectId == projectId && pc.CustomerId == c.CustomerId))
                .OrderBy(c => c.Customer!.Name).ThenBy(c => c.Name)
                .Select(c => new Person(c.Name, c.Title, c.Customer!.Name, c.Email, c.Phone)).ToListAsync(ct);

            // Only what the customer may see: the plan is the customer's document, whoever asks for it.
            var steps = (await db.Steps.AsNoTracking().Where(s => s.ProjectId == projectId && s.CustomerVisible)
                .Select(s => new { s.Id, s.SortOrder, Step = new Step(s.Phase, s.Title, s.Description, s.Status, s.Responsible, s.PlannedStart, s.Due, s.Milestone) })
                .ToListAsync(ct))
                .OrderBy(s => s.Step.Phase).ThenBy(s => s.SortOrder).ThenBy(s => s.Id).Select(s => s.Step).ToList();
            return new Data(project.Name, project.Language ?? LocalizationSetup.DefaultCulture, number, date, customers, products, project.Lead, contacts, steps);
        }
    }
}
