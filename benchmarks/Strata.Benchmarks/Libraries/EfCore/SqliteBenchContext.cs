using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Strata.Benchmarks.Model;

namespace Strata.Benchmarks.Libraries.EfCore;

/// <summary>EF Core on SQLite: DateTime as integer milliseconds through a value converter (EF's documented way to store a type differently).</summary>
public sealed class SqliteBenchContext(DbContextOptions<SqliteBenchContext> options) : BenchContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveConversion<MillisecondsConverter>();

    private sealed class MillisecondsConverter() : ValueConverter<DateTime, long>(v => StoredTime.ToSqlite(v), v => StoredTime.FromSqlite(v));
}
