using KneeSpine.Engine.Input;
using KneeSpine.Engine.Knowledge;
using KneeSpine.Engine.Results;

namespace KneeSpine.Engine.Evaluation;

/// <summary>Evaluates a valid assessment against a knowledge base. Pure and deterministic: no clock, no I/O.</summary>
/// <param name="knowledgeBase">The clinical content to apply.</param>
public sealed class AssessmentEvaluator(KnowledgeBase knowledgeBase)
{
    /// <summary>An evaluator over <see cref="KnowledgeBase.Default"/>.</summary>
    public static AssessmentEvaluator Default { get; } = new(KnowledgeBase.Default);

    /// <summary>The knowledge base applied.</summary>
    public KnowledgeBase KnowledgeBase { get; } = knowledgeBase;

    /// <summary>Evaluates one assessment.</summary>
    public AssessmentResult Evaluate(AssessmentInput input) => throw new NotImplementedException();
}
