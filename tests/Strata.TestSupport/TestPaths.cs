namespace Strata.TestSupport;

/// <summary>Locations of the repository and of ../shared/data, found by walking up from the test binaries.</summary>
public static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>../shared/data beside the repository.</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "data"));

    public static string PrismaProjects => Path.Combine(SharedData, "prisma-projects");

    /// <summary>True when ../shared/data is there (in CI; not in a user's clone).</summary>
    public static bool HasSharedData => Directory.Exists(PrismaProjects);

    public const string NoSharedDataReason =
        "needs ../shared/data (real Prisma projects and sample databases), which CI places beside the repository; this clone has none";

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Strata.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Strata.slnx not found above " + AppContext.BaseDirectory);
    }
}
