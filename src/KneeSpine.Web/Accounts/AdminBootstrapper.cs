using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Audit;

namespace KneeSpine.Web.Accounts;

/// <summary>
/// Creates the first admin from <c>KNEESPINE_ADMIN_EMAIL</c> and <c>KNEESPINE_ADMIN_PASSWORD</c> when no admin exists.
/// Once any admin exists it does nothing, so restarting with the same variables changes nothing. There is never a default password.
/// </summary>
public sealed partial class AdminBootstrapper(
    AccountAdministration accounts, IConfiguration configuration, AuditLog audit, TimeProvider time, ILogger<AdminBootstrapper> logger)
{
    public const string EmailVariable = "KNEESPINE_ADMIN_EMAIL";
    public const string PasswordVariable = "KNEESPINE_ADMIN_PASSWORD";

    public async Task BootstrapAsync(CancellationToken cancellationToken)
    {
        var email = configuration[EmailVariable];
        var password = configuration[PasswordVariable];
        if (await accounts.AnyAdminAsync(cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (string.IsNullOrWhiteSpace(email) && string.IsNullOrEmpty(password))
        {
            LogNoAdmin(logger, EmailVariable, PasswordVariable);
            return;
        }

        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrEmpty(password))
        {
            throw new InvalidOperationException($"Set both {EmailVariable} and {PasswordVariable} to create the first admin, or neither.");
        }

        var started = time.GetUtcNow();
        var result = await accounts.AddUserAsync(email.Trim(), Roles.Admin, password, patientId: null, cancellationToken).ConfigureAwait(false);
        await audit.TryRecordAsync(new AuditEvent
        {
            OccurredAt = started,
            Action = AuditAction.UserCreate,
            Outcome = result.Succeeded ? AuditOutcome.Success : AuditOutcome.Failure,
            UserName = "system",
            Client = "admin-bootstrap",
            Resource = "first admin from " + EmailVariable,
            Detail = $"admin account {email.Trim()}" + (result.Succeeded ? "" : ": " + string.Join(" ", result.Errors)),
        }).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create the first admin from {EmailVariable}: {string.Join(" ", result.Errors)}");
        }

        LogCreated(logger, email.Trim());
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "No admin account yet. Set {EmailVariable} and {PasswordVariable}, or run `kneespine user add --role admin`.")]
    private static partial void LogNoAdmin(ILogger logger, string emailVariable, string passwordVariable);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the first admin account {Email}")]
    private static partial void LogCreated(ILogger logger, string email);
}
