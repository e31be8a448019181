using System.CommandLine;
using KneeSpine.Cli.CommandLine;
using KneeSpine.Cli.Hosting;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Tokens;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Cli.Tokens;

/// <summary><c>kneespine token create --user EMAIL [--name NAME] [--days N] [--data DIR]</c>: prints the token alone on standard output.</summary>
internal static class TokenCommand
{
    public static Command Create(CliConsole console)
    {
        var user = new Option<string>("--user") { Description = "Email of the account the token acts for.", Required = true };
        var name = new Option<string>("--name") { Description = "What the token is for, shown on the account page.", DefaultValueFactory = _ => "cli" };
        var days = new Option<int>("--days") { Description = "Days until the token expires.", DefaultValueFactory = _ => PersonalAccessTokens.DefaultLifetimeDays };
        ValueForm.WholeNumberFrom(days, 1, 3650);
        var data = DataOption.Create();

        var create = new Command("create", "Create a personal access token for the API (Authorization: Bearer TOKEN).") { user, name, days, data };
        create.SetAction(async (parse, cancellationToken) =>
        {
            var app = await CliServices.OpenAsync(parse.GetValue(data), cancellationToken).ConfigureAwait(false);
            await using (app.ConfigureAwait(false))
            {
                var scope = app.Services.CreateAsyncScope();
                await using (scope.ConfigureAwait(false))
                {
                    var started = CliAudit.Now(scope.ServiceProvider);
                    var email = parse.GetRequiredValue(user).Trim();
                    var account = await scope.ServiceProvider.GetRequiredService<UserManager<KneeSpineUser>>().FindByEmailAsync(email).ConfigureAwait(false);
                    if (account is null)
                    {
                        console.WriteError($"no account with email {email}.");
                        await CliAudit.RecordAsync(scope.ServiceProvider, console, started, AuditAction.TokenCreate, AuditOutcome.Failure, "token create",
                            $"no account with email {email}").ConfigureAwait(false);
                        return ExitCodes.InvalidInput;
                    }

                    var lifetime = TimeSpan.FromDays(parse.GetValue(days));
                    var token = await scope.ServiceProvider.GetRequiredService<PersonalAccessTokens>()
                        .CreateAsync(account, parse.GetRequiredValue(name), lifetime, cancellationToken).ConfigureAwait(false);
                    await console.Out.WriteLineAsync(token.Token).ConfigureAwait(false);
                    await console.Error.WriteLineAsync($"Token '{token.Name}' for {email} expires {token.ExpiresAt:yyyy-MM-dd}. It is shown only now; store it safely.").ConfigureAwait(false);
                    return await CliAudit.RecordAsync(scope.ServiceProvider, console, started, AuditAction.TokenCreate, AuditOutcome.Success, "token create",
                        $"token '{token.Name}' for {email}, expires {token.ExpiresAt:yyyy-MM-dd}", tokenId: token.Id).ConfigureAwait(false)
                        ? ExitCodes.Success
                        : ExitCodes.Failure;
                }
            }
        });

        return new Command("token", "Manage personal access tokens.") { create };
    }
}
