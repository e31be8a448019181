using System.Net;
using System.Net.Http.Headers;
using KneeSpine.Store.Accounts;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Tokens;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace KneeSpine.Web.Tests.Infrastructure;

/// <summary>The whole app in memory over a fresh <see cref="TestDatabase"/>, with a fake clock.</summary>
public sealed class TestApp : WebApplicationFactory<Program>
{
    public const string Password = "long enough test password";

    /// <summary>A fixed "now"; no test depends on the real date.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private readonly IReadOnlyDictionary<string, string?> _settings;
    private readonly bool _ownsDatabase;

    private TestApp(TestDatabase database, IReadOnlyDictionary<string, string?> settings, bool ownsDatabase)
    {
        Database = database;
        _settings = settings;
        _ownsDatabase = ownsDatabase;
    }

    public TestDatabase Database { get; }

    public FakeTimeProvider Time { get; } = new(Now);

    /// <summary>What the app logged, warnings and above.</summary>
    public CapturedLogs Logs { get; } = new();

    public static DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    public static async Task<TestApp> StartAsync(TestDatabaseKind kind, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await TestDatabase.CreateAsync(kind);
        try
        {
            return Start(database, settings, ownsDatabase: true);
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the app over an existing database, as a restart would; the caller keeps the database.</summary>
    public static TestApp Start(TestDatabase database, IReadOnlyDictionary<string, string?>? settings = null, bool ownsDatabase = false)
    {
        var app = new TestApp(database, settings ?? new Dictionary<string, string?>(), ownsDatabase);
        try
        {
            app.StartServer();
            return app;
        }
        catch
        {
            app.Dispose();
            throw;
        }
    }

    /// <summary>A client with no credentials that sees redirects as they are.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A new account with <paramref name="role"/> and a client that calls the API with its personal access token.</summary>
    public async Task<HttpClient> ClientAsync(string role, Guid? patientId = null)
    {
        var (_, token) = await CreateAccountAsync(role, patientId);
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A browser-like client (cookies kept, redirects not followed) signed in through the real login form.</summary>
    public async Task<HttpClient> SignInWithCookieAsync(string email)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var cancel = TestContext.Current.CancellationToken;
        var form = await client.GetStringAsync("/account/login", cancel);
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["__RequestVerificationToken"] = HtmlForms.AntiforgeryToken(form),
        }), cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    public async Task<(KneeSpineUser User, string Token)> CreateAccountAsync(string role, Guid? patientId = null, string? email = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
        var result = await accounts.AddUserAsync(email ?? $"{role}-{Guid.NewGuid():N}@example.org", role, Password, patientId);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        var token = await scope.ServiceProvider.GetRequiredService<PersonalAccessTokens>().CreateAsync(result.User!, "test", TimeSpan.FromDays(30));
        return (result.User!, token.Token);
    }

    public async Task<T> WithServiceAsync<TService, T>(Func<TService, Task<T>> use)
        where TService : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public Task<KneeSpineUser?> FindUserAsync(string email) =>
        WithServiceAsync<UserManager<KneeSpineUser>, KneeSpineUser?>(users => users.FindByEmailAsync(email));

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        // The documented lower-case values, as an operator would write them.
        builder.UseSetting("KneeSpine:Database:Provider", Database.Provider.ToString().ToLowerInvariant());
        builder.UseSetting("KneeSpine:Database:ConnectionString", Database.ConnectionString);
        builder.UseSetting("KneeSpine:DataDirectory", Database.DataDirectory);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.UseDefaultServiceProvider(options =>
        {
            options.ValidateScopes = true;
            options.ValidateOnBuild = true;
        });
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning).AddProvider(Logs));
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(Time));
    }
}
