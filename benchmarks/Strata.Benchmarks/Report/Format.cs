using System.Globalization;

namespace Strata.Benchmarks.Report;

/// <summary>Numbers as the report prints them.</summary>
public static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Time(double? nanoseconds) => nanoseconds switch
    {
        null => "n/a",
        < 1_000 => (nanoseconds.Value).ToString("F0", Invariant) + " ns",
        < 1_000_000 => (nanoseconds.Value / 1_000).ToString("F1", Invariant) + " µs",
        < 1_000_000_000 => (nanoseconds.Value / 1_000_000).ToString("F2", Invariant) + " ms",
        _ => (nanoseconds.Value / 1_000_000_000).ToString("F2", Invariant) + " s",
    };

    public static string Milliseconds(double milliseconds) => milliseconds.ToString("F1", Invariant) + " ms";

    public static string Bytes(long? bytes) => bytes switch
    {
        null => "n/a",
        < 1024 => bytes.Value.ToString(Invariant) + " B",
        < 1024 * 1024 => (bytes.Value / 1024.0).ToString("F1", Invariant) + " KB",
        _ => (bytes.Value / 1024.0 / 1024.0).ToString("F2", Invariant) + " MB",
    };

    public static string Ratio(double? ratio) => ratio is { } r ? r.ToString("F2", Invariant) + "x" : "n/a";

    public static string Number(double value, string format = "F2") => value.ToString(format, Invariant);
}
