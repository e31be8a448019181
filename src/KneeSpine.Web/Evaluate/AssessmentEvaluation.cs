using KneeSpine.Engine.Evaluation;
using KneeSpine.Engine.Input;

namespace KneeSpine.Web.Evaluate;

/// <summary>Reads, validates and evaluates assessment input JSON with the engine; pure, nothing stored.</summary>
public sealed class AssessmentEvaluation(AssessmentEvaluator evaluator)
{
    public AssessmentEvaluator Evaluator { get; } = evaluator;

    public EvaluationOutcome Evaluate(ReadOnlySpan<byte> utf8Json)
    {
        var read = AssessmentInputReader.Read(utf8Json);
        return read.Input is { } input ? Evaluate(input) : new EvaluationOutcome(null, null, read.Errors);
    }

    /// <summary>Evaluates an input built in code (a web form), after the engine's validator has checked it.</summary>
    public EvaluationOutcome Evaluate(AssessmentInput input)
    {
        var errors = AssessmentInputValidator.Validate(input);
        return errors.Count > 0 ? new EvaluationOutcome(null, null, errors) : new EvaluationOutcome(input, Evaluator.Evaluate(input), []);
    }
}
