namespace Strata.Benchmarks.Verify;

/// <summary>Libraries disagree on a scenario's data: nothing is measured then.</summary>
public sealed class VerificationException(string message) : Exception(message);
