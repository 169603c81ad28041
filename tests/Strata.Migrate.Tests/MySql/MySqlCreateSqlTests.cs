using Strata.Migrate.Model;
using Strata.Migrate.Planning;
using Strata.MySql.Migrations;
using Strata.Schema;

namespace Strata.Migrate.Tests.MySql;

/// <summary>
/// The from-empty SQL of a schema on MySQL, in the form Prisma's engine writes it (its MySQL renderer:
/// CREATE TABLE with NULL written out, inline indexes and primary key, utf8mb4 with Prisma's collation,
/// foreign keys by ALTER TABLE afterwards). Checked by hand against the renderer's source and real
/// Prisma MySQL migrations, since the installed schema engine has no MySQL connector to ask.
/// </summary>
public class MySqlCreateSqlTests
{
    internal static string CreateSql(string schemaText)
    {
        var compilation = SchemaCompilation.FromText(schemaText);
        Assert.False(compilation.HasErrors, string.Join("\n", compilation.Diagnostics));
        var dialect = new MySqlMigrationDialect();
        return dialect.Render(MigrationPlanner.CreateAll(SchemaMapper.Map(compilation.Schema, dialect), dialect));
    }

    private const string Blog = """
        datasource db {
          provider = "mysql"
        }

        model User {
          id        Int      @id @default(autoincrement())
          email     String   @unique
          name      String?
          role      Role     @default(USER)
          score     Float    @default(1.5)
          balance   Decimal
          views     BigInt   @default(0)
          active    Boolean  @default(true)
          createdAt DateTime @default(now())
          stamp     DateTime @default(now()) @db.Timestamp(0)
          profile   Json?
          avatar    Bytes?
          code      String   @db.Char(8)
          bio       String   @db.Text
          age       Int      @db.UnsignedSmallInt
          posts     Post[]
        }

        model Post {
          id       String @id @default(uuid()) @db.VarChar(36)
          title    String @default("it's")
          authorId Int
          author   User   @relation(fields: [authorId], references: [id], onDelete: Cascade)
          tags     Tag[]

          @@index([authorId, title(sort: Desc)])
        }

        model Tag {
          id    Int    @id
          posts Post[]
        }

        enum Role {
          USER
          ADMIN
        }
        """;

    [Fact]
    public void From_empty_is_Prismas_MySQL_DDL()
    {
        Assert.Equal("""
            -- CreateTable
            CREATE TABLE `User` (
                `id` INTEGER NOT NULL AUTO_INCREMENT,
                `email` VARCHAR(191) NOT NULL,
                `name` VARCHAR(191) NULL,
                `role` ENUM('USER', 'ADMIN') NOT NULL DEFAULT 'USER',
                `score` DOUBLE NOT NULL DEFAULT 1.5,
                `balance` DECIMAL(65, 30) NOT NULL,
                `views` BIGINT NOT NULL DEFAULT 0,
                `active` BOOLEAN NOT NULL DEFAULT true,
                `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
                `stamp` TIMESTAMP(0) NOT NULL DEFAULT CURRENT_TIMESTAMP(0),
                `profile` JSON NULL,
                `avatar` LONGBLOB NULL,
                `code` CHAR(8) NOT NULL,
                `bio` TEXT NOT NULL,
                `age` SMALLINT UNSIGNED NOT NULL,

                UNIQUE INDEX `User_email_key`(`email`),
                PRIMARY KEY (`id`)
            ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

            -- CreateTable
            CREATE TABLE `Post` (
                `id` VARCHAR(36) NOT NULL,
                `title` VARCHAR(191) NOT NULL DEFAULT 'it''s',
                `authorId` INTEGER NOT NULL,

                INDEX `Post_authorId_title_idx`(`authorId`, `title` DESC),
                PRIMARY KEY (`id`)
            ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

            -- CreateTable
            CREATE TABLE `Tag` (
                `id` INTEGER NOT NULL,

                PRIMARY KEY (`id`)
            ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

            -- CreateTable
            CREATE TABLE `_PostToTag` (
                `A` VARCHAR(36) NOT NULL,
                `B` INTEGER NOT NULL,

                UNIQUE INDEX `_PostToTag_AB_unique`(`A`, `B`),
                INDEX `_PostToTag_B_index`(`B`)
            ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

            -- AddForeignKey
            ALTER TABLE `Post` ADD CONSTRAINT `Post_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

            -- AddForeignKey
            ALTER TABLE `_PostToTag` ADD CONSTRAINT `_PostToTag_A_fkey` FOREIGN KEY (`A`) REFERENCES `Post`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

            -- AddForeignKey
            ALTER TABLE `_PostToTag` ADD CONSTRAINT `_PostToTag_B_fkey` FOREIGN KEY (`B`) REFERENCES `Tag`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

            """, CreateSql(Blog));
    }

    [Fact]
    public void Relation_mode_prisma_writes_no_foreign_keys_and_keeps_the_written_indexes()
    {
        var sql = CreateSql(Blog.Replace("provider = \"mysql\"", "provider = \"mysql\"\n  relationMode = \"prisma\""));
        Assert.DoesNotContain("FOREIGN KEY", sql);
        Assert.Contains("INDEX `Post_authorId_title_idx`(`authorId`, `title` DESC)", sql);
    }

    [Fact]
    public void Default_names_are_shortened_to_MySQLs_64_characters()
    {
        var sql = CreateSql("""
            datasource db {
              provider = "mysql"
            }

            model AVeryLongModelNameThatGoesOnAndOn {
              id                                 Int @id
              anotherRatherLongColumnNameForIndex Int

              @@index([anotherRatherLongColumnNameForIndex])
            }
            """);
        var name = "AVeryLongModelNameThatGoesOnAndOn_anotherRatherLongColumnNameForIndex"[..60] + "_idx";
        Assert.Equal(64, name.Length);
        Assert.Contains($"INDEX `{name}`(`anotherRatherLongColumnNameForIndex`)", sql);
    }

    [Fact]
    public void Foreign_key_names_are_shortened_to_64_characters_too()
    {
        var sql = CreateSql("""
            datasource db {
              provider = "mysql"
            }

            model Owner {
              id   Int   @id
              pets Pet[]
            }

            model Pet {
              id                                                       Int   @id
              theOwnerOfThisPetWhoFeedsItEveryMorningAndEveryEveningId Int
              owner                                                    Owner @relation(fields: [theOwnerOfThisPetWhoFeedsItEveryMorningAndEveryEveningId], references: [id])
            }
            """);
        var name = "Pet_theOwnerOfThisPetWhoFeedsItEveryMorningAndEveryEveningId"[..59] + "_fkey";
        Assert.Equal(64, name.Length);
        Assert.Contains($"ADD CONSTRAINT `{name}` FOREIGN KEY", sql);
    }

    private const string FullTextSchema = """
        datasource db {
          provider = "mysql"
        }

        model Post {
          id      Int    @id
          title   String @db.VarChar(255)
          content String @db.Text

          @@index([content(length: 10)])
          @@fulltext([title, content])
        }
        """;

    [Fact]
    public void Full_text_indexes_and_prefix_lengths_are_written_as_Prisma_writes_them()
    {
        var sql = CreateSql(FullTextSchema);
        Assert.Contains("    INDEX `Post_content_idx`(`content`(10)),\n", sql);
        Assert.Contains("    FULLTEXT INDEX `Post_title_content_idx`(`title`, `content`),\n", sql);
    }

    [Fact]
    public async Task Full_text_indexes_and_prefix_lengths_read_back_with_no_difference()
    {
        var dialect = new MySqlMigrationDialect();
        var target = SchemaMapper.Map(SchemaCompilation.FromText(FullTextSchema).Schema, dialect);
        await using var connection = await MySqlRoundTripTests.OpenFreshDatabaseAsync();
        await new Strata.Migrate.History.MigrationRunner(connection, dialect).ExecuteScriptAsync(dialect.Render(MigrationPlanner.CreateAll(target, dialect)));
        var live = await new MySqlIntrospector().IntrospectAsync(connection, []);
        Assert.Empty(Strata.Migrate.Diffing.SchemaDiffer.Diff(live, target, dialect));
        Assert.Contains(live.Tables[0].Indexes, i => i.Method == "FULLTEXT" && i.Columns.Count == 2);
        Assert.Contains(live.Tables[0].Indexes, i => i.Columns is [{ Name: "content", Length: 10 }]);
    }
}
