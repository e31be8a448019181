namespace KneeSpine.Cli.Hosting;

/// <summary>Process exit codes shared by the commands.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>Something went wrong that the user's input did not cause (database unreachable ...).</summary>
    public const int Failure = 1;

    /// <summary>The input was invalid; the message names the problem.</summary>
    public const int InvalidInput = 2;
}
