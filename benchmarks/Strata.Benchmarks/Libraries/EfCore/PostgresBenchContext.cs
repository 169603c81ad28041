using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Strata.Benchmarks.Model;

namespace Strata.Benchmarks.Libraries.EfCore;

/// <summary>EF Core on PostgreSQL: DateTime in timestamp(3) columns holding UTC, through a value converter that sets the kind.</summary>
public sealed class PostgresBenchContext(DbContextOptions<PostgresBenchContext> options) : BenchContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        // The tables have serial keys (Prisma's), not the identity columns Npgsql's provider assumes.
        modelBuilder.UseSerialColumns();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        configurationBuilder.Properties<DateTime>().HaveColumnType("timestamp(3)").HaveConversion<UtcConverter>();

    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(v => StoredTime.ToPostgres(v), v => StoredTime.FromPostgres(v));
}
