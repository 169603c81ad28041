namespace Strata.Filters;

/// <summary>What a comparison filter tests; the dialect writes each one.</summary>
public enum FilterOperator
{
    /// <summary><c>=</c>, or <c>IS NULL</c> for null.</summary>
    Equals,
    /// <summary><c>&lt;&gt;</c> (rows where the column is null match too, as in C#), or <c>IS NOT NULL</c> for null.</summary>
    NotEquals,
    /// <summary><c>&lt;</c>.</summary>
    LessThan,
    /// <summary><c>&lt;=</c>.</summary>
    LessThanOrEqual,
    /// <summary><c>&gt;</c>.</summary>
    GreaterThan,
    /// <summary><c>&gt;=</c>.</summary>
    GreaterThanOrEqual,
    /// <summary>One of a list of values.</summary>
    In,
    /// <summary>None of a list of values.</summary>
    NotIn,
    /// <summary>Text contains the value.</summary>
    Contains,
    /// <summary>Text starts with the value.</summary>
    StartsWith,
    /// <summary>Text ends with the value.</summary>
    EndsWith,
    /// <summary>A scalar list holds the value.</summary>
    Has,
    /// <summary>A scalar list holds at least one of the values.</summary>
    HasSome,
    /// <summary>A scalar list holds all of the values.</summary>
    HasEvery,
    /// <summary>A scalar list is empty (value true) or not (false).</summary>
    IsEmpty,
}
