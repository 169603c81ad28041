namespace Strata.Differential.Engine;

/// <summary>
/// The seed of one generated case, from the run's seed, the suite's name and the case's number.
/// Not <see cref="HashCode.Combine{T1, T2}"/>: it (and a string's hash code) is randomised per
/// process, so "case 17 of seed 20261202" would name a different query in the next run.
/// </summary>
public static class CaseSeed
{
    public static int Of(int seed, string suite, int index)
    {
        // FNV-1a over the three parts: stable across processes and machines.
        uint hash = 2166136261;
        void Mix(int value)
        {
            for (int shift = 0; shift < 32; shift += 8) hash = (hash ^ (uint)((value >> shift) & 0xFF)) * 16777619;
        }
        Mix(seed);
        foreach (char c in suite) Mix(c);
        Mix(index);
        return (int)hash;
    }
}
