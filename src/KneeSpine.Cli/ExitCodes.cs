namespace KneeSpine.Cli;

/// <summary>The process exit codes of every <c>kneespine</c> command.</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Success = 0;

    /// <summary>Something unexpected went wrong; the message says what, never with a stack trace.</summary>
    public const int Failure = 1;

    /// <summary>The input or the arguments were wrong: bad JSON, a missing file, an unknown option.</summary>
    public const int InvalidInput = 2;
}
