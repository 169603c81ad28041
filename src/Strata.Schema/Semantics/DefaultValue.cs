using System.Collections.Generic;
using Strata.Schema.Text;

namespace Strata.Schema.Semantics
{
    /// <summary>The kinds of <c>@default</c>.</summary>
    public enum DefaultKind
    {
        /// <summary>A literal value: string, number or boolean.</summary>
        Literal,
        /// <summary>A value of the field's enum.</summary>
        EnumValue,
        /// <summary>A function: autoincrement(), now(), uuid(), cuid(), ulid(), nanoid(), dbgenerated().</summary>
        Function,
        /// <summary>A list of literals or enum values, for scalar lists.</summary>
        List,
    }

    /// <summary>A field's <c>@default(...)</c>.</summary>
    public sealed class DefaultValue
    {
        internal DefaultValue(DefaultKind kind, SourceLocation location)
        {
            Kind = kind;
            Location = location;
        }

        /// <summary>The kind of default.</summary>
        public DefaultKind Kind { get; }

        /// <summary>Where the value is written.</summary>
        public SourceLocation Location { get; }

        /// <summary>
        /// For literals: string for String, DateTime (ISO text), Json, Bytes (base64) and Decimal written as text;
        /// long for integers; double for Float; decimal for Decimal; bool for Boolean. For enum values: the value's name.
        /// </summary>
        public object? Value { get; internal set; }

        /// <summary>For functions: the name (<c>uuid</c>).</summary>
        public string? FunctionName { get; internal set; }

        /// <summary>For functions: the arguments as written (<c>7</c> in <c>uuid(7)</c>, the SQL text of <c>dbgenerated("...")</c>).</summary>
        public IReadOnlyList<object> FunctionArguments { get; internal set; } = System.Array.Empty<object>();

        /// <summary>For lists: the items.</summary>
        public IReadOnlyList<DefaultValue> Items { get; internal set; } = System.Array.Empty<DefaultValue>();

        /// <summary>The default constraint name from <c>map:</c>, where given.</summary>
        public string? MappedName { get; internal set; }

        /// <summary>True for <c>autoincrement()</c>.</summary>
        public bool IsAutoincrement => Kind == DefaultKind.Function && FunctionName == "autoincrement";

        /// <inheritdoc />
        public override string ToString() => Kind switch
        {
            DefaultKind.Function => $"{FunctionName}({string.Join(", ", FunctionArguments)})",
            DefaultKind.List => "[" + string.Join(", ", (IEnumerable<DefaultValue>)Items) + "]",
            _ => System.Convert.ToString(Value, System.Globalization.CultureInfo.InvariantCulture) ?? "null",
        };
    }
}
