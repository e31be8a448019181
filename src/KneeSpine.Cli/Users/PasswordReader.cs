using System.Text;

namespace KneeSpine.Cli.Users;

/// <summary>
/// Reads a password: the first line of standard input when it is redirected (scripts), otherwise
/// typed at a prompt without echo. Never from the command line, where it would stay in shell history.
/// </summary>
internal sealed class PasswordReader(TextReader input, TextWriter prompt, bool interactive)
{
    public static PasswordReader FromConsole() => new(Console.In, Console.Error, !Console.IsInputRedirected);

    public string? Read(string question)
    {
        if (!interactive)
        {
            return input.ReadLine();
        }

        prompt.Write(question);
        var password = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                prompt.WriteLine();
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
