using System.Collections.Generic;
using Strata.Schema.Semantics;

namespace Strata.Schema.Binding
{
    /// <summary>How many arguments a native type takes.</summary>
    internal enum NativeArgs
    {
        None,
        OptionalInt,
        RequiredInt,
        OptionalPrecisionScale,
    }

    /// <summary>One native type: the scalar types it fits and the arguments it takes.</summary>
    internal sealed class NativeTypeSpec
    {
        public NativeTypeSpec(NativeArgs args, params ScalarType[] scalars)
        {
            Arguments = args;
            Scalars = scalars;
        }

        public IReadOnlyList<ScalarType> Scalars { get; }

        public NativeArgs Arguments { get; }
    }

    /// <summary>
    /// The native types of PostgreSQL and MySQL as Prisma knows them (prisma-engines'
    /// <c>native_types.rs</c> of each connector): MySQL's TinyInt and Bit fit two scalar types each,
    /// and its lengths (VarChar, Char, Bit, Binary, VarBinary) must be written.
    /// </summary>
    internal static class NativeTypeSpecs
    {
        public static readonly Dictionary<string, NativeTypeSpec> Postgres = new Dictionary<string, NativeTypeSpec>
        {
            ["Text"] = new NativeTypeSpec(NativeArgs.None, ScalarType.String),
            ["Char"] = new NativeTypeSpec(NativeArgs.OptionalInt, ScalarType.String),
            ["VarChar"] = new NativeTypeSpec(NativeArgs.OptionalInt, ScalarType.String),
            ["Bit"] = new NativeTypeSpec(NativeArgs.OptionalInt, ScalarType.String),
            ["VarBit"] = new NativeTypeSpec(NativeArgs.OptionalInt, ScalarType.String),
            ["Uuid"] = new NativeTypeSpec(NativeArgs.None, ScalarType.String),
            ["Xml"] = new NativeTypeSpec(NativeArgs.None, ScalarType.String),
            ["Inet"] = new NativeTypeSpec(NativeArgs.None, ScalarType.String),
            ["Citext"] = new NativeTypeSpec(NativeArgs.None, ScalarType.String),
            ["Boolean"] = new NativeTypeSpec(NativeArgs.None, ScalarType.Boolean),
            ["Integer"] = new NativeTypeSpec(NativeArgs.None, ScalarType.Int),
            ["SmallInt"] = new NativeTypeSpec(NativeArgs.None, ScalarType.Int),
            ["Oid"] = new NativeTypeSpec(NativeArgs.None, ScalarType.Int),
            ["BigInt"] = new NativeTypeSpec(NativeArgs.None, ScalarType.BigInt),
            ["DoublePrecision"] = new NativeTypeSpec(NativeArgs.None, ScalarType.Float),
            ["Real"] = new NativeTypeSpec(NativeArgs.None, ScalarType.Float),
            ["Decimal"] = new NativeTypeSpec(NativeArgs.OptionalPrecisionScale, ScalarType.Decimal),
            ["Money"] = new NativeTypeSpec(NativeArgs.None, ScalarType.Decimal),
            ["Timestamp"] = new NativeTypeSpec(NativeArgs.OptionalInt, ScalarType.DateTime),
            ["Timestamptz"] = new NativeTypeSpec(NativeArgs.OptionalInt, ScalarType.DateTime),
            ["Date"] = new NativeTypeSpec(NativeArgs.None, ScalarType.DateTime),
            ["Time"] = new NativeTypeSpec(NativeArgs.OptionalInt, ScalarType.DateTime),
            ["Timetz"] = new NativeTypeSpec(NativeArgs.OptionalInt, ScalarType.DateTime),
            ["Json"] = new NativeTypeSpec(NativeArgs.None, ScalarType.Json),
            ["JsonB"] = new NativeTypeSpec(NativeArgs.None, ScalarType.Json),
            ["ByteA"] = new NativeTypeSpec(NativeArgs.None, ScalarType.Bytes),
        };

        public static readonly Dictionary<string, NativeTypeSpec> MySql = new Dictionary<string, NativeTypeSpec>
        {
            ["Int"] = new NativeTypeSpec(NativeArgs.None, ScalarType.Int),
            ["UnsignedInt"] = new NativeTypeSpec(NativeArgs.None, ScalarType.Int),
            ["SmallInt"] = new NativeTypeSpec(NativeArgs.None, ScalarType.Int),
            ["UnsignedSmallInt"] = new NativeTypeSpec(NativeArgs.None, ScalarType.Int),
            ["TinyInt"] = new NativeTypeSpec(NativeArgs.None, ScalarType.Boolean, ScalarType.Int),
            ["UnsignedTinyInt"] = new NativeTypeSpec(NativeArgs.None, ScalarType.Boolean, ScalarType.Int),
            ["MediumInt"] = new NativeTypeSpec(NativeArgs.None, ScalarType.Int),
            ["UnsignedMediumInt"] = new NativeTypeSpec(NativeArgs.None, ScalarType.Int),
            ["Year"] = new NativeTypeSpec(NativeArgs.None, ScalarType.Int),
            ["BigInt"] = new NativeTypeSpec(NativeArgs.None, ScalarType.BigInt),
            ["UnsignedBigInt"] = new NativeTypeSpec(NativeArgs.None, ScalarType.BigInt),
            ["Decimal"] = new NativeTypeSpec(NativeArgs.OptionalPrecisionScale, ScalarType.Decimal),
            ["Float"] = new NativeTypeSpec(NativeArgs.None, ScalarType.Float),
            ["Double"] = new NativeTypeSpec(NativeArgs.None, ScalarType.Float),
            ["Bit"] = new NativeTypeSpec(NativeArgs.RequiredInt, ScalarType.Boolean, ScalarType.Bytes),
            ["Char"] = new NativeTypeSpec(NativeArgs.RequiredInt, ScalarType.String),
            ["VarChar"] = new NativeTypeSpec(NativeArgs.RequiredInt, ScalarType.String),
            ["TinyText"] = new NativeTypeSpec(NativeArgs.None, ScalarType.String),
            ["Text"] = new NativeTypeSpec(NativeArgs.None, ScalarType.String),
            ["MediumText"] = new NativeTypeSpec(NativeArgs.None, ScalarType.String),
            ["LongText"] = new NativeTypeSpec(NativeArgs.None, ScalarType.String),
            ["Binary"] = new NativeTypeSpec(NativeArgs.RequiredInt, ScalarType.Bytes),
            ["VarBinary"] = new NativeTypeSpec(NativeArgs.RequiredInt, ScalarType.Bytes),
            ["TinyBlob"] = new NativeTypeSpec(NativeArgs.None, ScalarType.Bytes),
            ["Blob"] = new NativeTypeSpec(NativeArgs.None, ScalarType.Bytes),
            ["MediumBlob"] = new NativeTypeSpec(NativeArgs.None, ScalarType.Bytes),
            ["LongBlob"] = new NativeTypeSpec(NativeArgs.None, ScalarType.Bytes),
            ["Date"] = new NativeTypeSpec(NativeArgs.None, ScalarType.DateTime),
            ["Time"] = new NativeTypeSpec(NativeArgs.OptionalInt, ScalarType.DateTime),
            ["DateTime"] = new NativeTypeSpec(NativeArgs.OptionalInt, ScalarType.DateTime),
            ["Timestamp"] = new NativeTypeSpec(NativeArgs.OptionalInt, ScalarType.DateTime),
            ["Json"] = new NativeTypeSpec(NativeArgs.None, ScalarType.Json),
        };

        /// <summary>
        /// MySQL's text and blob types: a key over one of them needs a prefix length (`length:`),
        /// since MySQL indexes only a bounded prefix of such a column.
        /// </summary>
        public static bool IsMySqlLob(string name) =>
            name == "TinyText" || name == "Text" || name == "MediumText" || name == "LongText"
            || name == "TinyBlob" || name == "Blob" || name == "MediumBlob" || name == "LongBlob";
    }
}
