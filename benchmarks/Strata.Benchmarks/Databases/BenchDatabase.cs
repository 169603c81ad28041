namespace Strata.Benchmarks.Databases;

/// <summary>One seeded database: what each library is given to connect to it.</summary>
/// <param name="Provider">SQLite or PostgreSQL.</param>
/// <param name="ConnectionString">The driver's connection string, for hand-written ADO.NET, Dapper and EF Core.</param>
/// <param name="StrataUrl">What an application gives Strata's client for the same database.</param>
public sealed record BenchDatabase(Provider Provider, string ConnectionString, string StrataUrl);
