using System.Net;
using System.Text.RegularExpressions;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Audit;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.Audit;

/// <summary>The admin page /admin/audit: newest first, every filter, paging, encoding, admins only.</summary>
public abstract partial class AuditPageTests(AppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Lists_events_newest_first_with_who_what_patient_outcome_and_from_where()
    {
        var marker = Marker();
        var patient = Guid.NewGuid();
        await SeedAsync(new() { UserName = marker + "-old", OccurredAt = TestApp.Now.AddHours(-2), PatientId = patient, RemoteAddress = "198.51.100.7", StatusCode = 200 });
        await SeedAsync(new() { UserName = marker + "-new", OccurredAt = TestApp.Now.AddHours(-1), Action = AuditAction.Login, Outcome = AuditOutcome.Denied, StatusCode = 200, Detail = "account locked out" });
        var admin = await AdminAsync();

        var html = await PageAsync(admin, $"/admin/audit?user={marker}");

        Assert.True(html.IndexOf(marker + "-new", StringComparison.Ordinal) < html.IndexOf(marker + "-old", StringComparison.Ordinal), "the newer event comes first");
        Assert.Equal(2, Rows(html));
        Assert.Contains($"<a href=\"/patients/{patient}\">unknown patient</a>", html, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"audit-meta audit-id\">{patient}</span>", html, StringComparison.Ordinal);
        Assert.Contains("198.51.100.7", html, StringComparison.Ordinal);
        Assert.Contains(">denied (200)</span>", html, StringComparison.Ordinal);
        Assert.Contains(">login</span>", html, StringComparison.Ordinal);
        Assert.Contains("account locked out", html, StringComparison.Ordinal);
        Assert.Contains(TestApp.Now.AddHours(-1).ToString("d MMM yyyy HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_filter_narrows_the_list_and_the_form_keeps_what_was_chosen()
    {
        var marker = Marker();
        var patient = Guid.NewGuid();
        await SeedAsync(new() { UserName = marker + "-a", PatientId = patient, OccurredAt = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero) });
        await SeedAsync(new() { UserName = marker + "-b", Action = AuditAction.AssessmentCreate, OccurredAt = new DateTimeOffset(2026, 11, 21, 9, 0, 0, TimeSpan.Zero) });
        await SeedAsync(new() { UserName = marker + "-c", Outcome = AuditOutcome.Failure, OccurredAt = new DateTimeOffset(2026, 11, 22, 23, 59, 0, TimeSpan.Zero) });
        var admin = await AdminAsync();

        var byPatient = await PageAsync(admin, $"/admin/audit?user={marker}&patient={patient}");
        var byAction = await PageAsync(admin, $"/admin/audit?user={marker}&action=assessment-create");
        var byOutcome = await PageAsync(admin, $"/admin/audit?user={marker}&outcome=failure");
        var byDays = await PageAsync(admin, $"/admin/audit?user={marker}&from=2026-11-21&to=2026-11-22");

        Assert.Equal([marker + "-a"], Users(byPatient, marker));
        Assert.Equal([marker + "-b"], Users(byAction, marker));
        Assert.Equal([marker + "-c"], Users(byOutcome, marker));
        Assert.Equal([marker + "-c", marker + "-b"], Users(byDays, marker));
        Assert.Contains("<option value=\"assessment-create\" selected=\"selected\">", byAction, StringComparison.Ordinal);
        Assert.Contains($"value=\"{patient}\"", byPatient, StringComparison.Ordinal);
        Assert.Contains("No events match these filters.", await PageAsync(admin, $"/admin/audit?user={marker}&action=logout"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_someone_typed_is_shown_encoded()
    {
        var marker = Marker();
        await SeedAsync(new() { UserName = marker + "<script>alert('x')</script>", Detail = "<img src=x onerror=alert(1)>", UserAgent = "\"><b>agent</b>" });
        var admin = await AdminAsync();

        var html = await PageAsync(admin, $"/admin/audit?user={Uri.EscapeDataString(marker + "<script>")}");

        Assert.Equal(1, Rows(html));
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>agent</b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        // The filter value typed into the form comes back encoded too.
        Assert.Contains("value=\"" + marker + "&lt;script&gt;\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_that_do_not_read_are_named_in_an_error_summary_linked_to_their_field()
    {
        var admin = await AdminAsync();

        var html = await PageAsync(admin, "/admin/audit?patient=not-an-id&from=25.11.2026&to=2026-11-01&action=explode&outcome=maybe");

        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        foreach (var field in new[] { "patient", "from", "action", "outcome" })
        {
            Assert.Contains($"href=\"#{field}\"", html, StringComparison.Ordinal);
        }

        Assert.Equal(0, Rows(html));
    }

    [Fact]
    public async Task Twenty_five_events_a_page_with_links_that_keep_the_filters()
    {
        var marker = Marker();
        for (var i = 0; i < 26; i++)
        {
            await SeedAsync(new() { UserName = $"{marker}-{i:D2}", OccurredAt = TestApp.Now.AddMinutes(-i) });
        }

        var admin = await AdminAsync();

        var first = await PageAsync(admin, $"/admin/audit?user={marker}");
        var older = OlderLink().Match(first);
        Assert.True(older.Success, "an Older events link");
        var second = await PageAsync(admin, WebUtility.HtmlDecode(older.Groups[1].Value));

        Assert.Equal(25, Rows(first));
        Assert.Contains($"{marker}-00", first, StringComparison.Ordinal);
        Assert.Equal([$"{marker}-25"], Users(second, marker));
        Assert.Contains("Newer events", second, StringComparison.Ordinal);
        Assert.DoesNotContain("Older events", second, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reading_the_page_is_itself_recorded_with_the_patient_filtered_on()
    {
        var (admin, _) = await App.CreateAccountAsync(Roles.Admin);
        var browser = await Browser.SignedInAsync(App, admin.Email!);
        var patient = Guid.NewGuid();
        var mark = await AuditTrail.MarkAsync(App);

        await AuditTrail.GetAsync(browser.Client, $"/admin/audit?patient={patient}");

        var e = await AuditTrail.SingleSinceAsync(App, mark);
        Assert.Equal((AuditAction.AuditRead, AuditOutcome.Success, admin.Email, (Guid?)patient), (e.Action, e.Outcome, e.UserName, e.PatientId));
    }

    [Theory]
    [InlineData(Roles.Clinician)]
    [InlineData(Roles.Patient)]
    public async Task Accounts_that_are_not_admins_are_refused(string role)
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        Guid? linked = role == Roles.Patient ? await PatientsApiTests.CreatePatientAsync(clinician, "Audit Page Refused") : null;
        var email = $"audit-page-{role}-{Guid.NewGuid():N}@example.org";
        await App.CreateAccountAsync(role, linked, email);
        var browser = await Browser.SignedInAsync(App, email);

        var (response, body) = await AuditTrail.GetAsync(browser.Client, "/admin/audit");
        var (anonymous, _) = await AuditTrail.GetAsync(App.Anonymous(), "/admin/audit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/access-denied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.DoesNotContain("Audit trail", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static string Marker() => "pg" + Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Shows_patient_names_with_ids_the_account_concerned_and_clinic_local_times()
    {
        await using var app = await TestApp.StartAsync(fixture.Kind, new Dictionary<string, string?> { ["KneeSpine:Clinic:TimeZone"] = "Europe/Berlin" });
        var email = $"audit-admin-{Guid.NewGuid():N}@example.org";
        await app.CreateAccountAsync(Roles.Admin, email: email);
        var clinician = await app.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Maria Audit-Named");
        var admin = (await Browser.SignedInAsync(app, email)).Client;
        var created = await admin.GetStringAsync("/admin/users/new", TestContext.Current.CancellationToken);
        await admin.PostAsync("/admin/users/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "maria.new@example.org",
            ["Input.Role"] = Roles.Clinician,
            ["Input.Password"] = TestApp.Password,
            ["__RequestVerificationToken"] = HtmlForms.AntiforgeryToken(created),
        }), TestContext.Current.CancellationToken);
        await clinician.GetAsync($"/api/v1/patients/{patient}", TestContext.Current.CancellationToken);

        var html = await PageAsync(admin, "/admin/audit");

        Assert.Contains($"<a href=\"/patients/{patient}\">Maria Audit-Named</a>", html, StringComparison.Ordinal);
        Assert.Contains($"<span class=\"audit-meta audit-id audit-id--named\">{patient}</span>", html, StringComparison.Ordinal);
        Assert.Contains("clinician account maria.new@example.org", html, StringComparison.Ordinal);
        Assert.Contains("When (Europe/Berlin)", html, StringComparison.Ordinal);
        // 10:00 UTC on 25 November is 11:00 in Berlin; the machine-readable time stays UTC.
        Assert.Contains(">25 Nov 2026 11:00:", html, StringComparison.Ordinal);
        Assert.Contains("datetime=\"2026-11-25T10:00:", html, StringComparison.Ordinal);
    }

    private async Task<HttpClient> AdminAsync()
    {
        var email = $"audit-admin-{Guid.NewGuid():N}@example.org";
        await App.CreateAccountAsync(Roles.Admin, email: email);
        return (await Browser.SignedInAsync(App, email)).Client;
    }

    private Task SeedAsync(SeedEvent seed) => AuditTrail.WriteAsync(App, new AuditEvent
    {
        OccurredAt = seed.OccurredAt ?? TestApp.Now,
        Action = seed.Action,
        Outcome = seed.Outcome,
        StatusCode = seed.StatusCode,
        UserName = seed.UserName,
        PatientId = seed.PatientId,
        RemoteAddress = seed.RemoteAddress,
        UserAgent = seed.UserAgent,
        Detail = seed.Detail,
        Resource = "GET /seeded",
    });

    private static async Task<string> PageAsync(HttpClient admin, string url)
    {
        var (response, body) = await AuditTrail.GetAsync(admin, url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body;
    }

    private static int Rows(string html) =>
        html.Contains("<tbody>", StringComparison.Ordinal)
            ? Regex.Count(html[html.IndexOf("<tbody>", StringComparison.Ordinal)..html.IndexOf("</tbody>", StringComparison.Ordinal)], "<tr>")
            : 0;

    /// <summary>The seeded user names on the page, in page order.</summary>
    private static List<string> Users(string html, string marker) =>
        [.. Regex.Matches(html, Regex.Escape(marker) + "-[a-z0-9]+").Select(m => m.Value).Distinct()];

    [GeneratedRegex("href=\"([^\"]+)\">Older events</a>")]
    private static partial Regex OlderLink();

    private sealed record SeedEvent
    {
        public required string UserName { get; init; }

        public DateTimeOffset? OccurredAt { get; init; }

        public AuditAction Action { get; init; } = AuditAction.PatientRead;

        public AuditOutcome Outcome { get; init; } = AuditOutcome.Success;

        public int? StatusCode { get; init; }

        public Guid? PatientId { get; init; }

        public string? RemoteAddress { get; init; }

        public string? UserAgent { get; init; }

        public string? Detail { get; init; }
    }
}

public sealed class AuditPageOnSqlite(SqliteApp app) : AuditPageTests(app), IClassFixture<SqliteApp>;

public sealed class AuditPageOnPostgres(PostgresApp app) : AuditPageTests(app), IClassFixture<PostgresApp>;
