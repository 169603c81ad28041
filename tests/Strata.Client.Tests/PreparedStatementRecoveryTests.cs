namespace Strata.Client.Tests;

/// <summary>
/// A statement that fails at run time again and again on PostgreSQL (Npgsql prepares it on its
/// second run) must not break its later successful runs on the pooled connection. (Inside one
/// transaction that goes on after savepoints rolled back, Npgsql 10.0.0 can still trip on it; see
/// docs/transactions.md.)
/// </summary>
public class PreparedStatementRecoveryTests : ClientTest
{
    private static readonly int[] Divisors = [0, 0, 1, 0, 1, 1, 0, 0, 0, 1];

    [Fact]
    public Task Runs_after_repeated_failures_of_the_same_statement_succeed() => WithClient(StrataProvider.PostgreSql, async db =>
    {
        await SeedAsync(db);
        foreach (var x in Divisors)
        {
            try { Assert.Equal([1, 1, 1], await db.QueryRawAsync<int>($"SELECT 1 / {x} FROM users")); }
            catch (StrataException e) when (x == 0) { Assert.Contains("division by zero", e.Message); }
            try { Assert.Equal(3, await db.Users.Where(u => u.Email.Contains(x == 0 ? "\0" : "@")).CountAsync()); } // NUL: refused by the server
            catch (StrataException e) when (x == 0) { Assert.Equal("P2010", e.Code); }
        }
    });
}
