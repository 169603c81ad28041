using Strata.MySql.Migrations;

namespace Strata.Migrate.Tests.MySql;

/// <summary>
/// Defaults as information_schema reports them, read back in Prisma's spelling. MariaDB's cases are
/// also covered on the live server; MySQL 8's (bare literals, DEFAULT_GENERATED expressions) are
/// checked here from the text MySQL 8 reports, since the tests run MariaDB only.
/// </summary>
public class MySqlDefaultTests
{
    [Theory]
    [InlineData("'it''s'", "VARCHAR(191)", "", true, "'it''s'")]
    [InlineData("NULL", "VARCHAR(191)", "", true, null)]
    [InlineData("current_timestamp(3)", "DATETIME(3)", "", true, "CURRENT_TIMESTAMP(3)")]
    [InlineData("current_timestamp()", "TIMESTAMP(0)", "", true, "CURRENT_TIMESTAMP(0)")]
    [InlineData("1", "BOOLEAN", "", true, "true")]
    [InlineData("0", "BOOLEAN", "", true, "false")]
    [InlineData("'USER'", "ENUM('USER', 'ADMIN')", "", true, "'USER'")]
    [InlineData("it's", "VARCHAR(191)", "", false, "'it''s'")]
    [InlineData("USER", "ENUM('USER', 'ADMIN')", "", false, "'USER'")]
    [InlineData("CURRENT_TIMESTAMP(3)", "DATETIME(3)", "DEFAULT_GENERATED", false, "CURRENT_TIMESTAMP(3)")]
    [InlineData("CURRENT_TIMESTAMP", "TIMESTAMP(0)", "", false, "CURRENT_TIMESTAMP(0)")]
    [InlineData("uuid()", "VARCHAR(36)", "DEFAULT_GENERATED", false, "uuid()")]
    [InlineData("7", "INTEGER", "", false, "7")]
    [InlineData("2024", "YEAR", "", false, "2024")]
    [InlineData(null, "INTEGER", "", false, null)]
    public void Reported_defaults_read_back_as_Prisma_writes_them(string? reported, string type, string extra, bool mariaDb, string? expected) =>
        Assert.Equal(expected, MySqlIntrospector.PrismaDefault(reported, type, extra, mariaDb));

    [Theory]
    [InlineData("int(11)", "INTEGER")]
    [InlineData("int(10) unsigned", "INTEGER UNSIGNED")]
    [InlineData("tinyint(1)", "BOOLEAN")]
    [InlineData("bigint(20)", "BIGINT")]
    [InlineData("decimal(65,30)", "DECIMAL(65, 30)")]
    [InlineData("datetime", "DATETIME(0)")]
    [InlineData("timestamp(3)", "TIMESTAMP(3)")]
    [InlineData("varchar(191)", "VARCHAR(191)")]
    [InlineData("enum('a','b''c')", "ENUM('a', 'b''c')")]
    [InlineData("year(4)", "YEAR")]
    public void Reported_types_read_back_as_Prisma_writes_them(string reported, string expected) =>
        Assert.Equal(expected, MySqlIntrospector.PrismaType(reported));
}
