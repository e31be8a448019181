using System.Text;
using KneeSpine.Web.Accounts;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace KneeSpine.Web.Reports;

/// <summary>Outcomes reports: options, the reporting seam, the service and the CSV downloads (the page is <c>Pages/Reports</c>).</summary>
public static class ReportsRegistration
{
    public static IHostApplicationBuilder AddKneeSpineReports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReportsOptions>()
            .Bind(builder.Configuration.GetSection(ReportsOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        // TryAdd: a read-replica registration made earlier takes precedence.
        builder.Services.TryAddScoped<ReportingDatabase>();
        builder.Services.AddScoped<ReportService>();
        builder.Services.AddScoped<ReportRowBackfill>();
        builder.Services.AddHostedService<ReportRowBackfillService>();
        return builder;
    }

    /// <summary><c>GET /reports/{table}.csv</c> with the page's filter parameters.</summary>
    public static IEndpointRouteBuilder MapKneeSpineReports(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/{table}.csv", CsvAsync)
            .RequireAuthorization(Policies.Clinician)
            .WithTags("Reports")
            .WithName("DownloadReportTable")
            .WithSummary("One table of the outcomes report as CSV, small cells suppressed")
            .WithDescription("Filters as on /reports: from, to (surgery date, YYYY-MM-DD), age, sex, anaesthesia, procedure, side. Clinicians and admins only.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<Results<FileContentHttpResult, ValidationProblem, NotFound>> CsvAsync(
        string table, HttpRequest request, ReportService reports, CancellationToken cancellationToken)
    {
        var (filter, errors) = ReportFilter.Parse(name => request.Query[name].ToString());
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value }));
        }

        var report = await reports.BuildAsync(filter, cancellationToken).ConfigureAwait(false);
        if (report.TooFew)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["filter"] = [$"Fewer than {report.MinimumCellSize} patients match this filter, so no table is given; widen the filter."],
            });
        }

        if (report.Table(table) is not { } found)
        {
            return TypedResults.NotFound();
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(ReportCsv.ToText(found)), "text/csv; charset=utf-8", ReportCsv.FileName(found.Id));
    }
}
