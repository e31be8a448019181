namespace KneeSpine.Engine.Input;

/// <summary>A 0-10 numeric pain rating. A value outside 0-10 cannot be constructed.</summary>
public readonly record struct PainScore
{
    /// <summary>Lowest rating: no pain.</summary>
    public const int Min = 0;

    /// <summary>Highest rating: worst pain imaginable.</summary>
    public const int Max = 10;

    /// <summary>Creates a rating.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="value"/> is not within 0-10.</exception>
    public PainScore(int value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, Min);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, Max);
        Value = value;
    }

    /// <summary>The rating, 0-10.</summary>
    public int Value { get; }

    /// <summary>Whether <paramref name="value"/> is a valid rating.</summary>
    public static bool IsValid(long value) => value is >= Min and <= Max;

    /// <inheritdoc/>
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
