using KneeSpine.Engine.Results;

namespace KneeSpine.Engine.Evaluation;

/// <summary>
/// Every finding one rule can produce, built once per knowledge base: one immutable instance per
/// combination of fired arms, text variants and certainty. Evaluation only looks findings up.
/// </summary>
/// <typeparam name="T">An alert finding, factor finding or plan item.</typeparam>
internal sealed class FindingTable<T> where T : class
{
    private readonly T?[] entries;
    private readonly int variantCombinations;
    private readonly int certainties;

    public FindingTable(int armCount, int variantCount, bool withCertainty, Func<int, int, Certainty, T> create)
    {
        variantCombinations = 1 << variantCount;
        certainties = withCertainty ? 2 : 1;
        entries = new T?[(1 << armCount) * variantCombinations * certainties];
        for (var arms = 1; arms < 1 << armCount; arms++)
        {
            for (var variants = 0; variants < variantCombinations; variants++)
            {
                for (var certainty = 0; certainty < certainties; certainty++)
                {
                    entries[Index(arms, variants, certainty)] = create(arms, variants, (Certainty)certainty);
                }
            }
        }
    }

    /// <summary>Every finding of the table.</summary>
    public IEnumerable<T> All => entries.OfType<T>();

    public T Get(in Firing firing) =>
        entries[Index(firing.Arms, firing.Variants, certainties == 2 && firing.Likely ? (int)Certainty.Likely : 0)]
        ?? throw new InvalidOperationException("A rule reported arms that its shape does not declare.");

    private int Index(int arms, int variants, int certainty) => ((arms * variantCombinations) + variants) * certainties + certainty;
}
