using Strata.Migrate.Rendering;

namespace Strata.Migrate.Tests;

public class SqlTextTests
{
    [Theory]
    [InlineData("ARRAY['a'::text, 'b'::text]", "ARRAY['a', 'b']::TEXT[]")]
    [InlineData("ARRAY['draft'::status]", "ARRAY['draft']::\"status\"[]")]
    [InlineData("'MEMBER'::\"Role\"", "'MEMBER'")]
    [InlineData("'{}'::jsonb", "'{}'")]
    [InlineData("'9007199254740993'::bigint", "9007199254740993")]
    [InlineData("'2024-01-31 12:00:00+00'::timestamp with time zone", "'2024-01-31T12:00:00Z'")]
    [InlineData("CURRENT_TIMESTAMP", "current_timestamp")]
    [InlineData("(gen_random_uuid())", "gen_random_uuid()")]
    [InlineData("'it''s'::text", "'it''s'")]
    [InlineData("ARRAY[]::text[]", "ARRAY[]::TEXT[]")]
    public void Defaults_compare_equal_as_written_and_as_introspected(string introspected, string written) =>
        Assert.Equal(SqlText.NormalizeExpression(written), SqlText.NormalizeExpression(introspected));

    [Theory]
    [InlineData("'a'", "'b'")]
    [InlineData("'A'", "'a'")]
    [InlineData("1", "2")]
    [InlineData("'2024-01-31 12:00:00+00'", "'2024-01-31T13:00:00Z'")]
    public void Different_defaults_stay_different(string a, string b) =>
        Assert.NotEqual(SqlText.NormalizeExpression(a), SqlText.NormalizeExpression(b));
}
