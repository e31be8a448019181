using System.Net;
using System.Text.RegularExpressions;
using KneeSpine.Engine.Input;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Database;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Web.Tests.Pages;

public abstract partial class PageTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    [Theory]
    [InlineData("/")]
    [InlineData("/check")]
    [InlineData("/account/login")]
    public async Task Public_pages_answer_200_with_the_disclaimer_and_language(string path)
    {
        var response = await App.Anonymous().GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("KneeSpine supports, and does not replace, clinical judgement.", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#main\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/patients")]
    [InlineData("/admin/users")]
    [InlineData("/me")]
    [InlineData("/account")]
    public async Task Signed_in_pages_send_anonymous_visitors_to_sign_in(string path)
    {
        var response = await App.Anonymous().GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_form_a_clinician_uses_carries_an_antiforgery_token()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Form Token Patient");

        foreach (var path in new[] { "/patients/new", $"/patients/{patient}/assessments/new", "/account", "/account/change-password" })
        {
            var html = await clinician.GetStringAsync(path, Cancel);
            var forms = FormTag().Matches(html).Count(m => m.Value.Contains("method=\"post\"", StringComparison.Ordinal));
            Assert.True(forms > 0, path);
            Assert.Equal(forms, AntiforgeryField().Matches(html).Count);
        }
    }

    [Fact]
    public async Task The_new_assessment_form_has_a_labelled_control_for_every_input_field_and_no_red_flag_preselected()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Every Field Patient");

        var html = await clinician.GetStringAsync($"/patients/{patient}/assessments/new", Cancel);

        Assert.All(InputFields.All, field =>
        {
            // A date is three boxes (ADR-101): day, month and year.
            Assert.Contains(field.Kind == FieldKind.Date ? $"name=\"{field.Path}.day\"" : $"name=\"{field.Path}\"", html, StringComparison.Ordinal);
            Assert.Contains($"for=\"f-{field.Path.Replace('.', '-')}\"", html, StringComparison.Ordinal);
        });
        foreach (var flag in InputFields.All.Where(f => f.Section == "redFlags"))
        {
            var radios = Regex.Matches(html, $"<input type=\"radio\"[^>]*name=\"{Regex.Escape(flag.Path)}\"[^>]*>");
            Assert.Equal(2, radios.Count);
            Assert.All(radios, r => Assert.DoesNotContain("checked", r.Value, StringComparison.Ordinal));
        }

        Assert.True(html.IndexOf("redFlags.", StringComparison.Ordinal) < html.IndexOf("backPain.", StringComparison.Ordinal), "red flags come first");
    }

    [Fact]
    public async Task A_posted_form_without_antiforgery_token_is_refused_and_stores_nothing()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "No Token Patient");

        var response = await clinician.PostAsync($"/patients/{patient}/assessments/new", Form(ValidAnswers()), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountAssessmentsAsync(patient));
    }

    [Fact]
    public async Task A_valid_form_stores_an_assessment_and_redirects_to_its_result_with_the_handout()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Form Store Patient");
        var path = $"/patients/{patient}/assessments/new";

        var response = await PostWithTokenAsync(clinician, path, ValidAnswers());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var result = response.Headers.Location!.OriginalString;
        Assert.Matches($"^/patients/{patient}/assessments/[0-9a-f-]{{36}}$", result);
        Assert.Equal(1, await CountAssessmentsAsync(patient));
        var page = await clinician.GetStringAsync(result, Cancel);
        Assert.Contains("data-triage=\"self-care\"", page, StringComparison.Ordinal);
        var handout = await clinician.GetAsync(result + "/handout", Cancel);
        Assert.Equal("application/pdf", handout.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", handout.Content.Headers.ContentDisposition!.DispositionType);
    }

    [Fact]
    public async Task An_unanswered_red_flag_shows_the_form_again_with_the_error_and_stores_nothing()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Missing Flag Patient");
        var answers = ValidAnswers();
        answers.Remove("redFlags.calfSwellingOrPain");

        var response = await PostWithTokenAsync(clinician, $"/patients/{patient}/assessments/new", answers);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("href=\"#f-redFlags-calfSwellingOrPain\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"f-redFlags-calfSwellingOrPain-error\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"68\"", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountAssessmentsAsync(patient));
    }

    [Fact]
    public async Task Editing_stores_a_new_version_and_keeps_the_old_one()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Edit Version Patient");
        var first = (await PostWithTokenAsync(clinician, $"/patients/{patient}/assessments/new", ValidAnswers())).Headers.Location!.OriginalString;
        var answers = ValidAnswers();
        answers["backPain.intensityNow"] = "6";

        answers["editReason"] = "patient remembered the pain was worse";
        var second = (await PostWithTokenAsync(clinician, first + "/edit", answers)).Headers.Location!.OriginalString;

        Assert.NotEqual(first, second);
        Assert.Equal(2, await CountAssessmentsAsync(patient));
        Assert.Contains("Version 2 of 2", await clinician.GetStringAsync(second, Cancel), StringComparison.Ordinal);
        Assert.Contains("This is an earlier version", await clinician.GetStringAsync(first, Cancel), StringComparison.Ordinal);
        Assert.Contains(">version 1</a>", await clinician.GetStringAsync($"/patients/{patient}", Cancel), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_edit_without_a_reason_is_refused_with_every_problem_at_once_and_nothing_is_stored()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Edit Reason Patient");
        var first = (await PostWithTokenAsync(clinician, $"/patients/{patient}/assessments/new", ValidAnswers())).Headers.Location!.OriginalString;
        var answers = ValidAnswers();
        answers.Remove("backPain.intensityNow");

        var response = await PostWithTokenAsync(clinician, first + "/edit", answers);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("Reason for this edit: Enter why you are editing this assessment", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"error-message\"><span class=\"visually-hidden\">Error: </span>Enter why you are editing this assessment", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#f-backPain-intensityNow\"", html, StringComparison.Ordinal);
        Assert.Equal(1, await CountAssessmentsAsync(patient));
    }

    [Fact]
    public async Task The_versions_page_shows_each_reason_and_what_changed_between_two_versions()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Versions Diff Patient");
        var first = (await PostWithTokenAsync(clinician, $"/patients/{patient}/assessments/new", ValidAnswers())).Headers.Location!.OriginalString;
        var answers = ValidAnswers(("redFlags.newBladderOrBowelProblem", "true"));
        answers["editReason"] = "patient now reports bladder problems";
        var second = (await PostWithTokenAsync(clinician, first + "/edit", answers)).Headers.Location!.OriginalString;

        var details = await clinician.GetStringAsync(second, Cancel);
        var versions = await clinician.GetStringAsync(second + "/versions", Cancel);
        var text = System.Net.WebUtility.HtmlDecode(versions);

        Assert.Contains("Reason for this version: patient now reports bladder problems", System.Net.WebUtility.HtmlDecode(details), StringComparison.Ordinal);
        Assert.True(details.IndexOf("/handout\"", StringComparison.Ordinal) < details.IndexOf("id=\"answers\"", StringComparison.Ordinal), "the handout action comes before the answers");
        // Dates in the answers read like every other date on the page, not as stored (2026-11-05).
        Assert.Matches("data-field=\"surgery\\.date\">[1-9][0-9]? [A-Z][a-z]{2} 20[0-9]{2}</dd>", details);
        Assert.Contains("Reason: patient now reports bladder problems", text, StringComparison.Ordinal);
        Assert.Contains("What changed from version 1 to version 2", text, StringComparison.Ordinal);
        Assert.Matches("Changed from [a-z-]+ to emergency", text);
        Assert.Contains("data-change=\"appeared\"", versions, StringComparison.Ordinal);
        Assert.Matches("<th scope=\"row\">[^<]*</th><td>No</td><td>Yes</td>", versions);
    }

    [Fact]
    public async Task A_patient_sees_only_their_own_record_and_results()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var own = await PatientsApiTests.CreatePatientAsync(clinician, "Own Record Patient");
        var other = await PatientsApiTests.CreatePatientAsync(clinician, "Other Record Patient");
        var ownResult = (await PostWithTokenAsync(clinician, $"/patients/{own}/assessments/new", ValidAnswers())).Headers.Location!.OriginalString;
        var otherResult = (await PostWithTokenAsync(clinician, $"/patients/{other}/assessments/new", ValidAnswers())).Headers.Location!.OriginalString;
        var patient = await App.ClientAsync(Roles.Patient, own);

        var home = await patient.GetStringAsync("/me", Cancel);
        Assert.Contains("Own Record Patient", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Other Record Patient", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await patient.GetAsync("/me/assessments/" + ownResult.Split('/')[^1], Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync("/me/assessments/" + otherResult.Split('/')[^1], Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.GetAsync("/me/assessments/" + otherResult.Split('/')[^1] + "/handout", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.GetAsync($"/patients/{other}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.GetAsync(otherResult, Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.GetAsync(otherResult + "/handout", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.GetAsync("/admin/users", Cancel)).StatusCode);
    }

    [Fact]
    public async Task A_patients_own_follow_up_is_stored_on_their_own_record()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var own = await PatientsApiTests.CreatePatientAsync(clinician, "Follow Up Patient");
        var patient = await App.ClientAsync(Roles.Patient, own);

        var response = await PostWithTokenAsync(patient, "/me/follow-up", ValidAnswers());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/me/assessments/", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(1, await CountAssessmentsAsync(own));
    }

    [Fact]
    public async Task The_public_check_evaluates_and_stores_nothing()
    {
        var visitor = App.Anonymous();
        var before = await CountAllAsync();

        var response = await PostWithTokenAsync(visitor, "/check", ValidAnswers(("redFlags.chestPainOrShortnessOfBreath", "true")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..];
        Assert.StartsWith("<section class=\"triage-banner triage-emergency\"", main[(main.IndexOf('>') + 1)..].TrimStart(), StringComparison.Ordinal);
        Assert.Contains("possible-pulmonary-embolism", html, StringComparison.Ordinal);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Equal(before, await CountAllAsync());
    }

    [Fact]
    public async Task A_new_personal_access_token_is_shown_once_and_then_only_listed()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);

        var created = await PostWithTokenAsync(clinician, "/account", new() { ["name"] = "ward laptop" }, "/account?handler=Create");

        var html = await created.Content.ReadAsStringAsync(Cancel);
        var token = TokenValue().Match(html).Groups[1].Value;
        Assert.StartsWith("ksp_", token, StringComparison.Ordinal);
        Assert.True(created.Headers.CacheControl!.NoStore);
        var later = await clinician.GetStringAsync("/account", Cancel);
        Assert.Contains("ward laptop", later, StringComparison.Ordinal);
        Assert.DoesNotContain(token, later, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_admins_open_the_user_pages()
    {
        var admin = await App.ClientAsync(Roles.Admin);
        var clinician = await App.ClientAsync(Roles.Clinician);

        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/users/new", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clinician.GetAsync("/admin/users", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await clinician.GetAsync("/admin/users/new", Cancel)).StatusCode);
    }

    [Fact]
    public async Task An_unknown_patient_or_assessment_is_not_found()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Not Found Patient");

        Assert.Equal(HttpStatusCode.NotFound, (await clinician.GetAsync($"/patients/{Guid.NewGuid()}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clinician.GetAsync($"/patients/{patient}/assessments/{Guid.NewGuid()}", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clinician.GetAsync($"/patients/{patient}/assessments/{Guid.NewGuid()}/handout", Cancel)).StatusCode);
    }

    private static Dictionary<string, string> ValidAnswers(params (string Path, string Value)[] overrides) => FormPosts.ValidAnswers(overrides);

    private static FormUrlEncodedContent Form(Dictionary<string, string> answers) => new(answers);

    private static Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string path, Dictionary<string, string> answers, string? postTo = null) =>
        FormPosts.PostWithTokenAsync(client, path, answers, postTo);

    private Task<int> CountAssessmentsAsync(Guid patientId) =>
        WithDbAsync(db => db.Assessments.CountAsync(a => a.PatientId == patientId, Cancel));

    private Task<int> CountAllAsync() =>
        WithDbAsync(async db => await db.Assessments.CountAsync(Cancel) + await db.Patients.CountAsync(Cancel));

    private async Task<int> WithDbAsync(Func<KneeSpineDbContext, Task<int>> query)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<KneeSpineDbContext>());
    }

    [GeneratedRegex("<code class=\"token-value\" data-token>([^<]+)</code>")]
    private static partial Regex TokenValue();

    [GeneratedRegex("<form[^>]*>")]
    private static partial Regex FormTag();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}

public sealed class PagesOnSqlite(SqliteApp app) : PageTests(app), IClassFixture<SqliteApp>;

public sealed class PagesOnPostgres(PostgresApp app) : PageTests(app), IClassFixture<PostgresApp>;
