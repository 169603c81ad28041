using System.Buffers.Binary;
using System.Data.Common;
using System.Numerics;

namespace Strata.Postgres.Runtime;

/// <summary>
/// Reads a <c>numeric</c> whose scale is larger than <see cref="decimal"/> holds, which Npgsql refuses
/// to convert even when the digits past the 28th place are zeros (Prisma's <c>Decimal</c> is
/// <c>numeric(65,30)</c>, so <c>SELECT *</c> in raw SQL returns such values). The value is decoded
/// from PostgreSQL's binary form: digit groups of base 10000, a weight and a scale.
/// </summary>
internal static class PostgresNumeric
{
    private const ushort Negative = 0x4000;
    private const int MaxScale = 28;

    public static decimal Read(DbDataReader reader, int ordinal)
    {
        using var stream = reader.GetStream(ordinal);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);
        return Decode(bytes);
    }

    /// <summary>The decimal of a binary numeric: trailing zeros dropped, rounded to 28 places, or an overflow when its integer part does not fit.</summary>
    internal static decimal Decode(ReadOnlySpan<byte> value)
    {
        int groups = BinaryPrimitives.ReadInt16BigEndian(value);
        int weight = BinaryPrimitives.ReadInt16BigEndian(value[2..]);
        ushort sign = BinaryPrimitives.ReadUInt16BigEndian(value[4..]);
        if (sign != 0 && sign != Negative) throw new OverflowException("NaN and infinities do not fit in a System.Decimal.");
        BigInteger mantissa = BigInteger.Zero;
        for (int i = 0; i < groups; i++) mantissa = mantissa * 10_000 + BinaryPrimitives.ReadInt16BigEndian(value[(8 + 2 * i)..]);
        // The value is mantissa × 10^exponent, the last group standing at 10000^(weight - groups + 1).
        int exponent = 4 * (weight - groups + 1);
        while (exponent < 0 && !mantissa.IsZero && mantissa % 10 == 0)
        {
            mantissa /= 10;
            exponent++;
        }
        if (mantissa.IsZero) return 0m;
        if (exponent < -MaxScale)
        {
            var divisor = BigInteger.Pow(10, -MaxScale - exponent);
            var (quotient, remainder) = BigInteger.DivRem(mantissa, divisor);
            if (remainder * 2 >= divisor) quotient++; // half away from zero, on the magnitude
            mantissa = quotient;
            exponent = -MaxScale;
        }
        if (exponent > 0) mantissa *= BigInteger.Pow(10, exponent);
        int scale = Math.Max(0, -exponent);
        // Too many significant digits for 96 bits: drop places until it fits (decimal rounds the same way).
        while (mantissa.GetBitLength() > 96 && scale > 0)
        {
            var (q, r) = BigInteger.DivRem(mantissa, 10);
            mantissa = r >= 5 ? q + 1 : q;
            scale--;
        }
        if (mantissa.GetBitLength() > 96) throw new OverflowException("Numeric value does not fit in a System.Decimal.");
        var bits = mantissa.ToByteArray(isUnsigned: true, isBigEndian: false);
        Span<byte> padded = stackalloc byte[12];
        bits.AsSpan().CopyTo(padded);
        return new decimal(BinaryPrimitives.ReadInt32LittleEndian(padded), BinaryPrimitives.ReadInt32LittleEndian(padded[4..]),
            BinaryPrimitives.ReadInt32LittleEndian(padded[8..]), sign == Negative, (byte)scale);
    }
}
