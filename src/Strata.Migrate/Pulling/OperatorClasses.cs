namespace Strata.Migrate.Pulling;

/// <summary>PostgreSQL operator classes as an index's <c>ops:</c> argument: Prisma's name where the schema language has one, <c>raw("...")</c> otherwise.</summary>
internal static class OperatorClasses
{
    // The operator classes the schema language names (GIN, GiST, SP-GiST and BRIN ones), by their PostgreSQL name.
    private static readonly Dictionary<string, string> Named = Build();

    public static string Argument(string operatorClass) =>
        Named.TryGetValue(operatorClass, out var name) ? name : $"raw(\"{PslNames.Escape(operatorClass)}\")";

    private static Dictionary<string, string> Build()
    {
        var named = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["jsonb_ops"] = "JsonbOps",
            ["jsonb_path_ops"] = "JsonbPathOps",
            ["array_ops"] = "ArrayOps",
            ["inet_ops"] = "InetOps",
            ["text_ops"] = "TextOps",
            ["inet_inclusion_ops"] = "InetInclusionOps",
        };
        // BRIN: {type}_minmax_ops, {type}_minmax_multi_ops and {type}_bloom_ops, for these types.
        var types = new Dictionary<string, string>
        {
            ["bit"] = "Bit", ["varbit"] = "VarBit", ["bpchar"] = "Bpchar", ["bytea"] = "Bytea", ["date"] = "Date",
            ["float4"] = "Float4", ["float8"] = "Float8", ["inet"] = "Inet", ["int2"] = "Int2", ["int4"] = "Int4",
            ["int8"] = "Int8", ["numeric"] = "Numeric", ["oid"] = "Oid", ["text"] = "Text", ["timestamp"] = "Timestamp",
            ["timestamptz"] = "TimestampTz", ["time"] = "Time", ["timetz"] = "TimeTz", ["uuid"] = "Uuid",
        };
        foreach (var (sql, psl) in types)
        {
            named[$"{sql}_minmax_ops"] = psl + "MinMaxOps";
            named[$"{sql}_minmax_multi_ops"] = psl + "MinMaxMultiOps";
            named[$"{sql}_bloom_ops"] = psl + "BloomOps";
        }
        return named;
    }
}
