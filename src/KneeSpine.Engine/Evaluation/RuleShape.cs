using KneeSpine.Engine.Results;

namespace KneeSpine.Engine.Evaluation;

/// <summary>
/// What the code knows about one rule besides its firing condition: its id, its arms (the parts
/// of the condition that can fire it, each with the JSON paths or plan reasons it reports, in
/// the order they are reported) and the names of the text variants it may select.
/// </summary>
/// <param name="Id">Stable id from the specification.</param>
/// <param name="Arms">Per arm bit (bit 0 first): JSON paths for alerts and factors, <c>because</c> ids for plan items.</param>
/// <param name="Variants">Per variant bit (bit 0 first): the variant's name in the knowledge base.</param>
/// <param name="TriageLevel">For the plan's triage items: the level whose fired alerts are the arms.</param>
internal sealed record RuleShape(string Id, string[][] Arms, string[] Variants, TriageLevel? TriageLevel = null)
{
    /// <summary>A rule without text variants: one argument per arm. Rules with variants name both lists.</summary>
    public RuleShape(string id, params string[][] arms)
        : this(id, arms, [])
    {
    }
}
