using System;

namespace Strata.Schema.Text
{
    /// <summary>A range of characters in one source file: a start offset and a length.</summary>
    public readonly struct TextSpan : IEquatable<TextSpan>
    {
        /// <summary>Creates a span.</summary>
        public TextSpan(int start, int length)
        {
            Start = start;
            Length = length;
        }

        /// <summary>Offset of the first character.</summary>
        public int Start { get; }

        /// <summary>Number of characters covered.</summary>
        public int Length { get; }

        /// <summary>Offset just past the last character.</summary>
        public int End => Start + Length;

        /// <summary>The span from the start of <paramref name="first"/> to the end of <paramref name="last"/>.</summary>
        public static TextSpan Cover(TextSpan first, TextSpan last) =>
            new TextSpan(first.Start, Math.Max(0, last.End - first.Start));

        /// <inheritdoc />
        public bool Equals(TextSpan other) => Start == other.Start && Length == other.Length;

        /// <inheritdoc />
        public override bool Equals(object? obj) => obj is TextSpan other && Equals(other);

        /// <inheritdoc />
        public override int GetHashCode() => (Start * 397) ^ Length;

        /// <inheritdoc />
        public override string ToString() => $"[{Start}..{End})";
    }
}
