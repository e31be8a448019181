namespace KneeSpine.Engine.Input;

/// <summary>Reads and validates assessment input JSON, reporting every problem with its JSON path.</summary>
public static class AssessmentInputReader
{
    /// <summary>Reads one UTF-8 JSON document.</summary>
    public static InputReadResult Read(ReadOnlySpan<byte> utf8Json) => throw new NotImplementedException();
}
