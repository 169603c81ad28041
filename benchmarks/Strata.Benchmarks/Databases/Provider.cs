namespace Strata.Benchmarks.Databases;

/// <summary>The databases every scenario runs on.</summary>
public enum Provider
{
    Sqlite,
    PostgreSql,
}
