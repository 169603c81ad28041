namespace Strata.TestSupport;

/// <summary>
/// A fact that needs ../shared/data. CI has that folder beside the repository; a user's clone does
/// not, and there the test is reported as skipped with the reason instead of failing.
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (!TestPaths.HasSharedData) Skip = TestPaths.NoSharedDataReason;
    }
}

/// <summary>A theory that needs ../shared/data; skipped with the reason when the folder is missing (its data is then not enumerated).</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute()
    {
        if (!TestPaths.HasSharedData) Skip = TestPaths.NoSharedDataReason;
    }
}
