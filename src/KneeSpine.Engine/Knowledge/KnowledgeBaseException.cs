namespace KneeSpine.Engine.Knowledge;

/// <summary>The knowledge-base file is broken: not valid JSON for its schema, or inconsistent (duplicate ids, unknown sources, missing rules).</summary>
public sealed class KnowledgeBaseException : Exception
{
    /// <summary>Creates the exception for a list of problems.</summary>
    /// <param name="problems">Every problem found, each naming the offending entry.</param>
    public KnowledgeBaseException(IReadOnlyList<string> problems)
        : base("The knowledge base is invalid:" + Environment.NewLine + "- " + string.Join(Environment.NewLine + "- ", problems)) =>
        Problems = problems;

    /// <summary>Creates the exception for a file that could not be read.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying error.</param>
    public KnowledgeBaseException(string message, Exception innerException)
        : base(message, innerException) =>
        Problems = [message];

    /// <summary>Every problem found.</summary>
    public IReadOnlyList<string> Problems { get; }
}
