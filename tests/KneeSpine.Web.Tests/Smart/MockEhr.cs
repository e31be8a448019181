using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Claims;
using KneeSpine.Fhir.Serialization;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Microsoft.IdentityModel.Tokens;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;
using FhirPatient = Hl7.Fhir.Model.Patient;

namespace KneeSpine.Web.Tests.Smart;

/// <summary>
/// A SMART on FHIR EHR for tests, on a real Kestrel port on 127.0.0.1: an OpenIddict authorization server (authorize,
/// token, discovery, JWKS; authorization code flow with PKCE required; codes live two minutes by <see cref="Time"/>),
/// <c>/.well-known/smart-configuration</c> and a FHIR Patient read that requires the access token, under three FHIR bases:
/// <c>/fhir</c> (client <see cref="ClientId"/>, client secret), <c>/mrn/fhir</c> (client <see cref="MrnClientId"/>,
/// where KneeSpine picks the MRN identifier system) and <c>/jwt/fhir</c> (client <see cref="JwtClientId"/>, which
/// authenticates with <c>private_key_jwt</c> signed by the key at <see cref="ClientKeyPath"/>). The authorize endpoint stands for a signed-in EHR user: it approves a known <c>launch</c> at once.
/// </summary>
public sealed class MockEhr : IAsyncDisposable
{
    public const string ClientId = "kneespine";
    public const string ClientSecret = "mock ehr client secret";
    public const string MrnClientId = "kneespine-mrn";
    public const string JwtClientId = "kneespine-jwt";
    public const string ClientKeyId = "kneespine-key-1";
    public const string PatientClaim = "patient";
    public const string FhirUserClaim = "fhirUser";
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(2);

    private static readonly string[] SmartScopes = ["launch", "fhirUser", "patient/Patient.rs", "patient/QuestionnaireResponse.rs"];

    private readonly WebApplication _app;
    private readonly string _directory;

    private MockEhr(WebApplication app, string directory, FakeTimeProvider time)
    {
        _app = app;
        _directory = directory;
        Time = time;
    }

    /// <summary>The EHR's clock (codes and tokens); tests move it with the app's.</summary>
    public FakeTimeProvider Time { get; }

    public Uri BaseAddress { get; private set; } = null!;

    public Uri FhirBase => new(BaseAddress, "/fhir");

    public Uri MrnFhirBase => new(BaseAddress, "/mrn/fhir");

    public Uri JwtFhirBase => new(BaseAddress, "/jwt/fhir");

    /// <summary>The same client as <see cref="JwtFhirBase"/>; KneeSpine is configured here with <see cref="UnregisteredKeyPath"/>.</summary>
    public Uri UnregisteredKeyFhirBase => new(BaseAddress, "/unregistered-key/fhir");

    /// <summary>A private key (PEM) whose public half the EHR does not know.</summary>
    public string UnregisteredKeyPath => Path.Combine(_directory, "unregistered-key.pem");

    /// <summary>KneeSpine's private key (PEM) for <see cref="JwtClientId"/>; the EHR holds its public half in the client's JWKS.</summary>
    public string ClientKeyPath => Path.Combine(_directory, "kneespine-client-key.pem");

    /// <summary>Every client assertion the token endpoint accepted, as received (a compact JWT).</summary>
    public ConcurrentQueue<string> AcceptedClientAssertions { get; } = new();

    /// <summary>The EHR's patients by id.</summary>
    public ConcurrentDictionary<string, FhirPatient> Patients { get; } = new(StringComparer.Ordinal);

    /// <summary>Launches the EHR has handed out, by launch id.</summary>
    public ConcurrentDictionary<string, MockEhrLaunch> Launches { get; } = new(StringComparer.Ordinal);

    /// <summary>Every authorization request's parameters, in order.</summary>
    public ConcurrentQueue<IReadOnlyDictionary<string, string?>> AuthorizationRequests { get; } = new();

    /// <summary>Every FHIR request the EHR answered: path and whether it carried a valid access token.</summary>
    public ConcurrentQueue<string> FhirReads { get; } = new();

    /// <summary>A new launch of <paramref name="patientId"/>'s chart by <paramref name="practitionerId"/>; the <c>launch</c> value.</summary>
    public string NewLaunch(string patientId, string practitionerId)
    {
        var id = Guid.NewGuid().ToString("N");
        Launches[id] = new MockEhrLaunch(patientId, practitionerId);
        return id;
    }

    public static async Task<MockEhr> StartAsync(Uri redirectUri)
    {
        var directory = Directory.CreateTempSubdirectory("kneespine-mock-ehr-").FullName;
        var time = new FakeTimeProvider(TestApp.Now);
        using var clientKey = RSA.Create(2048);
        await File.WriteAllTextAsync(Path.Combine(directory, "kneespine-client-key.pem"), clientKey.ExportPkcs8PrivateKeyPem());
        using (var otherKey = RSA.Create(2048))
        {
            await File.WriteAllTextAsync(Path.Combine(directory, "unregistered-key.pem"), otherKey.ExportPkcs8PrivateKeyPem());
        }

        var clientJwks = new JsonWebKeySet();
        var publicKey = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(clientKey.ExportParameters(false)) { KeyId = ClientKeyId });
        publicKey.Use = JsonWebKeyUseNames.Sig;
        clientJwks.Keys.Add(publicKey);
        Uri? tokenEndpoint = null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<MockEhrDbContext>(options =>
        {
            options.UseSqlite("Data Source=" + Path.Combine(directory, "ehr.db"));
            options.UseOpenIddict();
        });
        builder.Services.AddOpenIddict()
            .AddCore(options => options.UseEntityFrameworkCore().UseDbContext<MockEhrDbContext>())
            .AddServer(options =>
            {
                options.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetJsonWebKeySetEndpointUris(".well-known/jwks");
                options.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                options.RegisterScopes([Scopes.OpenId, .. SmartScopes]);
                options.RegisterClaims(FhirUserClaim, PatientClaim);
                options.SetAuthorizationCodeLifetime(CodeLifetime);
                options.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
                options.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    // Plain http on 127.0.0.1 only: the test EHR has no certificate.
                    .DisableTransportSecurityRequirement();
                options.Configure(server => server.TimeProvider = time);
                // OpenIddict 7 follows draft-ietf-oauth-rfc7523bis for client assertions: typ client-authentication+jwt
                // and aud = its issuer. SMART App Launch 2 (and Epic, Oracle Health) ask clients for typ JWT and
                // aud = the token endpoint, so this EHR accepts those too, as those EHRs do (ADR-147). Signature, iss,
                // sub, lifetime and the client's registered key are still OpenIddict's own checks.
                options.AddEventHandler<OpenIddictServerEvents.ValidateTokenContext>(handler => handler
                    .UseInlineHandler(context =>
                    {
                        if (context.ValidTokenTypes.Contains(TokenTypeIdentifiers.Private.ClientAssertion) && tokenEndpoint is not null)
                        {
                            context.ValidAudiences.Add(tokenEndpoint.AbsoluteUri);
                            context.TokenValidationParameters.ValidTypes = [.. context.TokenValidationParameters.ValidTypes ?? [], JwtConstants.HeaderType];
                        }

                        return default;
                    })
                    .SetOrder(OpenIddictServerHandlers.Protection.ResolveTokenValidationParameters.Descriptor.Order + 1)
                    .SetType(OpenIddictServerHandlerType.Custom));
                // A generic JWT is read as an id_token by OpenIddict; here it was sent as a client assertion, and is one.
                options.AddEventHandler<OpenIddictServerEvents.ValidateTokenContext>(handler => handler
                    .UseInlineHandler(context =>
                    {
                        if (context.ValidTokenTypes.Contains(TokenTypeIdentifiers.Private.ClientAssertion)
                            && context.Principal?.GetTokenType() == TokenTypeIdentifiers.IdentityToken)
                        {
                            context.Principal.SetTokenType(TokenTypeIdentifiers.Private.ClientAssertion);
                        }

                        return default;
                    })
                    .SetOrder(OpenIddictServerHandlers.Protection.ValidateIdentityModelToken.Descriptor.Order + 1)
                    .SetType(OpenIddictServerHandlerType.Custom));
            })
            .AddValidation(options =>
            {
                options.UseLocalServer();
                options.UseAspNetCore();
                options.Configure(validation => validation.TimeProvider = time);
            });
        builder.Services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        builder.Services.AddAuthorization();

        var app = builder.Build();
        var ehr = new MockEhr(app, directory, time);
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], ehr.Authorize);
        app.MapPost("/connect/token", (Delegate)ehr.Token);
        foreach (var prefix in new[] { "/fhir", "/mrn/fhir", "/jwt/fhir", "/unregistered-key/fhir" })
        {
            app.MapGet(prefix + "/.well-known/smart-configuration", ehr.SmartConfiguration);
            app.MapGet(prefix + "/Patient/{id}", ehr.ReadPatient).RequireAuthorization();
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<MockEhrDbContext>().Database.EnsureCreatedAsync();
            var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
            await applications.CreateAsync(Application(ClientId, redirectUri, descriptor => descriptor.ClientSecret = ClientSecret));
            await applications.CreateAsync(Application(MrnClientId, redirectUri, descriptor => descriptor.ClientSecret = ClientSecret));
            await applications.CreateAsync(Application(JwtClientId, redirectUri, descriptor => descriptor.JsonWebKeySet = clientJwks));
        }

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        ehr.BaseAddress = new Uri(address);
        tokenEndpoint = new Uri(ehr.BaseAddress, "/connect/token");
        await ehr.WarmUpAsync();
        return ehr;
    }

    /// <summary>
    /// The first answers of a new server (JIT, OpenIddict's pipeline) can take tens of seconds on a busy machine; the
    /// launches under test should not pay for that inside KneeSpine's timeout, so the fixture asks each endpoint once
    /// first, with no time limit.
    /// </summary>
    private async Task WarmUpAsync()
    {
        using var client = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        foreach (var path in new[] { "/fhir/.well-known/smart-configuration", "/.well-known/openid-configuration", "/.well-known/jwks", "/fhir/Patient/none" })
        {
            using var response = await client.GetAsync(new Uri(BaseAddress, path));
        }

        using var token = await client.PostAsync(new Uri(BaseAddress, "/connect/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = "warm-up",
            ["client_id"] = ClientId,
            ["client_secret"] = ClientSecret,
        }));
        FhirReads.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static OpenIddictApplicationDescriptor Application(string clientId, Uri redirectUri, Action<OpenIddictApplicationDescriptor> credentials)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = ClientTypes.Confidential,
            RedirectUris = { redirectUri },
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        foreach (var scope in SmartScopes)
        {
            descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        credentials(descriptor);
        return descriptor;
    }

    private IResult Authorize(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        AuthorizationRequests.Enqueue(request.GetParameters().ToDictionary(p => p.Key, p => (string?)p.Value));
        var launchId = (string?)request["launch"];
        var audience = (string?)request["aud"];
        if (launchId is null || !Launches.TryGetValue(launchId, out var launch)
            || !new[] { FhirBase, MrnFhirBase, JwtFhirBase, UnregisteredKeyFhirBase }.Any(b => b.AbsoluteUri == audience?.TrimEnd('/')))
        {
            return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.InvalidRequest,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "Unknown launch or aud.",
            }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, launch.PractitionerId);
        identity.SetClaim(FhirUserClaim, audience + "/Practitioner/" + launch.PractitionerId);
        identity.SetClaim(PatientClaim, launch.PatientId);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(claim => claim.Type switch
        {
            FhirUserClaim => [Destinations.IdentityToken],
            PatientClaim => [Destinations.AccessToken],
            Claims.Subject => [Destinations.AccessToken, Destinations.IdentityToken],
            _ => [],
        });
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    // The code's principal (checked by OpenIddict: client, PKCE verifier, lifetime) gives the tokens and the patient context.
    // Reached only when OpenIddict has authenticated the client, so an assertion seen here was accepted.
    private async Task<IResult> Token(HttpContext context)
    {
        if (context.GetOpenIddictServerRequest()?.ClientAssertion is { } assertion)
        {
            AcceptedClientAssertions.Enqueue(assertion);
        }

        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var principal = result.Principal ?? throw new InvalidOperationException("OpenIddict let a token request through without a principal.");
        var properties = new AuthenticationProperties(items: null, parameters: new Dictionary<string, object?>
        {
            [PatientClaim] = principal.GetClaim(PatientClaim),
        });
        return Results.SignIn(principal, properties, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private IResult SmartConfiguration(HttpContext context) => Results.Json(new Dictionary<string, object>
    {
        ["issuer"] = BaseAddress.AbsoluteUri,
        ["jwks_uri"] = new Uri(BaseAddress, "/.well-known/jwks").AbsoluteUri,
        ["authorization_endpoint"] = new Uri(BaseAddress, "/connect/authorize").AbsoluteUri,
        ["token_endpoint"] = new Uri(BaseAddress, "/connect/token").AbsoluteUri,
        ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_basic", "private_key_jwt" },
        ["grant_types_supported"] = new[] { "authorization_code" },
        ["scopes_supported"] = (string[])[Scopes.OpenId, .. SmartScopes],
        ["response_types_supported"] = new[] { "code" },
        ["capabilities"] = new[] { "launch-ehr", "client-confidential-symmetric", "client-confidential-asymmetric", "sso-openid-connect", "context-ehr-patient", "permission-v2" },
        ["code_challenge_methods_supported"] = new[] { "S256" },
    });

    // Only the launch patient, and only with a token that carries the patient scope.
    private IResult ReadPatient(HttpContext context, string id)
    {
        FhirReads.Enqueue(context.Request.Path);
        var user = context.User;
        if (user.GetClaim(PatientClaim) != id || !user.HasScope("patient/Patient.rs"))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        return Patients.TryGetValue(id, out var patient)
            ? Results.Text(FhirJson.Serialize(patient), "application/fhir+json")
            : Results.NotFound();
    }
}
