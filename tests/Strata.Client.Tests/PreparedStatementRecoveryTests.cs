namespace Strata.Client.Tests;

/// <summary>
/// A statement that fails at run time again and again on one PostgreSQL connection (Npgsql prepares
/// it on its second run) must not break its later successful runs, on the pooled connection or in a
/// transaction going on after a savepoint rolled back.
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

    [Fact]
    public Task Runs_after_failures_inside_savepoints_succeed_in_the_same_transaction() => WithClient(StrataProvider.PostgreSql, async db =>
    {
        await SeedAsync(db);
        int succeeded = 0;
        await db.TransactionAsync(async tx =>
        {
            foreach (var x in Divisors)
            {
                try
                {
                    await tx.TransactionAsync(async inner => Assert.Equal([1, 1, 1], await inner.QueryRawAsync<int>($"SELECT 1 / {x} FROM users")));
                    succeeded++;
                }
                catch (StrataException e) when (x == 0) { Assert.Contains("division by zero", e.Message); }
            }
        });
        Assert.Equal(Divisors.Count(x => x == 1), succeeded);
    });
}
