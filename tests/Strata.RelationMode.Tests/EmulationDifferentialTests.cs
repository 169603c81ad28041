using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Strata.Differential.Engine;
using Strata.RelationMode.Tests.Shop;

namespace Strata.RelationMode.Tests;

/// <summary>
/// The emulation against the database as its reference: the same random data goes into two
/// databases of the shop schema, one without foreign keys (relationMode = "prisma", written
/// through the client) and one with them (the schema in relationMode = "foreignKeys", written by
/// plain SQL, so the database carries out the actions). After each random delete or key update,
/// both must have failed or succeeded alike and hold the same rows.
/// </summary>
public class EmulationDifferentialTests : RelationModeTest
{
    private static readonly string[] Tables = ["Owner", "Tag", "Club", "Rack", "Item", "Loan", "Badge", "Card", "Note", "_OwnerToTag", "Membership", "Fee"];

    [Theory, MemberData(nameof(Providers))]
    public async Task Deletes_and_key_updates_leave_the_same_rows_as_the_database_foreign_keys(StrataProvider provider)
    {
        var reference = Path.Combine(Path.GetTempPath(), "strata-shop-fk-" + Guid.NewGuid().ToString("N") + ".prisma");
        await File.WriteAllTextAsync(reference, (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Schema/shop.prisma"))).Replace("relationMode = \"prisma\"", "relationMode = \"foreignKeys\""));
        var (emulatedUrl, emulatedFile) = await SchemaDatabase.CreateAsync(provider, "Schema/shop.prisma");
        var (referenceUrl, referenceFile) = await SchemaDatabase.CreateAsync(provider, reference);
        try
        {
            await using var db = new ShopDb(new StrataOptions { Url = emulatedUrl });
            await using var emulated = await OpenAsync(provider, emulatedUrl);
            await using var withKeys = await OpenAsync(provider, referenceUrl);
            for (int seed = 0; seed < 25; seed++)
            {
                var random = new Random(seed);
                foreach (var table in Tables.Reverse()) await RunAsync([emulated, withKeys], $"DELETE FROM \"{table}\"");
                foreach (var insert in Seed(random)) await RunAsync([emulated, withKeys], insert);
                for (int step = 0; step < 8; step++)
                {
                    var (describe, client, sql) = Operation(random);
                    var emulatedFailure = await FailureAsync(() => client(db));
                    var referenceFailure = await FailureAsync(() => RunAsync([withKeys], sql));
                    var context = $"seed {seed}, step {step}: {describe} ({sql}); emulated: {emulatedFailure?.Message ?? "ok"}; foreign keys: {referenceFailure?.Message ?? "ok"}";
                    Assert.True((emulatedFailure == null) == (referenceFailure == null), context);
                    if (emulatedFailure is StrataException { Code: not ("P2014" or "P2002") } unexpected) Assert.Fail(context + "\n" + unexpected);
                    Assert.True(await DumpAsync(withKeys) == await DumpAsync(emulated), context + "\nforeign keys:\n" + await DumpAsync(withKeys) + "\nemulated:\n" + await DumpAsync(emulated));
                }
            }
        }
        finally
        {
            SchemaDatabase.Delete(emulatedFile);
            SchemaDatabase.Delete(referenceFile);
            File.Delete(reference);
        }
    }

    /// <summary>Four owners with racks, items, loans, cards, badges, notes, tags, memberships and fees, chosen at random; foreign keys always valid.</summary>
    private static List<string> Seed(Random random)
    {
        var rows = new List<string>();
        int[] owners = [1, 2, 3, 4];
        foreach (var o in owners) rows.Add($"INSERT INTO \"Owner\" (\"id\", \"name\") VALUES ({o}, 'o{o}')");
        foreach (var t in new[] { 1, 2, 3 }) rows.Add($"INSERT INTO \"Tag\" (\"id\", \"name\") VALUES ({t}, 't{t}')");
        foreach (var c in new[] { 1, 2 }) rows.Add($"INSERT INTO \"Club\" (\"id\") VALUES ({c})");
        var items = new List<int>();
        foreach (var o in owners)
        {
            for (int r = 0; r < random.Next(3); r++)
            {
                int rack = o * 10 + r;
                rows.Add($"INSERT INTO \"Rack\" (\"id\", \"ownerId\") VALUES ({rack}, {o})");
                for (int i = 0; i < random.Next(3); i++)
                {
                    int item = rack * 10 + i;
                    items.Add(item);
                    rows.Add($"INSERT INTO \"Item\" (\"id\", \"rackId\") VALUES ({item}, {rack})");
                }
            }
        }
        foreach (var item in items.Where(_ => random.Next(4) == 0)) rows.Add($"INSERT INTO \"Loan\" (\"id\", \"itemId\") VALUES ({item}, {item})");
        foreach (var o in owners)
        {
            if (random.Next(2) == 0) rows.Add($"INSERT INTO \"Badge\" (\"id\", \"ownerName\") VALUES ({o}, 'o{o}')");
            if (random.Next(4) == 0) rows.Add($"INSERT INTO \"Card\" (\"id\", \"ownerId\") VALUES ({o}, {o})");
            if (random.Next(2) == 0) rows.Add($"INSERT INTO \"Note\" (\"id\", \"ownerId\") VALUES ({o}, {o})");
            foreach (var t in new[] { 1, 2, 3 }.Where(_ => random.Next(2) == 0)) rows.Add($"INSERT INTO \"_OwnerToTag\" (\"A\", \"B\") VALUES ({o}, {t})");
            foreach (var c in new[] { 1, 2 }.Where(_ => random.Next(2) == 0))
            {
                rows.Add($"INSERT INTO \"Membership\" (\"ownerId\", \"clubId\") VALUES ({o}, {c})");
                if (random.Next(2) == 0) rows.Add($"INSERT INTO \"Fee\" (\"id\", \"ownerId\", \"clubId\", \"amount\") VALUES ({o * 10 + c}, {o}, {c}, 5)");
            }
        }
        return rows;
    }

    /// <summary>A random delete or key update: through the client, and as the plain SQL whose foreign keys act on the reference.</summary>
    private static (string Describe, Func<ShopDb, Task> Client, string Sql) Operation(Random random)
    {
        int owner = random.Next(1, 6), by = random.Next(1, 4) * 10; // ids move far enough to rarely collide; a collision must fail on both
        return random.Next(9) switch
        {
            0 => ("delete owner", db => db.Owners.Where(o => o.Id == owner).DeleteManyAsync(), $"DELETE FROM \"Owner\" WHERE \"id\" = {owner}"),
            1 => ("delete owners", db => db.Owners.Where(o => o.Id >= owner).DeleteManyAsync(), $"DELETE FROM \"Owner\" WHERE \"id\" >= {owner}"),
            2 => ("move owner", db => db.Owners.Where(o => o.Id == owner).UpdateManyAsync(new OwnerUpdate { Id = Op.Increment(by) }), $"UPDATE \"Owner\" SET \"id\" = \"id\" + {by} WHERE \"id\" = {owner}"),
            3 => ("rename owner", db => db.Owners.Where(o => o.Id == owner).UpdateManyAsync(new OwnerUpdate { Name = "r" + owner.ToString(CultureInfo.InvariantCulture) }), $"UPDATE \"Owner\" SET \"name\" = 'r{owner}' WHERE \"id\" = {owner}"),
            4 => ("delete racks", db => db.Racks.Where(r => r.OwnerId == owner).DeleteManyAsync(), $"DELETE FROM \"Rack\" WHERE \"ownerId\" = {owner}"),
            5 => ("move racks", db => db.Racks.Where(r => r.OwnerId == owner).UpdateManyAsync(new RackUpdate { Id = Op.Increment(by * 10) }), $"UPDATE \"Rack\" SET \"id\" = \"id\" + {by * 10} WHERE \"ownerId\" = {owner}"),
            6 => ("delete items", db => db.Items.Where(i => i.RackId == owner * 10).DeleteManyAsync(), $"DELETE FROM \"Item\" WHERE \"rackId\" = {owner * 10}"),
            7 => ("delete tag", db => db.Tags.Where(t => t.Id == owner % 3 + 1).DeleteManyAsync(), $"DELETE FROM \"Tag\" WHERE \"id\" = {owner % 3 + 1}"),
            _ => ("delete club", db => db.Clubs.Where(c => c.Id == owner % 2 + 1).DeleteManyAsync(), $"DELETE FROM \"Club\" WHERE \"id\" = {owner % 2 + 1}"),
        };
    }

    private static async Task<DbConnection> OpenAsync(StrataProvider provider, string url)
    {
        DbConnection connection = provider switch
        {
            StrataProvider.Sqlite => new SqliteConnection("Data Source=" + url["file:".Length..]),
            // SchemaDatabase gives a mysql:// URL; the database is its last segment.
            StrataProvider.MySql => new MySqlConnector.MySqlConnection(new MySqlConnector.MySqlConnectionStringBuilder(Strata.TestSupport.MariaDbServer.Shared.ConnectionString) { Database = url[(url.LastIndexOf('/') + 1)..] }.ConnectionString),
            _ => new NpgsqlConnection(url),
        };
        await connection.OpenAsync();
        if (provider == StrataProvider.Sqlite) await RunAsync([connection], "PRAGMA foreign_keys = ON");
        // The plain SQL here quotes identifiers in double quotes, as standard SQL does.
        if (provider == StrataProvider.MySql) await RunAsync([connection], "SET SESSION sql_mode = CONCAT(@@sql_mode, ',ANSI_QUOTES')");
        return connection;
    }

    private static async Task RunAsync(DbConnection[] connections, string sql)
    {
        foreach (var connection in connections)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task<Exception?> FailureAsync(Func<Task> action)
    {
        try
        {
            await action();
            return null;
        }
        catch (Exception e) when (e is StrataException or DbException)
        {
            return e;
        }
    }

    /// <summary>Every row of every table, in a fixed order, as text.</summary>
    private static async Task<string> DumpAsync(DbConnection connection)
    {
        var lines = new List<string>();
        foreach (var table in Tables)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
                rows.Add(string.Join(",", Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
            rows.Sort(StringComparer.Ordinal);
            lines.Add(table + ": " + string.Join(" | ", rows));
        }
        return string.Join("\n", lines);
    }
}
