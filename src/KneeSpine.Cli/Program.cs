using System.CommandLine;
using KneeSpine.Cli.Serve;
using KneeSpine.Cli.Tokens;
using KneeSpine.Cli.Users;

var root = new RootCommand("KneeSpine: back pain after knee replacement. Supports, and does not replace, clinical judgement.");
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(UserCommand.Create(PasswordReader.FromConsole()));
root.Subcommands.Add(TokenCommand.Create());
return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
