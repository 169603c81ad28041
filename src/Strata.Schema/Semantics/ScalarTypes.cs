namespace Strata.Schema.Semantics
{
    /// <summary>Names of the scalar types as written in schemas.</summary>
    public static class ScalarTypes
    {
        /// <summary>All scalar type names.</summary>
        public static readonly string[] Names = { "String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes" };

        /// <summary>The scalar type with this exact name.</summary>
        public static bool TryParse(string name, out ScalarType type)
        {
            for (int i = 0; i < Names.Length; i++)
            {
                if (Names[i] == name)
                {
                    type = (ScalarType)i;
                    return true;
                }
            }
            type = default;
            return false;
        }
    }
}
