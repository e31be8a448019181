namespace KneeSpine.Cli.Assess;

/// <summary>Opens the FILE argument: a path, or <c>-</c> for standard input. Failures become plain messages, not exceptions.</summary>
internal static class InputFile
{
    public const string StandardInput = "-";

    public static string Describe(string path) => path == StandardInput ? "standard input" : $"'{path}'";

    /// <summary>Opens <paramref name="path"/> for reading, or explains why it cannot be read.</summary>
    public static Stream? Open(string path, CliConsole console, out string? problem)
    {
        problem = null;
        if (path == StandardInput)
        {
            return console.StandardInput;
        }

        try
        {
            if (Directory.Exists(path))
            {
                problem = $"cannot read '{path}': it is a folder, not a file.";
                return null;
            }

            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        }
        catch (FileNotFoundException)
        {
            problem = $"cannot read '{path}': no such file.";
        }
        catch (DirectoryNotFoundException)
        {
            problem = $"cannot read '{path}': no such folder.";
        }
        catch (UnauthorizedAccessException)
        {
            problem = $"cannot read '{path}': permission denied.";
        }
        catch (IOException e)
        {
            problem = $"cannot read '{path}': {e.Message}";
        }
        catch (ArgumentException)
        {
            problem = $"cannot read '{path}': not a valid file name.";
        }

        return null;
    }

    /// <summary>Reads all of <paramref name="path"/>, or explains why it cannot be read.</summary>
    public static async Task<byte[]?> ReadAllAsync(string path, CliConsole console, CancellationToken cancellationToken)
    {
        var stream = Open(path, console, out var problem);
        if (stream is null)
        {
            console.WriteError(problem!);
            return null;
        }

        try
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            return buffer.ToArray();
        }
        catch (IOException e)
        {
            console.WriteError($"cannot read {Describe(path)}: {e.Message}");
            return null;
        }
        finally
        {
            if (path != StandardInput)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }
        }
    }
}
