using System.CommandLine;
using KneeSpine.Cli.Hosting;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Cli.Users;

/// <summary>
/// <c>kneespine user disable|enable|unlock --email EMAIL [--data DIR]</c>: the admin page's actions
/// (/admin/users/{id}), through the same <see cref="AccountAdministration"/>, so the rules are the web's (the last
/// enabled admin cannot be disabled; disabling renews the security stamp, which ends sessions and stops tokens) and
/// each is audited with the same action and detail.
/// </summary>
internal static class AccountActionCommand
{
    public static IEnumerable<Command> Create(CliConsole console)
    {
        yield return Action(console, "disable", "Disable an account: it cannot sign in, its sessions end and its tokens stop working.",
            AuditAction.UserDisable, "disabled", (accounts, id, ct) => accounts.DisableAsync(id, ct));
        yield return Action(console, "enable", "Enable a disabled account again (its revoked or expired tokens stay that way).",
            AuditAction.UserEnable, "enabled", (accounts, id, _) => accounts.EnableAsync(id));
        yield return Action(console, "unlock", "End a lockout after failed sign-ins.",
            AuditAction.UserUnlock, "unlocked", (accounts, id, _) => accounts.UnlockAsync(id));
    }

    private static Command Action(
        CliConsole console, string name, string description, AuditAction action, string verb,
        Func<AccountAdministration, string, CancellationToken, Task<AccountResult>> act)
    {
        var email = new Option<string>("--email") { Description = "Email address of the account.", Required = true };
        var data = DataOption.Create();
        var command = new Command(name, description) { email, data };
        command.SetAction((parse, cancellationToken) => CliServices.RunAsync(parse.GetValue(data), async (services, started) =>
        {
            var address = parse.GetRequiredValue(email).Trim();
            var resource = "user " + name;
            var user = await services.GetRequiredService<UserManager<KneeSpineUser>>().FindByEmailAsync(address).ConfigureAwait(false);
            if (user is null)
            {
                console.WriteError($"--email: no account has the email address '{address}' (the web's Users page lists them).");
                await CliAudit.RecordAsync(services, console, started, action, AuditOutcome.Failure, resource, "no such account").ConfigureAwait(false);
                return ExitCodes.InvalidInput;
            }

            var result = await act(services.GetRequiredService<AccountAdministration>(), user.Id, cancellationToken).ConfigureAwait(false);
            var detail = $"{verb} account {user.Email}" + (result.Succeeded ? "" : ": " + string.Join(" ", result.Errors));
            var recorded = await CliAudit.RecordAsync(services, console, started, action,
                result.Succeeded ? AuditOutcome.Success : AuditOutcome.Failure, resource, detail, user.PatientId).ConfigureAwait(false);
            if (!result.Succeeded)
            {
                foreach (var problem in result.Errors)
                {
                    console.WriteError($"--email {user.Email}: {problem}");
                }

                return ExitCodes.InvalidInput;
            }

            await console.Out.WriteLineAsync($"{char.ToUpperInvariant(verb[0])}{verb[1..]} the account {user.Email}.").ConfigureAwait(false);
            return recorded ? ExitCodes.Success : ExitCodes.Failure;
        }, cancellationToken));
        return command;
    }
}
