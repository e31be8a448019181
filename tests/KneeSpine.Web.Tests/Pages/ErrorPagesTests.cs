using System.Net;
using System.Net.Http.Headers;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Database;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Web.Tests.Pages;

/// <summary>What a browser gets for 404, 403, 400 and 500: the site's layout, a heading that says what happened, a way on, the right status.</summary>
public abstract class ErrorPagesTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Fact]
    public async Task An_unknown_address_is_page_not_found_in_the_site_layout()
    {
        var response = await App.Anonymous().SendAsync(Page(HttpMethod.Get, "/no-such-page"), Cancel);

        await AssertErrorPageAsync(response, HttpStatusCode.NotFound, "Page not found");
    }

    [Fact]
    public async Task An_unknown_patient_is_page_not_found_for_a_signed_in_clinician_with_the_clinic_navigation()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);

        var response = await clinician.SendAsync(Page(HttpMethod.Get, $"/patients/{Guid.NewGuid()}"), Cancel);

        var html = await AssertErrorPageAsync(response, HttpStatusCode.NotFound, "Page not found");
        Assert.Contains("href=\"/patients\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_page_the_account_may_not_open_says_so_in_the_site_layout()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await App.ClientAsync(Roles.Patient, await PatientsApiTests.CreatePatientAsync(clinician, "Refused Patient"));

        var response = await patient.SendAsync(Page(HttpMethod.Get, "/admin/users"), Cancel);

        await AssertErrorPageAsync(response, HttpStatusCode.Forbidden, "You do not have access to this page");
    }

    [Fact]
    public async Task A_form_post_without_its_token_is_a_bad_request_page_in_the_site_layout()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        using var request = Page(HttpMethod.Post, "/account/change-password");
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.NewPassword"] = "x" });

        var response = await clinician.SendAsync(request, Cancel);

        await AssertErrorPageAsync(response, HttpStatusCode.BadRequest, "We could not accept that");
    }

    [Fact]
    public async Task A_fault_on_the_server_is_a_500_page_in_the_site_layout_without_details()
    {
        // A database whose outbox table is gone: the outbox page fails with an error that is not an outage.
        await using var app = await TestApp.StartAsync(fixture.Kind);
        var admin = await app.ClientAsync(Roles.Admin);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<KneeSpineDbContext>();
            var table = db.Model.FindEntityType(typeof(KneeSpine.Store.Notifications.OutboxMessage))!.GetTableName()!;
            // The name comes from the model, not from input.
            var drop = "DROP TABLE \"" + table + "\"";
            await db.Database.ExecuteSqlRawAsync(drop, Cancel);
        }

        var response = await admin.SendAsync(Page(HttpMethod.Get, "/admin/outbox"), Cancel);

        var html = await AssertErrorPageAsync(response, HttpStatusCode.InternalServerError, "Sorry, there is a problem with the service");
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain("SQL", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Api_callers_still_get_problem_details_for_an_unknown_address()
    {
        var response = await App.Anonymous().GetAsync("/api/v1/no-such-thing", Cancel);

        Assert.NotEqual("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    private static HttpRequestMessage Page(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*", 0.8));
        return request;
    }

    private static async Task<string> AssertErrorPageAsync(HttpResponseMessage response, HttpStatusCode status, string heading)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains($"<h1>{heading}</h1>", html, StringComparison.Ordinal);
        Assert.Contains("class=\"site-header\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"site-nav site-nav--bar\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"site-footer\"", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/\">Go to the start page</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Something went wrong", html, StringComparison.Ordinal);
        return html;
    }
}

public sealed class ErrorPagesOnSqlite(SqliteApp app) : ErrorPagesTests(app), IClassFixture<SqliteApp>;

public sealed class ErrorPagesOnPostgres(PostgresApp app) : ErrorPagesTests(app), IClassFixture<PostgresApp>;
