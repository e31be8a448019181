using System.CommandLine;
using KneeSpine.Cli.Hosting;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Accounts;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Cli.Users;

/// <summary><c>kneespine user add --email EMAIL --role admin|clinician|patient [--patient ID] [--data DIR]</c>; disable, enable and unlock are in <see cref="AccountActionCommand"/>.</summary>
internal static class UserCommand
{
    public static Command Create(CliConsole console)
    {
        var email = new Option<string>("--email") { Description = "Email address; also the sign-in name.", Required = true };
        var role = new Option<string>("--role") { Description = "admin, clinician or patient.", Required = true };
        role.AcceptOnlyFromAmong([.. Roles.All]);
        var patient = new Option<Guid?>("--patient") { Description = "For a patient account: id of the patient record it opens (kneespine patient list shows it).", HelpName = "PATIENT-ID" };
        var data = DataOption.Create();

        var add = new Command("add", "Create an account. The password is read from standard input, or asked for without echo.") { email, role, patient, data };
        add.SetAction(async (parse, cancellationToken) =>
        {
            var password = new PasswordReader(console).Read("Password: ");
            if (string.IsNullOrEmpty(password))
            {
                console.WriteError("no password given (type it, or pipe it on standard input).");
                return ExitCodes.InvalidInput;
            }

            var app = await CliServices.OpenAsync(parse.GetValue(data), cancellationToken).ConfigureAwait(false);
            await using (app.ConfigureAwait(false))
            {
                var scope = app.Services.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    var started = CliAudit.Now(scope.ServiceProvider);
                    var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
                    var address = parse.GetRequiredValue(email).Trim();
                    var result = await accounts.AddUserAsync(
                        address, parse.GetRequiredValue(role), password, parse.GetValue(patient), cancellationToken).ConfigureAwait(false);
                    var detail = $"{parse.GetRequiredValue(role)} account {address}" + (result.Succeeded ? "" : ": " + string.Join(" ", result.Errors));
                    var recorded = await CliAudit.RecordAsync(scope.ServiceProvider, console, started, AuditAction.UserCreate,
                        result.Succeeded ? AuditOutcome.Success : AuditOutcome.Failure, "user add", detail, parse.GetValue(patient)).ConfigureAwait(false);
                    if (!result.Succeeded)
                    {
                        foreach (var problem in result.Errors)
                        {
                            console.WriteError(problem);
                        }

                        return ExitCodes.InvalidInput;
                    }

                    await console.Out.WriteLineAsync($"Created {parse.GetRequiredValue(role)} account {result.User!.Email}.").ConfigureAwait(false);
                    return recorded ? ExitCodes.Success : ExitCodes.Failure;
                }
            }
        });

        var user = new Command("user", "Manage accounts.") { add };
        foreach (var action in AccountActionCommand.Create(console))
        {
            user.Subcommands.Add(action);
        }

        return user;
    }
}
