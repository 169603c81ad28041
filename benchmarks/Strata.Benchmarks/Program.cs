using System.Globalization;
using Strata.Benchmarks.Running;

// The benchmark driver. Options (anything else is refused):
//   --quick            fewer, shorter iterations: the whole run fits 10 minutes on two cores
//   --filter <glob>    only the benchmarks BenchmarkDotNet's glob matches (for example *OneRow*)
//   --launches <n>     cold-start launches per program (default 10; 0 skips cold start)
//   --report <path>    where the report goes (default docs/benchmarks.md of the repository)
//   --probe [text]     hand-written and Strata called in turn for the budget scenarios (with a text, only those whose provider and scenario
//                      contain its letters: --probe sqlite-onerow): paired ratios and allocations, no report
bool quick = false;
string? filter = null;
int launches = 10;
string? report = null;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--quick": quick = true; break;
        case "--filter" when i + 1 < args.Length: filter = args[++i]; break;
        case "--launches" when i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n): launches = n; i++; break;
        case "--probe": return await PairedProbe.RunAsync(Console.Out, i + 1 < args.Length ? args[i + 1] : null);
        case "--report" when i + 1 < args.Length: report = Path.GetFullPath(args[++i]); break;
        default:
            Console.Error.WriteLine($"Unknown option {args[i]}. Options: --quick, --filter <glob>, --launches <n>, --report <path>, --probe.");
            return 2;
    }
}
var settings = new RunSettings(quick, filter, launches, report ?? Path.Combine(Driver.RepositoryRoot, "docs", "benchmarks.md"));
var command = "dotnet run -c Release --project benchmarks/Strata.Benchmarks" + (args.Length > 0 ? " -- " + string.Join(' ', args) : "");
return await Driver.RunAsync(settings, command);
