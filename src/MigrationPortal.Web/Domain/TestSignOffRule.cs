namespace MigrationPortal.Web.Domain;

/// <summary>When the customer may sign off the test: once, after a test period is set, and with no serious finding left open.</summary>
public static class TestSignOffRule
{
    /// <summary>The reason (a resource key) the test cannot be signed off now, or null when it can.</summary>
    public static string? Refusal(TestEnvironment? environment, IEnumerable<TestFinding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        if (environment?.SignedOffUtc is not null)
        {
            return "Test.AlreadySignedOff";
        }

        if (environment?.TestStart is null)
        {
            return "Test.NoTestPeriod";
        }

        return findings.Any(BlocksSignOff) ? "Test.OpenHighFindings" : null;
    }

    /// <summary>A serious finding nobody has fixed or closed yet.</summary>
    public static bool BlocksSignOff(TestFinding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return finding is { Severity: FindingSeverity.High, Status: FindingStatus.Open };
    }
}
