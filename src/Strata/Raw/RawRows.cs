using System.ComponentModel;
using System.Data.Common;
using Strata.Metadata;
using Strata.Providers;
using Strata.Queries;

namespace Strata;

/// <summary>
/// Marks a class or record (declared <c>partial</c>) whose instances raw SQL queries read:
/// <c>QueryRawAsync&lt;T&gt;</c>. The generator writes its reader at compile time, so no reflection
/// runs: each settable or init property (or, for a positional record, each constructor parameter)
/// takes the result column of the same name, compared without case and underscores
/// (<c>created_at</c> fills <c>CreatedAt</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RawRowAttribute : Attribute;

/// <summary>
/// The readers of the types raw SQL reads, registered by generated code (entities, schema enums and
/// <see cref="RawRowAttribute"/> types) when the assembly loads.
/// </summary>
public static class RawRows
{
    // Per enum, a column of the enum's type: bound with it, a value is cast to the enum's type where the database has one (PostgreSQL).
    // A small array copied on write: registration runs at start-up, where a concurrent dictionary's first use costs more than the schema's few enums.
    private static (Type Type, ColumnInfo Column)[] _enums = [];
    private static readonly Lock EnumsLock = new();

    /// <summary>Registers a type's reader: the columns it reads (by name) and how it reads the current row, given their ordinals.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void Register<T>(string[] columns, Func<DbDataReader, int[], RowReader, T> read) =>
        Shape<T>.Value = new RawRowShape<T>(typeof(T).Name, columns, read);

    /// <summary>Registers a schema enum, so that raw SQL binds and reads it by its database names.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static void RegisterEnum<TEnum>(EnumMapping<TEnum> mapping) where TEnum : struct, Enum
    {
        var column = new ColumnInfo(0, typeof(TEnum).Name, typeof(TEnum).Name, ScalarKind.Enum, isOptional: true) { EnumMapping = mapping };
        lock (EnumsLock)
        {
            var enums = _enums;
            var copy = new (Type, ColumnInfo)[enums.Length + 1];
            int n = 0;
            foreach (var e in enums)
                if (e.Type != typeof(TEnum)) copy[n++] = e;
            copy[n++] = (typeof(TEnum), column);
            _enums = n == copy.Length ? copy : copy[..n];
        }
    }

    /// <summary>The error for a NULL in a column whose member does not take null (generated readers throw it).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static StrataException NullColumn(DbDataReader reader, int ordinal) =>
        new(ErrorCodes.InconsistentData, $"Column \"{reader.GetName(ordinal)}\" of the raw query's result is NULL, and the field it fills is required.");

    internal static RawRowShape<T>? Find<T>() => Shape<T>.Value;

    internal static QueryParameter EnumParameter(Enum value) => EnumParameter(value.GetType(), value);

    internal static QueryParameter EnumParameter(Type type, object? value)
    {
        var column = EnumColumn(type);
        return new QueryParameter(ScalarKind.Enum, column, value == null ? null : column.EnumMapping!.ToDatabase(value));
    }

    internal static object EnumValue(Type type, string name) => EnumColumn(type).EnumMapping!.FromDatabase(name);

    private static ColumnInfo EnumColumn(Type type) => Array.Find(_enums, e => e.Type == type).Column
        ?? throw new ArgumentException($"{type.Name} is not an enum of the schema: raw SQL takes and reads the generated enums only, by their database names.");

    private static class Shape<T>
    {
        public static RawRowShape<T>? Value;
    }
}

/// <summary>How raw SQL reads a type: the column names it needs and its reader.</summary>
internal sealed class RawRowShape<T>(string name, string[] columns, Func<DbDataReader, int[], RowReader, T> read)
{
    public Func<DbDataReader, int[], RowReader, T> Read { get; } = read;

    /// <summary>The ordinal of each needed column in this result, matched by name without case and underscores; a missing one is an error that lists the result's columns.</summary>
    public int[] Bind(DbDataReader reader)
    {
        var names = new string[reader.FieldCount];
        for (int i = 0; i < names.Length; i++) names[i] = reader.GetName(i);
        var ordinals = new int[columns.Length];
        List<string>? missing = null;
        for (int c = 0; c < columns.Length; c++)
        {
            ordinals[c] = Array.FindIndex(names, n => string.Equals(n, columns[c], StringComparison.OrdinalIgnoreCase));
            if (ordinals[c] < 0)
            {
                var key = Normalize(columns[c]);
                ordinals[c] = Array.FindIndex(names, n => Normalize(n) == key);
            }
            if (ordinals[c] < 0) (missing ??= []).Add(columns[c]);
        }
        if (missing != null)
            throw new StrataException(ErrorCodes.InvalidQuery,
                $"The raw query's result has no column for {string.Join(", ", missing)} of {name} (its columns: {string.Join(", ", names)}).");
        return ordinals;
    }

    private static string Normalize(string name) => name.Replace("_", "", StringComparison.Ordinal).ToUpperInvariant();
}
