using KneeSpine.Store.Database;
using KneeSpine.Web.Accounts;
using KneeSpine.Web.Assessments;
using KneeSpine.Web.Audit;
using KneeSpine.Web.Benchmark;
using KneeSpine.Web.BulkExport;
using KneeSpine.Web.CdsHooks;
using KneeSpine.Web.Clinic;
using KneeSpine.Web.ClinicIdentity;
using KneeSpine.Web.DataProtection;
using KneeSpine.Web.Evaluate;
using KneeSpine.Web.Fhir;
using KneeSpine.Web.FollowUps;
using KneeSpine.Web.Health;
using KneeSpine.Web.Notifications;
using KneeSpine.Web.OpenApi;
using KneeSpine.Web.Patients;
using KneeSpine.Web.Problems;
using KneeSpine.Web.RateLimits;
using KneeSpine.Web.Smart;
using KneeSpine.Web.Tokens;
using KneeSpine.Web.Reports;
using KneeSpine.Web.Worklist;

namespace KneeSpine.Web.Hosting;

/// <summary>Builds the KneeSpine web app; used by <c>Program</c> and by <c>kneespine serve</c>.</summary>
public static class KneeSpineWebHost
{
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>The app with its middleware and endpoints, ready to run.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = CreateBuilder(args);
        configure?.Invoke(builder);

        var app = builder.Build();
        GarbageCollectorAdvice.LogFor(app.Logger);
        app.UseKneeSpineBulkExportYield();
        app.UseKneeSpineSecurityHeaders();
        app.UseKneeSpineProblemDetails();
        app.UseKneeSpineFhirOutcomes();
        app.UseKneeSpineRequestSizeLimit();
        app.UseRouting();
        app.UseKneeSpineAudit();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseAuthorization();

        app.MapKneeSpineHealth();
        app.MapKneeSpineOpenApi();
        app.MapKneeSpinePages();
        app.MapKneeSpineReports();
        var api = app.MapGroup("/api/v1");
        api.MapEvaluate();
        api.MapPatients();
        api.MapAssessments();
        api.MapWorklist();
        api.MapFollowUps();
        app.MapFhir();
        app.MapCdsHooks();
        app.MapKneeSpineBenchmark();
        return app;
    }

    /// <summary>Every KneeSpine service registered; also used by CLI commands that need the database but no server.</summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var applicationName = typeof(KneeSpineWebHost).Assembly.GetName().Name!;
        var publishedWebRoot = Path.Combine(AppContext.BaseDirectory, "wwwroot");
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // Razor Pages and static assets belong to this assembly even when the CLI is the entry point.
            ApplicationName = applicationName,
            WebRootPath = Directory.Exists(publishedWebRoot) ? publishedWebRoot : null,
        });
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, applicationName + ".staticwebassets.runtime.json")))
        {
            // A build (not a publish) serves assets from the project folders in every environment, so `dotnet run` looks right.
            builder.WebHost.UseStaticWebAssets();
        }

        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["http_ports"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Quiet defaults without an appsettings file; configuration (Logging:LogLevel:...) still overrides them.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);

        builder.AddKneeSpineOptions();
        builder.AddKneeSpineStore();
        builder.AddKneeSpineProblemDetails();
        builder.AddKneeSpineDataProtection();
        builder.AddKneeSpineAccounts();
        builder.AddKneeSpineAudit();
        builder.AddKneeSpineTokens();
        builder.AddKneeSpinePatients();
        builder.AddKneeSpineAssessments();
        builder.AddKneeSpineNotifications();
        builder.AddKneeSpineWorklist();
        builder.AddKneeSpineFollowUps();
        builder.AddKneeSpineReports();
        builder.AddKneeSpineEvaluate();
        builder.AddKneeSpineRateLimits();
        builder.AddKneeSpineFhir();
        builder.AddKneeSpineBulkExport();
        builder.AddKneeSpineCdsHooks();
        builder.AddKneeSpineSmart();
        builder.AddKneeSpineHealth();
        builder.AddKneeSpineOpenApi();
        builder.AddKneeSpinePages();
        builder.AddKneeSpineClinic();
        builder.AddClinicIdentity();
        builder.AddKneeSpineStartup();
        builder.AddKneeSpineBenchmark();
        return builder;
    }
}
