using MigrationPortal.Web.Domain;
using MigrationPortal.Web.Infrastructure.Localization;

namespace MigrationPortal.Web.Data;

/// <summary>The demo's phases 2-3: phase transitions and the migration checklist.</summary>
public sealed partial class DemoData
{
    /// <summary>
    /// Phases 2-3 as they would have happened: each signed project's transitions so far, and the migration checklist of
    /// two projects (Gudbrandsdalen on time, Vestland with the customer's IT late on access).
    /// </summary>
    private void SeedPhaseTwo(DateOnly today, Dictionary<string, Product> products, Project[] signed, Project gudbrandsdalen, Project vestland, Contact itContact)
    {
        var at = clock.GetUtcNow().UtcDateTime;
        foreach (var p in signed)
        {
            var started = (p.PlannedStart ?? today).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc).AddDays(60);
            var moves = new[] { (Phase.Intake, Phase.Setup, PhaseTransitionKind.Acceptance, 0), (Phase.Setup, Phase.GoLive, PhaseTransitionKind.TestSignOff, 80), (Phase.GoLive, Phase.Operations, PhaseTransitionKind.Handover, 130) };
            foreach (var (from, to, kind, days) in moves.Where(m => m.Item2 <= p.Phase))
            {
                db.PhaseTransitions.Add(new PhaseTransition { ProjectId = p.Id, From = from, To = to, Kind = kind, AtUtc = started.AddDays(days) < at ? started.AddDays(days) : at, UserName = "MigrationPortal" });
            }
        }

        // The demo speaks Bokmål, like its customers.
        string T(string key)
        {
            using var _ = new CultureScope("nb-NO");
            return l[key].Value;
        }
        foreach (var (project, codes, late) in new[] { (gudbrandsdalen, new[] { "websak", "forms" }, false), (vestland, new[] { "websak", "forms" }, true) })
        {
            var items = MigrationChecklist.Standard(codes.Where(products.ContainsKey).ToList(), project.PlannedStart ?? today, T).ToList();
            for (var i = 0; i < items.Count; i++)
            {
                var item = items[i];
                item.ProjectId = project.Id;
                if (!late && i < 3)
                {
                    item.SetStatus(ChecklistStatus.Done, at.AddDays(-20 + i), itContact.Name);
                }

                if (late && item.Owner == ResponsibleParty.Customer && item.Category == ChecklistCategory.Access)
                {
                    item.Due = today.AddDays(-10);
                }
                else if (item.Status == ChecklistStatus.Open && item.Due < today)
                {
                    item.Due = today.AddDays(7 + i);
                }

                db.ChecklistItems.Add(item);
            }
        }
    }
}
