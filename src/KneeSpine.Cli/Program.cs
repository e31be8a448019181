using KneeSpine.Cli;

using var console = CliConsole.FromProcess();
return await CliApp.RunAsync(args, console, CliCommands.All).ConfigureAwait(false);
