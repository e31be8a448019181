using Duende.IdentityModel.Client;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace KneeSpine.Web.Smart;

/// <summary>
/// SMART App Launch 2.0, EHR launch, with KneeSpine as a confidential client (ADR-125). <see cref="StartAsync"/>
/// answers <c>/smart/launch</c> with the EHR's authorize URL; <see cref="CompleteAsync"/> answers <c>/smart/callback</c>
/// by checking state, exchanging the code, checking the id_token, finding the clinician's account, reading, matching or
/// creating the patient and signing the clinician in. Every step that says no throws
/// <see cref="SmartLaunchRefusedException"/>; an EHR that does not answer throws <see cref="SmartEhrUnavailableException"/>.
/// </summary>
public sealed class SmartLaunchFlow(
    IOptions<SmartOptions> options,
    SmartEhrClient ehrClient,
    PendingLaunchCookies pending,
    SmartIdToken idTokens,
    SmartUserMatcher userMatcher,
    SmartPatientMatcher patientMatcher,
    SignInManager<KneeSpineUser> signIn,
    AuditLog auditLog,
    TimeProvider time)
{
    public const string CallbackPath = "/smart/callback";

    /// <summary>The scopes asked for: the launch context, the clinician's identity, and reading the launch patient's record.</summary>
    public const string Scope = "launch openid fhirUser patient/Patient.rs patient/QuestionnaireResponse.rs";

    public async Task<Uri> StartAsync(HttpContext context, string? iss, string? launch, CancellationToken cancellationToken)
    {
        var audit = context.Audit();
        if (string.IsNullOrWhiteSpace(iss) || string.IsNullOrWhiteSpace(launch))
        {
            throw new SmartLaunchRefusedException(
                "KneeSpine must be opened from the EHR: the link is missing its iss or launch parameter.", "launch without iss or launch");
        }

        audit.UserName = iss;
        var ehr = options.Value.Find(iss)
            ?? throw new SmartLaunchRefusedException(
                "This EHR is not set up to open KneeSpine. Ask your KneeSpine administrator to add it.", $"issuer '{iss}' is not configured");

        var configuration = await ehrClient.DiscoverAsync(ehr.Issuer!, cancellationToken).ConfigureAwait(false);
        var started = PendingLaunch.Start(ehr.Issuer!.AbsoluteUri, configuration, RedirectUri(context), time.GetUtcNow());
        pending.Save(context, started);
        audit.Detail = "sent to the EHR to authorize";
        return new Uri(new RequestUrl(configuration.AuthorizationEndpoint.AbsoluteUri).Create(new Parameters
        {
            { "response_type", "code" },
            { "client_id", ehr.ClientId },
            { "redirect_uri", started.RedirectUri.AbsoluteUri },
            { "launch", launch },
            { "scope", Scope },
            { "state", started.State },
            { "nonce", started.Nonce },
            { "aud", iss },
            { "code_challenge", started.CodeChallenge },
            { "code_challenge_method", "S256" },
        }));
    }

    /// <summary>Completes the launch and gives the patient whose page to open.</summary>
    public async Task<Guid> CompleteAsync(HttpContext context, string? code, string? state, string? error, CancellationToken cancellationToken)
    {
        var audit = context.Audit();
        var launch = pending.Take(context, state)
            ?? throw new SmartLaunchRefusedException(
                "This sign-in does not match a launch started in this browser, or it was already used. Open KneeSpine from the EHR again.",
                "state does not match a launch started in this browser");
        audit.UserName = launch.Issuer;
        if (time.GetUtcNow() - launch.StartedAt > TimeSpan.FromMinutes(options.Value.LaunchLifetimeMinutes))
        {
            throw new SmartLaunchRefusedException("The launch took too long. Open KneeSpine from the EHR again.", "launch expired before the callback");
        }

        if (!string.IsNullOrEmpty(error) || string.IsNullOrEmpty(code))
        {
            throw new SmartLaunchRefusedException(
                "The EHR did not authorize KneeSpine. Open KneeSpine from the EHR again, or ask your EHR administrator.",
                $"EHR answered error '{error ?? "no code"}'");
        }

        var ehr = options.Value.Find(launch.Issuer)
            ?? throw new SmartLaunchRefusedException("This EHR is no longer set up to open KneeSpine.", $"issuer '{launch.Issuer}' is no longer configured");

        var token = await ehrClient.ExchangeCodeAsync(ehr, launch, code, cancellationToken).ConfigureAwait(false);
        var fhirUser = await idTokens.FhirUserAsync(token.IdentityToken, ehr, launch, cancellationToken).ConfigureAwait(false);
        var user = await userMatcher.FindAsync(ehr, fhirUser).ConfigureAwait(false);
        audit.UserName = user.Email;
        audit.UserId = user.Id;

        if (token.TryGet("patient") is not { Length: > 0 } ehrPatientId || string.IsNullOrEmpty(token.AccessToken))
        {
            throw new SmartLaunchRefusedException(
                "The EHR did not say which patient is open. Open KneeSpine from a patient's chart in the EHR.", "token response without patient context");
        }

        var ehrPatient = await ehrClient.ReadPatientAsync(ehr.Issuer!, ehrPatientId, token.AccessToken, cancellationToken).ConfigureAwait(false);
        var match = await patientMatcher.MatchOrCreateAsync(ehr, ehrPatient, user.Email!, cancellationToken).ConfigureAwait(false);
        audit.PatientId = match.PatientId;
        if (match.Created)
        {
            await auditLog.TryRecordAsync(new AuditEvent
            {
                OccurredAt = time.GetUtcNow(),
                Action = AuditAction.PatientCreate,
                Outcome = AuditOutcome.Success,
                StatusCode = StatusCodes.Status302Found,
                UserId = user.Id,
                UserName = user.Email!,
                PatientId = match.PatientId,
                Resource = context.Request.Method + " " + context.Request.PathBase + context.Request.Path,
                RemoteAddress = context.Connection.RemoteIpAddress?.ToString(),
                Detail = $"created from a SMART launch by {launch.Issuer}, identifier {match.System}|{match.Value}",
            }).ConfigureAwait(false);
        }

        await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: "smart").ConfigureAwait(false);
        audit.Detail = $"fhirUser {fhirUser}; patient {(match.Created ? "created" : "matched")} by identifier {match.System}|{match.Value}";
        return match.PatientId;
    }

    private Uri RedirectUri(HttpContext context)
    {
        var root = options.Value.PublicBaseUrl?.AbsoluteUri.TrimEnd('/') ?? $"{context.Request.Scheme}://{context.Request.Host}{context.Request.PathBase}";
        return new Uri(root + CallbackPath);
    }
}
