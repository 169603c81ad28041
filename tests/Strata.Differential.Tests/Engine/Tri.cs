namespace Strata.Differential.Engine;

/// <summary>SQL's three truth values: a comparison with NULL is neither true nor false, and WHERE keeps only true rows.</summary>
public enum Tri { False, True, Unknown }

public static class TriLogic
{
    public static Tri Of(bool value) => value ? Tri.True : Tri.False;

    public static Tri Not(Tri a) => a switch { Tri.True => Tri.False, Tri.False => Tri.True, _ => Tri.Unknown };

    public static Tri And(Tri a, Tri b) => a == Tri.False || b == Tri.False ? Tri.False : a == Tri.True && b == Tri.True ? Tri.True : Tri.Unknown;

    public static Tri Or(Tri a, Tri b) => a == Tri.True || b == Tri.True ? Tri.True : a == Tri.False && b == Tri.False ? Tri.False : Tri.Unknown;
}
