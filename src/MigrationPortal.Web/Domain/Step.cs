namespace MigrationPortal.Web.Domain;

public sealed class Step : Versioned, IAudited
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public Project? Project { get; set; }
    public Phase Phase { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public StepStatus Status { get; set; }
    public ResponsibleParty Responsible { get; set; }
    public string? AssigneeUserId { get; set; }
    public DateOnly? PlannedStart { get; set; }
    public DateOnly? Due { get; set; }
    public DateTime? CompletedUtc { get; set; }
    public bool CustomerVisible { get; set; } = true;
    public int SortOrder { get; set; }

    /// <summary>The template this step came from; used to merge templates of several products.</summary>
    public string? TemplateKey { get; set; }

    /// <summary>The milestone this step carries on the plan, if any.</summary>
    public MilestoneKind? Milestone { get; set; }

    /// <summary>Must be done (or not applicable) before the project leaves the step's phase, unless a lead overrides.</summary>
    public bool Required { get; set; } = true;

    /// <summary>The steps this one waits for (finish-to-start).</summary>
    public List<StepDependency> DependsOn { get; } = [];

    public bool IsOpen => IsOpenStatus(Status);

    /// <summary>Open steps still need work; done and not-applicable ones count as finished for progress and health.</summary>
    public static bool IsOpenStatus(StepStatus status) => status is not (StepStatus.Done or StepStatus.NotApplicable);

    public bool IsOverdue(DateOnly today) => IsOpen && Due is { } due && due < today;

    /// <summary>Changes status and keeps <see cref="CompletedUtc"/> in step with it.</summary>
    public void SetStatus(StepStatus status, DateTime nowUtc)
    {
        if (status == StepStatus.Done && Status != StepStatus.Done)
        {
            CompletedUtc = nowUtc;
        }
        else if (status != StepStatus.Done)
        {
            CompletedUtc = null;
        }

        Status = status;
    }
}

public sealed class StepTemplate : Versioned, IAudited
{
    public int Id { get; set; }
    public int ProductId { get; set; }
    public Product? Product { get; set; }

    /// <summary>Templates of different products with the same key become one step in a joint project.</summary>
    public required string Key { get; set; }
    public Phase Phase { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public ResponsibleParty Responsible { get; set; }
    public bool CustomerVisible { get; set; } = true;

    /// <summary>Days from project start to the step's planned start.</summary>
    public int OffsetDays { get; set; }
    public int DurationDays { get; set; }
    public int SortOrder { get; set; }

    /// <summary>Keys of the templates this one waits for, comma-separated; keys not in a project are ignored.</summary>
    public string? DependsOnKeys { get; set; }

    public MilestoneKind? Milestone { get; set; }

    public bool Required { get; set; } = true;

    /// <summary>A product code the customer must already run for this step to apply (e.g. "fokus"); null for every project.</summary>
    public string? RequiresInstalled { get; set; }

    public IReadOnlyList<string> DependencyKeys =>
        (DependsOnKeys ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
