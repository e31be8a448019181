using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace KneeSpine.BrowserTests.Infrastructure;

/// <summary>
/// The real app on Kestrel at 127.0.0.1 with a random free port, over a fresh SQLite database in a
/// temporary data directory, with a fixed clock and a first admin account.
/// </summary>
public class BrowserApp : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@clinic.example";
    public const string Password = "correct horse battery staple";

    /// <summary>A fixed "now": the dates typed in the tests are relative to it.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 10, 0, 0, TimeSpan.Zero);

    private readonly string dataDirectory = Directory.CreateTempSubdirectory("kneespine-browser-").FullName;

    private readonly IReadOnlyDictionary<string, string?> settings;

    public BrowserApp()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>The app with extra configuration (for example a clinic's identity, or the demo patients).</summary>
    protected BrowserApp(IReadOnlyDictionary<string, string?> settings)
    {
        this.settings = settings;
        UseKestrel();
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal)).TrimEnd('/');
    }

    public static DateOnly Today => DateOnly.FromDateTime(Now.UtcDateTime);

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:43121</c>.</summary>
    public string BaseUrl { get; }

    /// <summary>An account with <see cref="Password"/>, made as an admin would (kept when it already exists).</summary>
    public async Task AddAccountAsync(string email, string role, Guid? patientId = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<KneeSpine.Store.Accounts.KneeSpineUser>>();
        if (await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var result = await scope.ServiceProvider.GetRequiredService<KneeSpine.Web.Accounts.AccountAdministration>().AddUserAsync(email, role, Password, patientId);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment on shutdown; the temp directory is cleaned by the OS.
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("urls", "http://127.0.0.1:0");
        builder.UseSetting("KneeSpine:Database:Provider", "Sqlite");
        builder.UseSetting("KneeSpine:Database:ConnectionString", $"Data Source={Path.Combine(dataDirectory, "kneespine.db")}");
        builder.UseSetting("KneeSpine:DataDirectory", dataDirectory);
        builder.UseSetting("KNEESPINE_ADMIN_EMAIL", AdminEmail);
        builder.UseSetting("KNEESPINE_ADMIN_PASSWORD", Password);
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        builder.ConfigureServices(services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(Now)));
    }
}
