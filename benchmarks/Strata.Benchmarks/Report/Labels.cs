using Strata.Benchmarks.Scenarios;

namespace Strata.Benchmarks.Report;

/// <summary>What each benchmark method is called in the report.</summary>
public static class Labels
{
    public static string Of(Type scenario, string method) => (scenario.Name, method) switch
    {
        (nameof(RelationsBenchmarks), "AdoNet") => "ADO.NET, batched queries",
        (nameof(InsertManyBenchmarks), "AdoNet") => "ADO.NET best (SQLite: prepared INSERTs; PostgreSQL: binary COPY)",
        (nameof(InsertLoopBenchmarks), "AdoNet") => "ADO.NET, prepared INSERT per row",
        (nameof(InsertManyBenchmarks), "Strata") => "Strata CreateMany",
        (nameof(InsertLoopBenchmarks), "Strata") => "Strata Create per row",
        (nameof(InsertManyBenchmarks), "Dapper") => "Dapper, list parameter",
        (nameof(InsertLoopBenchmarks), "Dapper") => "Dapper, Execute per row",
        (nameof(RelationsBenchmarks), "Dapper") => "Dapper, batched queries",
        (nameof(RelationsBenchmarks), "Strata") => "Strata Include",
        (_, "AdoNet") => "ADO.NET (hand-written)",
        (_, "AdoNetPooled") => "ADO.NET, pooled connection, unprepared (reference)",
        (_, "AdoNetReturning") => "ADO.NET, prepared INSERT ... RETURNING per row, row read back (reference)",
        (_, "Dapper") => "Dapper",
        (_, "EfCoreTracking") => "EF Core, tracking",
        (_, "EfCoreNoTracking") => "EF Core, no tracking",
        (_, "EfCoreCompiled") => "EF Core, compiled query",
        (_, "EfCoreSingleQuery") => "EF Core Include, single query",
        (_, "EfCoreSplitQuery") => "EF Core Include, split query",
        (_, "EfCoreAddRange") => "EF Core AddRange + SaveChanges",
        (_, "EfCoreExecuteUpdate") => "EF Core ExecuteUpdate",
        (_, "Strata") => "Strata",
        _ => method,
    };

    public static string Provider(Databases.Provider provider) => provider == Databases.Provider.Sqlite ? "SQLite" : "PostgreSQL";
}
