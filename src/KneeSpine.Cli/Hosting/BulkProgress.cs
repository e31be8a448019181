using Spectre.Console;

namespace KneeSpine.Cli.Hosting;

/// <summary>A Spectre.Console progress bar on standard error, only when the output is a terminal; otherwise nothing.</summary>
internal static class BulkProgress
{
    public static async Task<T> RunAsync<T>(CliConsole console, string description, Func<Action<int, int>?, Task<T>> work)
    {
        if (!console.OutputIsTerminal)
        {
            return await work(null).ConfigureAwait(false);
        }

        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            // NO_COLOR turns colour off, not the terminal: without ANSI Spectre falls back to a renderer that may never show 100%.
            Ansi = AnsiSupport.Yes,
            ColorSystem = console.NoColor ? ColorSystemSupport.NoColors : ColorSystemSupport.Standard,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(console.Error),
        });
        terminal.Profile.Width = console.TerminalWidth;
        return await terminal.Progress().AutoClear(false).StartAsync(async context =>
        {
            var task = context.AddTask(Markup.Escape(description), maxValue: 1);
            var result = await work((done, total) =>
            {
                task.MaxValue = Math.Max(1, total);
                task.Value = done;
            }).ConfigureAwait(false);
            task.Value = task.MaxValue;
            return result;
        }).ConfigureAwait(false);
    }
}
