namespace MigrationPortal.Web.Domain;

/// <summary>
/// The project plan's rules, with no I/O: building the plan from templates and accepted offer activities, moving
/// steps along their finish-to-start dependencies, the critical path and the milestones.
/// A step runs from <see cref="Step.PlannedStart"/> to <see cref="Step.Due"/>; a step that waits for others may start on
/// the day the last of them is due.
/// </summary>
public static class ProjectPlan
{
    /// <summary>A step's place in the plan for the scheduling rules: its dates and the steps it waits for.</summary>
    public sealed record Node(int Id, DateOnly? Start, DateOnly? Due, bool Done, IReadOnlyList<int> DependsOn);

    /// <summary>
    /// Adds the steps for the project's products from the templates (one step per template key, the earliest of
    /// products sharing a key), leaving out templates whose condition (a product the customer already runs) no
    /// customer meets, then links the dependencies the templates name and dates every step from <paramref name="start"/>
    /// so that none starts before what it waits for. Keys already in the project are not added again.
    /// </summary>
    /// <param name="countFromFirst">Offsets count from the first template added (a plan built at acceptance starts on
    /// <paramref name="start"/>), or from the project's start (a new project, a product added later).</param>
    public static IReadOnlyList<Step> AddFromTemplates(Project project, IEnumerable<StepTemplate> templates, IReadOnlySet<string> installedProductCodes, DateOnly start, bool countFromFirst = true)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(templates);
        ArgumentNullException.ThrowIfNull(installedProductCodes);
        var productIds = project.Products.Select(p => p.ProductId).ToHashSet();
        var existing = project.Steps.Where(s => s.TemplateKey != null).Select(s => s.TemplateKey!).ToHashSet(StringComparer.Ordinal);
        var chosen = templates
            .Where(t => productIds.Contains(t.ProductId))
            .Where(t => t.RequiresInstalled is null || installedProductCodes.Contains(t.RequiresInstalled))
            .GroupBy(t => t.Key, StringComparer.Ordinal)
            .Select(g => g.OrderBy(t => t.OffsetDays).First())
            .Where(t => !existing.Contains(t.Key))
            .OrderBy(t => t.Phase).ThenBy(t => t.SortOrder).ThenBy(t => t.OffsetDays)
            .ToList();
        if (chosen.Count == 0)
        {
            return [];
        }

        var firstOffset = countFromFirst ? chosen.Min(t => t.OffsetDays) : 0;
        var order = project.Steps.Count == 0 ? 0 : project.Steps.Max(s => s.SortOrder);
        var added = new List<Step>();
        foreach (var t in chosen)
        {
            var plannedStart = start.AddDays(t.OffsetDays - firstOffset);
            var step = new Step
            {
                Phase = t.Phase,
                Title = t.Title,
                Description = t.Description,
                Responsible = t.Responsible,
                CustomerVisible = t.CustomerVisible,
                PlannedStart = plannedStart,
                Due = plannedStart.AddDays(Math.Max(0, t.DurationDays)),
                SortOrder = ++order,
                TemplateKey = t.Key,
                Milestone = t.Milestone,
                Required = t.Required,
            };
            project.Steps.Add(step);
            added.Add(step);
        }

        var byKey = project.Steps.Where(s => s.TemplateKey != null).GroupBy(s => s.TemplateKey!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var t in chosen)
        {
            var step = byKey[t.Key];
            foreach (var key in t.DependencyKeys)
            {
                if (byKey.TryGetValue(key, out var before) && before != step && step.DependsOn.All(d => d.DependsOn != before))
                {
                    step.DependsOn.Add(new StepDependency { Step = step, DependsOn = before });
                }
            }
        }

        PushAfterPredecessors(project.Steps);
        return added;
    }

    /// <summary>
    /// Maps accepted offer activities onto the plan: an activity with a plan key is carried out as the step with that
    /// key (the plan's dates come from the templates; the offer's weeks were an estimate); an activity without a key,
    /// or whose key the plan does not have, becomes a step of its own in setup after the project plan step. Never
    /// duplicates a step.
    /// </summary>
    public static void MapActivities(Project project, IEnumerable<OfferActivity> activities, DateOnly start)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(activities);
        var byKey = project.Steps.Where(s => s.TemplateKey != null).GroupBy(s => s.TemplateKey!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var titles = project.Steps.Select(s => s.Title).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var order = project.Steps.Count == 0 ? 0 : project.Steps.Max(s => s.SortOrder);
        byKey.TryGetValue(PlanKeys.ProjectPlan, out var planStep);
        foreach (var activity in activities.OrderBy(a => a.SortOrder))
        {
            var weeks = activity.DurationWeeks ?? 0;
            if ((activity.PlanKey is { } key && byKey.ContainsKey(key)) || weeks <= 0 || titles.Contains(activity.Description))
            {
                continue;
            }

            var begin = planStep?.Due ?? start;
            var own = new Step
            {
                Phase = Phase.Setup, Title = activity.Description, Responsible = ResponsibleParty.Vendor, CustomerVisible = true,
                PlannedStart = begin, Due = begin.AddDays(weeks * 7), SortOrder = ++order, Required = false,
            };
            if (planStep is not null)
            {
                own.DependsOn.Add(new StepDependency { Step = own, DependsOn = planStep });
            }

            project.Steps.Add(own);
            titles.Add(own.Title);
        }

        PushAfterPredecessors(project.Steps);
    }

    /// <summary>Moves every open step that would start before a step it waits for is due, and what waits for it in turn.</summary>
    public static void PushAfterPredecessors(IReadOnlyCollection<Step> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        foreach (var step in TopologicalOrder(steps))
        {
            if (!step.IsOpen || step.PlannedStart is not { } begin)
            {
                continue;
            }

            var earliest = step.DependsOn.Select(d => d.DependsOn?.Due).Where(d => d is not null).Max();
            if (earliest is { } e && begin < e)
            {
                Shift(step, e.DayNumber - begin.DayNumber);
            }
        }
    }

    /// <summary>
    /// After some steps' dates changed (<paramref name="before"/> holds every step's dates as they were): each open step
    /// that waits for others starts no earlier than they are due; one that started exactly when they were due follows
    /// them, also earlier. Steps that are done never move. Returns the steps moved besides the changed ones.
    /// </summary>
    /// <param name="pinned">A step whose dates were agreed outside the plan (the cutover window): it never moves, but what waits for it does.</param>
    public static IReadOnlyList<Step> Reschedule(IReadOnlyCollection<Step> steps, IReadOnlyDictionary<int, (DateOnly? Start, DateOnly? Due)> before, Step? pinned = null)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(before);
        var moved = new List<Step>();
        foreach (var step in TopologicalOrder(steps))
        {
            if (!step.IsOpen || step == pinned || step.PlannedStart is not { } begin || step.DependsOn.Count == 0)
            {
                continue;
            }

            var newEarliest = step.DependsOn.Select(d => d.DependsOn?.Due).Where(d => d is not null).Max();
            var oldEarliest = step.DependsOn.Select(d => d.DependsOn).OfType<Step>()
                .Select(p => before.TryGetValue(p.Id, out var was) ? was.Due : p.Due).Where(d => d is not null).Max();
            if (newEarliest is not { } now)
            {
                continue;
            }

            var tied = before.TryGetValue(step.Id, out var mine) && mine.Start == oldEarliest && mine.Start == begin;
            if (begin < now || (tied && now < begin))
            {
                Shift(step, now.DayNumber - begin.DayNumber);
                moved.Add(step);
            }
        }

        return moved;
    }

    /// <summary>Moves every open step by <paramref name="days"/> (the project start moved), keeping each step's length.</summary>
    public static void ShiftOpen(IEnumerable<Step> steps, int days)
    {
        ArgumentNullException.ThrowIfNull(steps);
        foreach (var step in steps.Where(s => s.IsOpen && s.Phase != Phase.Intake))
        {
            Shift(step, days);
        }
    }

    /// <summary>Would making <paramref name="stepId"/> wait for <paramref name="dependsOnId"/> close a loop?</summary>
    public static bool WouldCycle(IReadOnlyCollection<Node> nodes, int stepId, int dependsOnId)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        if (stepId == dependsOnId)
        {
            return true;
        }

        // A loop appears if the new predecessor already (transitively) waits for the step.
        var byId = nodes.ToDictionary(n => n.Id);
        var seen = new HashSet<int>();
        var stack = new Stack<int>([dependsOnId]);
        while (stack.TryPop(out var id))
        {
            if (id == stepId)
            {
                return true;
            }

            if (seen.Add(id) && byId.TryGetValue(id, out var n))
            {
                foreach (var d in n.DependsOn)
                {
                    stack.Push(d);
                }
            }
        }

        return false;
    }

    /// <summary>
    /// The critical path: the open, dated steps with no slack, whose delay moves the end of the plan. Slack is how many
    /// days a step could finish later without moving any step after it (by its dependencies) or the plan's end.
    /// </summary>
    public static IReadOnlySet<int> CriticalPath(IReadOnlyCollection<Node> nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var dated = nodes.Where(n => n is { Start: not null, Due: not null }).ToDictionary(n => n.Id);
        if (dated.Count == 0)
        {
            return new HashSet<int>();
        }

        var end = dated.Values.Max(n => n.Due!.Value);
        var successors = dated.Keys.ToDictionary(id => id, _ => new List<int>());
        foreach (var n in dated.Values)
        {
            foreach (var d in n.DependsOn.Where(dated.ContainsKey))
            {
                successors[d].Add(n.Id);
            }
        }

        // Latest finish: the earliest of the successors' latest starts, or the plan's end. Memoised, loops ignored.
        var latestFinish = new Dictionary<int, DateOnly>();
        var visiting = new HashSet<int>();
        DateOnly LatestFinish(int id)
        {
            if (latestFinish.TryGetValue(id, out var known))
            {
                return known;
            }

            visiting.Add(id);
            var lf = end;
            foreach (var s in successors[id].Where(s => !visiting.Contains(s)))
            {
                var succ = dated[s];
                var latestStart = LatestFinish(s).AddDays(-(succ.Due!.Value.DayNumber - succ.Start!.Value.DayNumber));
                if (latestStart < lf)
                {
                    lf = latestStart;
                }
            }

            visiting.Remove(id);
            latestFinish[id] = lf;
            return lf;
        }

        return dated.Values.Where(n => !n.Done && LatestFinish(n.Id) <= n.Due!.Value).Select(n => n.Id).ToHashSet();
    }

    /// <summary>The date a milestone falls on: the start of the step for events that begin something, else its end.</summary>
    public static DateOnly? MilestoneDate(MilestoneKind kind, DateOnly? start, DateOnly? due) =>
        kind is MilestoneKind.Kickoff or MilestoneKind.TestStart or MilestoneKind.GoLive ? start ?? due : due ?? start;

    private static void Shift(Step step, int days)
    {
        if (days == 0)
        {
            return;
        }

        step.PlannedStart = step.PlannedStart?.AddDays(days);
        step.Due = step.Due?.AddDays(days);
    }

    /// <summary>Steps ordered so that each comes after the steps it waits for (a loop, which the app never saves, is broken arbitrarily).</summary>
    private static List<Step> TopologicalOrder(IReadOnlyCollection<Step> steps)
    {
        var result = new List<Step>(steps.Count);
        var state = new Dictionary<Step, bool>(ReferenceEqualityComparer.Instance);
        var members = steps.ToHashSet(ReferenceEqualityComparer.Instance);
        void Visit(Step s)
        {
            if (state.ContainsKey(s))
            {
                return;
            }

            state[s] = false;
            foreach (var d in s.DependsOn)
            {
                if (d.DependsOn is { } p && members.Contains(p))
                {
                    Visit(p);
                }
            }

            state[s] = true;
            result.Add(s);
        }

        foreach (var s in steps.OrderBy(s => s.Phase).ThenBy(s => s.SortOrder))
        {
            Visit(s);
        }

        return result;
    }
}

/// <summary>Template keys the code refers to; the rest of the plan is data.</summary>
public static class PlanKeys
{
    public const string ProjectPlan = "setup.project-plan";
    public const string Kickoff = "setup.kickoff";
    public const string Access = "setup.access";
    public const string Testing = "setup.testing";
    public const string TestSignOff = "setup.test-signoff";
    public const string Training = "setup.training";
    public const string Upgrade = "golive.upgrade";
    public const string WebSakPlus = "golive.websak-plus";
    public const string Cutover = "golive.cutover";
    public const string FollowUp = "golive.hypercare";
    public const string Handover = "golive.handover";
}
