namespace Strata.Queries;

/// <summary>What a piece of a statement is, and so how it is rendered as text.</summary>
internal enum SqlPieceKind : byte
{
    /// <summary>SQL text as written.</summary>
    Text,
    /// <summary>One character of SQL text (its code in the value).</summary>
    Char,
    /// <summary>An identifier, quoted by the dialect.</summary>
    Identifier,
    /// <summary>An integer written in invariant digits.</summary>
    Number,
    /// <summary>A parameter's placeholder (its zero-based index in the value), written by the dialect.</summary>
    Placeholder,
}

/// <summary>
/// One call of a <see cref="SqlWriter"/>: the statement is the list of them, and its SQL text is
/// rendered from that list alone. So the list is the cache key, complete by construction:
/// whatever decides the text is in it. Parameter values are never in it.
/// </summary>
internal readonly struct SqlPiece(SqlPieceKind kind, string? text, int value) : IEquatable<SqlPiece>
{
    public SqlPieceKind Kind { get; } = kind;

    public string? Text { get; } = text;

    public int Value { get; } = value;

    // string.Equals compares references first: the literals and metadata names that make up
    // almost every piece are the same instances from one query to the next.
    public bool Equals(SqlPiece other) => Kind == other.Kind && Value == other.Value && string.Equals(Text, other.Text);

    public override bool Equals(object? obj) => obj is SqlPiece other && Equals(other);

    /// <summary>
    /// A hash of a few characters, not of the whole text: it must agree with <see cref="Equals(SqlPiece)"/>
    /// (it does: equal texts give equal samples) and stay cheap; pieces it does not tell apart are
    /// told apart by <see cref="Equals(SqlPiece)"/>.
    /// </summary>
    public override int GetHashCode()
    {
        int hash = (int)Kind * 31 + Value;
        if (Text is { Length: > 0 } t) hash = HashCode.Combine(hash, t.Length, t[0], t[t.Length / 2], t[t.Length - 1], t[t.Length / 3]);
        return hash;
    }
}
