using System.Globalization;
using System.Numerics;

namespace Strata;

/// <summary>What an update does to a number column.</summary>
public enum NumberOperation
{
    /// <summary>Sets the value.</summary>
    Set,
    /// <summary>Adds to the stored value.</summary>
    Increment,
    /// <summary>Subtracts from the stored value.</summary>
    Decrement,
    /// <summary>Multiplies the stored value.</summary>
    Multiply,
    /// <summary>Divides the stored value (integer division for Int and BigInt, as the database does it).</summary>
    Divide,
}

/// <summary>
/// Atomic number updates, done by the database in the UPDATE statement so concurrent updates do
/// not lose each other's changes: <c>new UserUpdate { Age = Op.Increment(1) }</c>.
/// </summary>
public static class Op
{
    /// <summary>Adds <paramref name="by"/>.</summary>
    public static NumberOp Increment(long by) => new(NumberOperation.Increment, by);

    /// <summary>Adds <paramref name="by"/>.</summary>
    public static NumberOp Increment(double by) => new(NumberOperation.Increment, by);

    /// <summary>Adds <paramref name="by"/>.</summary>
    public static NumberOp Increment(decimal by) => new(NumberOperation.Increment, by);

    /// <summary>Subtracts <paramref name="by"/>.</summary>
    public static NumberOp Decrement(long by) => new(NumberOperation.Decrement, by);

    /// <summary>Subtracts <paramref name="by"/>.</summary>
    public static NumberOp Decrement(double by) => new(NumberOperation.Decrement, by);

    /// <summary>Subtracts <paramref name="by"/>.</summary>
    public static NumberOp Decrement(decimal by) => new(NumberOperation.Decrement, by);

    /// <summary>Multiplies by <paramref name="by"/>.</summary>
    public static NumberOp Multiply(long by) => new(NumberOperation.Multiply, by);

    /// <summary>Multiplies by <paramref name="by"/>.</summary>
    public static NumberOp Multiply(double by) => new(NumberOperation.Multiply, by);

    /// <summary>Multiplies by <paramref name="by"/>.</summary>
    public static NumberOp Multiply(decimal by) => new(NumberOperation.Multiply, by);

    /// <summary>Divides by <paramref name="by"/>.</summary>
    public static NumberOp Divide(long by) => new(NumberOperation.Divide, by);

    /// <summary>Divides by <paramref name="by"/>.</summary>
    public static NumberOp Divide(double by) => new(NumberOperation.Divide, by);

    /// <summary>Divides by <paramref name="by"/>.</summary>
    public static NumberOp Divide(decimal by) => new(NumberOperation.Divide, by);
}

/// <summary>An atomic operation with its operand, before it meets the field's type.</summary>
public readonly struct NumberOp
{
    internal NumberOp(NumberOperation operation, object operand)
    {
        Operation = operation;
        Operand = operand;
    }

    /// <summary>The operation.</summary>
    public NumberOperation Operation { get; }

    /// <summary>The operand as given: long, double or decimal.</summary>
    public object Operand { get; }
}

/// <summary>The update of a number field: a plain value (set) or an atomic operation from <see cref="Op"/>.</summary>
/// <typeparam name="T">The field's C# type.</typeparam>
public readonly struct NumberUpdate<T> : INumberUpdate where T : struct, INumber<T>
{
    private NumberUpdate(NumberOperation operation, T value)
    {
        Operation = operation;
        Value = value;
    }

    /// <summary>The operation.</summary>
    public NumberOperation Operation { get; }

    /// <summary>The value to set, or the operand.</summary>
    public T Value { get; }

    object INumberUpdate.Value => Value;

    /// <summary>Sets the field to <paramref name="value"/>.</summary>
    public static implicit operator NumberUpdate<T>(T value) => new(NumberOperation.Set, value);

    /// <summary>Applies <paramref name="op"/>; the operand must fit the field's type.</summary>
    public static implicit operator NumberUpdate<T>(NumberOp op)
    {
        try
        {
            T operand = op.Operand switch
            {
                long l => T.CreateChecked(l),
                double d => T.CreateChecked(d),
                decimal m => T.CreateChecked(m),
                _ => throw new ArgumentException("Unknown operand type.", nameof(op)),
            };
            return new(op.Operation, operand);
        }
        catch (OverflowException e)
        {
            throw new ValueOutOfRangeException(ErrorCodes.ValueOutOfRange,
                $"The operand {Convert.ToString(op.Operand, CultureInfo.InvariantCulture)} of {op.Operation} does not fit {typeof(T).Name}.", e);
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Operation} {Value}";
}

/// <summary>The untyped view of <see cref="NumberUpdate{T}"/> that the runtime reads.</summary>
public interface INumberUpdate
{
    /// <summary>The operation.</summary>
    NumberOperation Operation { get; }

    /// <summary>The boxed value or operand.</summary>
    object Value { get; }
}
