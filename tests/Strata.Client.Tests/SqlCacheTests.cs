using Strata.Postgres.Runtime;
using Strata.Queries;
using Strata.Sqlite.Runtime;

namespace Strata.Client.Tests;

/// <summary>The SQL cache: its key is the statement's pieces, and verification catches an entry that does not match them.</summary>
public class SqlCacheTests
{
    private static SqlWriter Write(Providers.SqlDialect dialect, Action<SqlWriter> write)
    {
        var writer = new SqlWriter(dialect);
        write(writer);
        return writer;
    }

    [Fact]
    public void Text_is_rendered_from_the_pieces_with_the_dialects_quoting_and_placeholders()
    {
        Action<SqlWriter> write = w => w.Sql("SELECT ").Identifier("a\"b").Sql(" FROM ").Table("s", "t").Sql(" WHERE x = ").Parameter(7).Sql(" LIMIT ").Number(3);
        Assert.Equal("SELECT \"a\"\"b\" FROM \"s\".\"t\" WHERE x = @p0 LIMIT 3", Write(SqliteDialect.Instance, write).ToString());
        Assert.Equal("SELECT \"a\"\"b\" FROM \"s\".\"t\" WHERE x = $1 LIMIT 3", Write(PostgresDialect.Instance, write).ToString());
    }

    [Fact]
    public void Statements_that_differ_only_in_an_identifier_have_different_keys()
    {
        var cache = new SqlCache(verify: true);
        var a = Write(SqliteDialect.Instance, w => w.Sql("SELECT 1 FROM t WHERE ").Identifier("invitedById").Sql(" = ").Parameter(1));
        var b = Write(SqliteDialect.Instance, w => w.Sql("SELECT 1 FROM t WHERE ").Identifier("mentorIdXX1").Sql(" = ").Parameter(1));
        Assert.Contains("invitedById", cache.GetOrAdd(SqliteDialect.Instance, a.Pieces));
        Assert.Contains("mentorIdXX1", cache.GetOrAdd(SqliteDialect.Instance, b.Pieces));
        Assert.Equal(2, cache.Count);
        // The same statement again, from other string instances with the same text: a hit.
        var c = Write(SqliteDialect.Instance, w => w.Sql(new string("SELECT 1 FROM t WHERE ".AsSpan())).Identifier(new string("invitedById".AsSpan())).Sql(" = ").Parameter(99));
        Assert.Contains("invitedById", cache.GetOrAdd(SqliteDialect.Instance, c.Pieces));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Verification_fails_loudly_when_a_cached_text_differs_from_the_fresh_one()
    {
        var cache = new SqlCache(verify: true);
        var writer = Write(SqliteDialect.Instance, w => w.Sql("SELECT ").Identifier("id").Sql(" FROM ").Identifier("users"));
        cache.Put(writer.Pieces, "SELECT \"email\" FROM \"users\"");
        var error = Assert.Throws<InvalidOperationException>(() => cache.GetOrAdd(SqliteDialect.Instance, writer.Pieces));
        Assert.Contains("SELECT \"id\" FROM \"users\"", error.Message);

        var unchecked_ = new SqlCache(verify: false);
        unchecked_.Put(writer.Pieces, "wrong");
        Assert.Equal("wrong", unchecked_.GetOrAdd(SqliteDialect.Instance, writer.Pieces));
    }

    [Fact]
    public void A_cache_hit_allocates_nothing()
    {
        var cache = new SqlCache(verify: false);
        var writer = Write(PostgresDialect.Instance, w => w.Sql("SELECT ").Identifier("id").Sql(" FROM ").Table("s", "users").Sql(" WHERE ").Identifier("id").Sql(" = ").Parameter(1));
        var sql = cache.GetOrAdd(PostgresDialect.Instance, writer.Pieces);
        cache.GetOrAdd(PostgresDialect.Instance, writer.Pieces); // warm
        long before = GC.GetAllocatedBytesForCurrentThread();
        var again = cache.GetOrAdd(PostgresDialect.Instance, writer.Pieces);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Same(sql, again);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void The_test_suite_runs_with_verification_on()
    {
        // test.sh sets STRATA_VERIFY_SQL_CACHE=1 for the whole run; outside it this says nothing.
        if (Environment.GetEnvironmentVariable("STRATA_VERIFY_SQL_CACHE") != "1") return;
        Assert.True(SqliteDialect.Instance.Cache.Verify);
        Assert.True(PostgresDialect.Instance.Cache.Verify);
    }
}
