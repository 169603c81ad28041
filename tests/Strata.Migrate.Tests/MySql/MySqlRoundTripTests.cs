using MySqlConnector;
using Strata.Migrate.Diffing;
using Strata.Migrate.History;
using Strata.Migrate.Model;
using Strata.Migrate.Planning;
using Strata.MySql.Migrations;
using Strata.Schema;
using Strata.Schema.Semantics;
using Strata.TestSupport;

namespace Strata.Migrate.Tests.MySql;

/// <summary>
/// On a real MariaDB: a schema created from nothing (through the migration runner, statement by
/// statement) reads back with no difference to it; a change is seen as exactly that change.
/// </summary>
public class MySqlRoundTripTests
{
    private static readonly MySqlMigrationDialect Dialect = new();

    /// <summary>The test schemas that need no other provider's features, switched to provider mysql.</summary>
    public static TheoryData<string> Schemas()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Schemas", "valid"), "*.prisma").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            // PostgreSQL's native types, scalar lists and database schemas have no MySQL form.
            if (text.Contains("@db.", StringComparison.Ordinal) || text.Contains("schemas", StringComparison.Ordinal) || System.Text.RegularExpressions.Regex.IsMatch(text, @"\b(String|Int|Boolean|DateTime|Float)\[\]")) continue;
            // Others that MySQL cannot hold are refused by the validator, as by Prisma (a named primary key, for one).
            if (SchemaCompilation.FromText(AsMySql(text)).HasErrors) continue;
            data.Add(Path.GetFileName(file));
        }
        return data;
    }

    private static string AsMySql(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, "provider\\s*=\\s*\"(sqlite|postgresql)\"", "provider = \"mysql\"");

    internal static SchemaDefinition CompileAsMySql(string text)
    {
        var compilation = SchemaCompilation.FromText(AsMySql(text));
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        return compilation.Schema;
    }

    internal static async Task<MySqlConnection> OpenFreshDatabaseAsync()
    {
        var connection = new MySqlConnection(await MariaDbServer.Shared.CreateDatabaseAsync("roundtrip"));
        await connection.OpenAsync();
        return connection;
    }

    [Fact]
    public void Most_test_schemas_are_valid_MySQL_schemas() =>
        // Of the 11, those without native types, schemas or lists, and that MySQL's rules accept (mapped-names names its primary key).
        Assert.True(Schemas().Count >= 6, string.Join(", ", ((IEnumerable<object[]>)Schemas()).Select(r => r[0])));

    [Theory]
    [MemberData(nameof(Schemas))]
    public async Task Round_trip_has_no_difference(string file)
    {
        var schema = CompileAsMySql(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "valid", file)));
        await using var connection = await OpenFreshDatabaseAsync();
        var target = SchemaMapper.Map(schema, Dialect);
        await new MigrationRunner(connection, Dialect).ExecuteScriptAsync(Dialect.Render(MigrationPlanner.CreateAll(target, Dialect)));
        var live = await new MySqlIntrospector().IntrospectAsync(connection, []);
        Assert.Empty(SchemaDiffer.Diff(live, target, Dialect));
    }

    [Fact]
    public async Task Every_type_and_default_reads_back_as_written()
    {
        var schema = SchemaCompilation.FromText(TypesSchema).Schema;
        await using var connection = await OpenFreshDatabaseAsync();
        var target = SchemaMapper.Map(schema, Dialect);
        await new MigrationRunner(connection, Dialect).ExecuteScriptAsync(Dialect.Render(MigrationPlanner.CreateAll(target, Dialect)));
        var live = await new MySqlIntrospector().IntrospectAsync(connection, []);
        var steps = SchemaDiffer.Diff(live, target, Dialect);
        Assert.True(steps.Count == 0, Dialect.Render(steps));
        // The introspected text is Prisma's spelling itself, not only equal to it.
        var table = live.FindTable("T")!;
        Assert.Equal(target.FindTable("T")!.Columns.Select(c => (c.Name, c.Type, c.Nullable)), table.Columns.Select(c => (c.Name, c.Type, c.Nullable)));
    }

    [Fact]
    public async Task A_change_is_seen_as_that_change_and_applies()
    {
        await using var connection = await OpenFreshDatabaseAsync();
        var before = SchemaMapper.Map(SchemaCompilation.FromText(TypesSchema).Schema, Dialect);
        var runner = new MigrationRunner(connection, Dialect);
        await runner.ExecuteScriptAsync(Dialect.Render(MigrationPlanner.CreateAll(before, Dialect)));
        var changed = TypesSchema.Replace("name   String?", "name   String   @default(\"x\")").Replace("e      E       @default(A)", "e      E?").Replace("@@index([name])", "@@index([name, n])");
        var after = SchemaMapper.Map(SchemaCompilation.FromText(changed).Schema, Dialect);
        var live = await new MySqlIntrospector().IntrospectAsync(connection, []);
        var sql = Dialect.Render(SchemaDiffer.Diff(live, after, Dialect));
        Assert.Equal("""
            -- DropIndex
            DROP INDEX `T_name_idx` ON `T`;

            -- AlterTable
            ALTER TABLE `T` MODIFY `name` VARCHAR(191) NOT NULL DEFAULT 'x',
                MODIFY `e` ENUM('A', 'B') NULL;

            -- CreateIndex
            CREATE INDEX `T_name_n_idx` ON `T`(`name`, `n`);

            """, sql);
        await runner.ExecuteScriptAsync(sql);
        Assert.Empty(SchemaDiffer.Diff(await new MySqlIntrospector().IntrospectAsync(connection, []), after, Dialect));
    }

    private const string TypesSchema = """
        datasource db {
          provider = "mysql"
        }

        model T {
          id     Int      @id @default(autoincrement())
          name   String?
          n      Int      @default(7)
          big    BigInt   @default(-3)
          f      Float    @default(2.5)
          d      Decimal  @default(1.25)
          dd     Decimal  @db.Decimal(10, 2)
          ok     Boolean  @default(false)
          at     DateTime @default(now())
          ts     DateTime @default(now()) @db.Timestamp(0)
          day    DateTime @db.Date
          j      Json?
          b      Bytes?
          e      E       @default(A)
          v      String   @db.VarChar(36)
          c      String   @db.Char(2)
          t      String   @db.Text
          lt     String   @db.LongText
          ti     Int      @db.TinyInt
          ui     Int      @db.UnsignedInt
          mi     Int      @db.MediumInt
          ub     BigInt   @db.UnsignedBigInt
          fl     Float    @db.Float
          bit    Boolean  @db.Bit(1)
          vb     Bytes    @db.VarBinary(16)
          y      Int      @db.Year
          tm     DateTime @db.Time(3)
          s      String   @default("it's")

          @@unique([v, c])
          @@index([name])
        }

        enum E {
          A
          B
        }
        """;

    private const string OwnerPet = """
        datasource db {
          provider = "mysql"
        }

        model Owner {
          id   Int   @id
          pets Pet[]
        }

        model Pet {
          id      Int    @id
          name    String
          tag     String
          ownerId Int
          owner   Owner  @relation(fields: [ownerId], references: [id])
          INDEX
        }
        """;

    /// <summary>Applies the change from one schema to the other on MariaDB; returns its SQL, after checking that nothing is left to change.</summary>
    private static async Task<string> ApplyChangeAsync(string before, string after)
    {
        await using var connection = await OpenFreshDatabaseAsync();
        var runner = new MigrationRunner(connection, Dialect);
        await runner.ExecuteScriptAsync(Dialect.Render(MigrationPlanner.CreateAll(SchemaMapper.Map(SchemaCompilation.FromText(before).Schema, Dialect), Dialect)));
        var target = SchemaMapper.Map(SchemaCompilation.FromText(after).Schema, Dialect);
        var sql = Dialect.Render(SchemaDiffer.Diff(await new MySqlIntrospector().IntrospectAsync(connection, []), target, Dialect));
        await runner.ExecuteScriptAsync(sql);
        var left = SchemaDiffer.Diff(await new MySqlIntrospector().IntrospectAsync(connection, []), target, Dialect);
        Assert.True(left.Count == 0, $"{sql}\nleft:\n{Dialect.Render(left)}");
        return sql;
    }

    [Fact]
    public async Task The_index_MySQL_made_for_a_foreign_key_stays_with_it()
    {
        // No index on ownerId in the schema: the server made `Pet_ownerId_fkey`, and dropping another index leaves it.
        var sql = await ApplyChangeAsync(OwnerPet.Replace("INDEX", "@@index([name])"), OwnerPet.Replace("INDEX", ""));
        Assert.Equal("-- DropIndex\nDROP INDEX `Pet_name_idx` ON `Pet`;\n", sql);
    }

    [Fact]
    public async Task A_foreign_key_is_dropped_and_added_again_around_a_change_of_the_index_it_relies_on()
    {
        var sql = await ApplyChangeAsync(OwnerPet.Replace("INDEX", "@@index([ownerId, name])"), OwnerPet.Replace("INDEX", "@@index([ownerId, tag])"));
        Assert.Equal("""
            -- DropForeignKey
            ALTER TABLE `Pet` DROP FOREIGN KEY `Pet_ownerId_fkey`;

            -- DropIndex
            DROP INDEX `Pet_ownerId_name_idx` ON `Pet`;

            -- CreateIndex
            CREATE INDEX `Pet_ownerId_tag_idx` ON `Pet`(`ownerId`, `tag`);

            -- AddForeignKey
            ALTER TABLE `Pet` ADD CONSTRAINT `Pet_ownerId_fkey` FOREIGN KEY (`ownerId`) REFERENCES `Owner`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

            """, sql);
    }

    [Fact]
    public async Task A_dropped_relation_takes_the_unique_that_covered_it()
    {
        var without = OwnerPet.Replace("  pets Pet[]\n", "").Replace("  ownerId Int\n  owner   Owner  @relation(fields: [ownerId], references: [id])\n", "").Replace("INDEX", "");
        await ApplyChangeAsync(OwnerPet.Replace("INDEX", "@@unique([ownerId, name])"), without);
    }
}
