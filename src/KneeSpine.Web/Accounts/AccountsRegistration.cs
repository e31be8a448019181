using KneeSpine.Store.Accounts;
using KneeSpine.Store.Database;
using KneeSpine.Web.Tokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace KneeSpine.Web.Accounts;

public static class AccountsRegistration
{
    /// <summary>The scheme every request is authenticated with: a bearer token when one is sent, else the sign-in cookie.</summary>
    public const string Scheme = "KneeSpine";

    /// <summary>
    /// How often a cookie session is checked against the stored account (Identity's security stamp): a disabled
    /// account, a changed role or a new password reaches open sessions within this time. Identity's default is 30
    /// minutes; a minute costs one account lookup per session per minute.
    /// </summary>
    public static readonly TimeSpan SessionCheckInterval = TimeSpan.FromMinutes(1);

    /// <summary>How long a password reset link made by an admin works (it also stops working once used).</summary>
    public static readonly TimeSpan PasswordResetLifetime = TimeSpan.FromHours(24);

    private static readonly string[] MachinePaths = ["/api", "/fhir", "/cds-services"];

    public static IHostApplicationBuilder AddKneeSpineAccounts(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddIdentity<KneeSpineUser, IdentityRole>(options =>
            {
                // Length over composition rules (NIST SP 800-63B); see docs/decisions.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.SignIn.RequireConfirmedAccount = false;
                // Reset links tell the time with the app's TimeProvider (ADR-140).
                options.Tokens.PasswordResetTokenProvider = ResetLinkTokenProvider.Name;
            })
            .AddEntityFrameworkStores<KneeSpineDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<ResetLinkTokenProvider>(ResetLinkTokenProvider.Name)
            .AddSignInManager<KneeSpineSignInManager>()
            .AddClaimsPrincipalFactory<KneeSpineClaimsPrincipalFactory>();

        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = SessionCheckInterval);
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            options.AccessDeniedPath = "/account/access-denied";
            options.Cookie.Name = "KneeSpine.Auth";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnRedirectToLogin = context => RedirectOrStatus(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => RedirectOrStatus(context, StatusCodes.Status403Forbidden);
        });

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = Scheme;
                options.DefaultAuthenticateScheme = Scheme;
                options.DefaultChallengeScheme = Scheme;
                options.DefaultForbidScheme = Scheme;
            })
            .AddPolicyScheme(Scheme, "Bearer token or cookie", options =>
                options.ForwardDefaultSelector = context =>
                    PersonalAccessTokenHandler.HasBearerToken(context.Request) ? PersonalAccessTokenHandler.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenHandler>(PersonalAccessTokenHandler.SchemeName, null);

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Clinician, policy => policy.RequireRole(Roles.Admin, Roles.Clinician))
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin));

        services.AddScoped<AccountAdministration>();
        services.AddScoped<AdminBootstrapper>();
        return builder;
    }

    /// <summary>Machines calling the API get a status code; people in a browser get the login page.</summary>
    private static Task RedirectOrStatus(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (IsMachinePath(context.Request.Path))
        {
            context.Response.StatusCode = status;
            if (status == StatusCodes.Status401Unauthorized)
            {
                // RFC 9110 15.5.2: a 401 names a scheme; machines authenticate with a bearer token.
                context.Response.Headers.WWWAuthenticate = "Bearer";
            }

        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    internal static bool IsMachinePath(PathString path) =>
        MachinePaths.Any(prefix => path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase));
}
