using System.CommandLine;
using KneeSpine.Cli.Assess;
using KneeSpine.Cli.Audit;
using KneeSpine.Cli.Backups;
using KneeSpine.Cli.Demo;
using KneeSpine.Cli.Export;
using KneeSpine.Cli.FollowUps;
using KneeSpine.Cli.Import;
using KneeSpine.Cli.Patients;
using KneeSpine.Cli.Reports;
using KneeSpine.Cli.Serve;
using KneeSpine.Cli.Tokens;
using KneeSpine.Cli.Users;

namespace KneeSpine.Cli;

/// <summary>
/// The table of contents of <c>kneespine</c>: one line per command. Each command lives in its own
/// folder and builds itself (<c>Assess/AssessCommand.cs</c>); tests run this same list in-process.
/// </summary>
internal static class CliCommands
{
    public static IEnumerable<Command> All(CliConsole console) =>
    [
        AssessCommand.Create(console),
        ServeCommand.Create(console),
        UserCommand.Create(console),
        TokenCommand.Create(console),
        PatientCommand.Create(console),
        ImportCommand.Create(console),
        ExportCommand.Create(console),
        AuditCommand.Create(console),
        BackupCommand.Create(console),
        RestoreCommand.Create(console),
        FollowUpsCommand.Create(console),
        ReportCommand.Create(console),
        DemoCommand.Create(console),
    ];
}
