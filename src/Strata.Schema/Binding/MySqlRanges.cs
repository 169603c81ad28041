using System.Collections.Generic;
using Strata.Schema.Diagnostics;
using Strata.Schema.Semantics;
using Strata.Schema.Text;

namespace Strata.Schema.Binding
{
    /// <summary>
    /// The argument ranges Prisma enforces for MySQL's native types. Prisma checks only these (it
    /// leaves Binary(n), VarBinary(n) and the fractional digits of Time/DateTime/Timestamp to MySQL),
    /// and reports the first one that fails.
    /// </summary>
    internal static class MySqlRanges
    {
        public static bool Check(BindContext context, SourceLocation location, string written, string typeName, List<long> values, ScalarType scalar)
        {
            string? problem = null;
            switch (typeName)
            {
                case "Decimal" when values.Count == 2:
                    long precision = values[0], scale = values[1];
                    if (scale > precision) problem = $"its scale ({scale}) is larger than its precision ({precision})";
                    else if (precision > 65) problem = "MySQL's precision goes from 1 to 65 digits";
                    else if (scale > 30) problem = "MySQL's scale goes from 0 to 30 digits";
                    break;
                case "Bit":
                    if (values[0] == 0 || values[0] > 64) problem = "MySQL's BIT holds from 1 to 64 bits";
                    else if (values[0] > 1 && scalar == ScalarType.Boolean) problem = "only `Bit(1)` holds a Boolean; use Bytes for more bits";
                    break;
                case "Char":
                    if (values[0] > 255) problem = "MySQL's CHAR holds from 0 to 255 characters";
                    break;
                case "VarChar":
                    if (values[0] > 65535) problem = "MySQL's VARCHAR holds from 0 to 65,535 characters";
                    break;
            }
            if (problem == null) return true;
            context.Error(DiagnosticCodes.InvalidNativeTypeArguments, location, $"`{written}` is out of range: {problem}.");
            return false;
        }
    }
}
