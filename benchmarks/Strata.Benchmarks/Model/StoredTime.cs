namespace Strata.Benchmarks.Model;

/// <summary>
/// DateTime as the schema stores it, so every library reads and writes the same values Strata does:
/// on SQLite integer milliseconds since 1970 (Prisma's form), on PostgreSQL timestamp(3) holding UTC
/// wall-clock time (Npgsql wants such values with an unspecified kind). In C# every value is UTC.
/// </summary>
public static class StoredTime
{
    public static long ToSqlite(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeMilliseconds();

    public static DateTime FromSqlite(long milliseconds) => DateTimeOffset.FromUnixTimeMilliseconds(milliseconds).UtcDateTime;

    public static DateTime ToPostgres(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Unspecified);

    public static DateTime FromPostgres(DateTime stored) => DateTime.SpecifyKind(stored, DateTimeKind.Utc);
}
