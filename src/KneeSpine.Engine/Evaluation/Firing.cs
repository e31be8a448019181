namespace KneeSpine.Engine.Evaluation;

/// <summary>How one rule fired: which arms (0 when it did not fire), which text variants, and whether it is likely.</summary>
internal struct Firing
{
    public int Arms;
    public int Variants;
    public bool Likely;

    public readonly bool Fired => Arms != 0;

    public static int Bit(bool condition, int bit) => condition ? 1 << bit : 0;
}
