using System.Text;

namespace KneeSpine.Cli.Users;

/// <summary>
/// Reads a password: typed at a prompt without echo when standard input is the terminal, otherwise the
/// first line of standard input (scripts, tests). Never from the command line, where it would stay in shell history.
/// </summary>
internal sealed class PasswordReader(CliConsole console)
{
    // A terminal is neither redirected nor seekable; an in-memory stream (tests) or a file is seekable.
    private bool Interactive => !Console.IsInputRedirected && !console.StandardInput.CanSeek;

    public string? Read(string question)
    {
        if (!Interactive)
        {
            using var reader = new StreamReader(console.StandardInput, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1024, leaveOpen: true);
            return reader.ReadLine();
        }

        console.Error.Write(question);
        var password = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                console.Error.WriteLine();
                return password.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (password.Length > 0)
                {
                    password.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                password.Append(key.KeyChar);
            }
        }
    }
}
