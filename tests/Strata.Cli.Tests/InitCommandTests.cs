using Strata.Schema;

namespace Strata.Cli.Tests;

public class InitCommandTests
{
    [Fact]
    public void Init_creates_a_valid_sqlite_schema_and_env_with_a_working_default()
    {
        using var cli = new CliRunner();
        var (code, output, _) = cli.Run("init");
        Assert.Equal(0, code);
        Assert.Contains("Created prisma/schema.prisma", output);
        var schema = cli.Read("prisma/schema.prisma");
        Assert.Contains("provider = \"sqlite\"", schema);
        Assert.Contains("url      = env(\"DATABASE_URL\")", schema);
        Assert.Contains("provider = \"strata\"", schema);
        Assert.Contains("// model User {", schema);
        Assert.Contains("DATABASE_URL=\"file:./dev.db\"", cli.Read(".env"));
        var compilation = SchemaCompilation.FromText(schema);
        Assert.Empty(compilation.Diagnostics);
        Assert.True(compilation.Schema.Generators.Single().IsStrata);
        Assert.Equal(0, cli.Run("validate").Code);
        Assert.Equal(0, cli.Run("format", "--check").Code);
    }

    [Fact]
    public void Init_for_postgresql_uses_the_given_url()
    {
        using var cli = new CliRunner();
        var (code, _, _) = cli.Run("init", "--datasource-provider", "postgresql", "--url", "postgresql://u:p@127.0.0.1:5433/app");
        Assert.Equal(0, code);
        Assert.Contains("provider = \"postgresql\"", cli.Read("prisma/schema.prisma"));
        Assert.Contains("DATABASE_URL=\"postgresql://u:p@127.0.0.1:5433/app\"", cli.Read(".env"));
        Assert.Equal(Strata.Schema.Semantics.ProviderKind.PostgreSql, SchemaCompilation.FromText(cli.Read("prisma/schema.prisma")).Schema.Provider);
    }

    [Fact]
    public void Init_for_mysql_writes_a_mysql_schema_and_a_default_url()
    {
        using var cli = new CliRunner();
        var (code, _, _) = cli.Run("init", "--datasource-provider", "mysql");
        Assert.Equal(0, code);
        Assert.Contains("provider = \"mysql\"", cli.Read("prisma/schema.prisma"));
        Assert.Contains("DATABASE_URL=\"mysql://root:password@localhost:3306/app\"", cli.Read(".env"));
        var compiled = SchemaCompilation.FromText(cli.Read("prisma/schema.prisma"));
        Assert.Equal(Strata.Schema.Semantics.ProviderKind.MySql, compiled.Schema.Provider);
        Assert.DoesNotContain(compiled.Diagnostics, d => d.IsError);
    }

    [Fact]
    public void Init_refuses_to_overwrite_an_existing_schema()
    {
        using var cli = new CliRunner();
        cli.Write("prisma/schema.prisma", "// mine\n");
        var (code, _, error) = cli.Run("init");
        Assert.Equal(1, code);
        Assert.Contains("already exists at prisma/schema.prisma", error);
        Assert.Equal("// mine\n", cli.Read("prisma/schema.prisma"));
        Assert.False(File.Exists(cli.PathOf(".env")));
    }

    [Fact]
    public void Init_refuses_when_a_schema_prisma_is_in_the_folder()
    {
        using var cli = new CliRunner();
        cli.Write("schema.prisma", "// mine\n");
        Assert.Equal(1, cli.Run("init").Code);
        Assert.False(File.Exists(cli.PathOf("prisma/schema.prisma")));
    }

    [Fact]
    public void Init_keeps_an_existing_database_url_and_adds_one_where_missing()
    {
        using var keep = new CliRunner();
        keep.Write(".env", "DATABASE_URL=\"file:./mine.db\"\n");
        Assert.Equal(0, keep.Run("init").Code);
        Assert.Equal("DATABASE_URL=\"file:./mine.db\"\n", keep.Read(".env"));

        using var add = new CliRunner();
        add.Write(".env", "OTHER=1");
        Assert.Equal(0, add.Run("init").Code);
        Assert.Equal("OTHER=1\nDATABASE_URL=\"file:./dev.db\"\n", add.Read(".env"));
    }

    [Fact]
    public void Init_rejects_an_unknown_provider()
    {
        using var cli = new CliRunner();
        var (code, _, error) = cli.Run("init", "--datasource-provider", "oracle");
        Assert.Equal(1, code);
        Assert.Contains("oracle", error);
        Assert.False(File.Exists(cli.PathOf("prisma/schema.prisma")));
    }
}
