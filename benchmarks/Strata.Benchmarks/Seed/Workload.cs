namespace Strata.Benchmarks.Seed;

/// <summary>The values the scenarios query with: the same for every library.</summary>
public static class Workload
{
    /// <summary>The page and count scenarios keep posts with at least this many views (about half).</summary>
    public const int MinViews = 5_000;

    /// <summary>The page: 20 posts after the first 20, newest first (ties by id, so the order is total).</summary>
    public const int PageSkip = 20;
    public const int PageTake = 20;

    /// <summary>Update many changes the posts of the first 50 authors: 500 rows.</summary>
    public const int UpdateMaxAuthorId = 50;

    /// <summary>Rows per insert scenario (the 10,000), unless a mode says otherwise.</summary>
    public const int InsertRows = 10_000;

    /// <summary>The key read by the n-th one-row call: every post in turn, as Dapper's benchmark does.</summary>
    public static int KeyFor(int call) => call % SeedData.Posts + 1;

    /// <summary>The likes value of the n-th update, alternating so each update changes every row.</summary>
    public static int LikesFor(int call) => 1_000 + call % 2;

    public static readonly DateTime UpdatedAt = new(2025, 6, 1, 12, 0, 0, 123, DateTimeKind.Utc);
}
