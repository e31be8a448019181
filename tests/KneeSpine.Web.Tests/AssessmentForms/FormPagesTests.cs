using System.Net;
using System.Text.RegularExpressions;
using KneeSpine.Engine.Input;
using KneeSpine.Store.Accounts;
using KneeSpine.Store.Database;
using KneeSpine.Web.Assessments.Forms;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KneeSpine.Web.Tests.AssessmentForms;

/// <summary>
/// The assessment forms as a person meets them over HTTP: every problem in the first response, short messages with
/// no internal names, answers kept between steps and after an expired token.
/// </summary>
public abstract partial class FormPagesTests(AppFixture fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    private static string[] RequiredIn(params string[] sections) =>
        [.. InputFields.All.Where(f => f.Required && sections.Contains(f.Section)).Select(f => f.Path)];

    public static TheoryData<int> Steps => [.. Enumerable.Range(1, FormSteps.All.Count)];

    [Theory]
    [MemberData(nameof(Steps))]
    public async Task Each_step_of_the_public_check_sent_empty_reports_every_required_question_of_that_step_at_once(int step)
    {
        var visitor = App.CreateClient();

        var response = await PostAsync(visitor, "/check", new() { ["step"] = $"{step}", ["go"] = step == FormSteps.All.Count ? "send" : "next" });

        var html = await response.Content.ReadAsStringAsync(Cancel);
        var required = RequiredIn([.. FormSteps.All[step - 1].Sections]);
        if (required.Length == 0)
        {
            // The last step asks only optional questions; sent empty, it must still report what earlier steps lack.
            Assert.Contains("Step 1 of 4", html, StringComparison.Ordinal);
            required = RequiredIn([.. FormSteps.All[0].Sections]);
        }

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(required.Select(FormFieldIds.For).Order(StringComparer.Ordinal), SummaryAnchors(html).Order(StringComparer.Ordinal));
        Assert.All(required, path => Assert.Contains($"id=\"{FormFieldIds.ErrorFor(path)}\"", html, StringComparison.Ordinal));
        AssertNoInternalNames(html);
    }

    [Fact]
    public async Task The_clinician_form_sent_empty_reports_every_required_question_at_once()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Empty Form Patient");

        var response = await PostAsync(clinician, $"/patients/{patient}/assessments/new", Blanked());

        var html = await response.Content.ReadAsStringAsync(Cancel);
        var required = InputFields.All.Where(f => f.Required).Select(f => FormFieldIds.For(f.Path));
        Assert.Equal(required.Order(StringComparer.Ordinal), SummaryAnchors(html).Order(StringComparer.Ordinal));
        AssertNoInternalNames(html);
        Assert.Equal(0, await CountAssessmentsAsync(patient));
    }

    [Fact]
    public async Task The_clinician_edit_form_sent_empty_reports_every_required_question_at_once_and_keeps_the_version()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Empty Edit Patient");
        var first = (await PostAsync(clinician, $"/patients/{patient}/assessments/new", ValidAnswers())).Headers.Location!.OriginalString;

        var response = await PostAsync(clinician, first + "/edit", Blanked());

        var html = await response.Content.ReadAsStringAsync(Cancel);
        // Every required question and the missing reason for the edit, each linked to its own control.
        string[] expected = [.. InputFields.All.Where(f => f.Required).Select(f => FormFieldIds.For(f.Path)), FormFieldIds.For(KneeSpine.Web.Pages.Patients.Assessments.EditModel.ReasonField)];
        Assert.Equal(expected.Order(StringComparer.Ordinal), SummaryAnchors(html).Order(StringComparer.Ordinal));
        Assert.Equal(1, await CountAssessmentsAsync(patient));
    }

    [Fact]
    public async Task The_patients_follow_up_warning_signs_step_sent_empty_reports_every_warning_sign_at_once()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var own = await PatientsApiTests.CreatePatientAsync(clinician, "Empty Follow Up Patient");
        var patient = await App.ClientAsync(Roles.Patient, own);

        var response = await PostAsync(patient, "/me/follow-up", new() { ["step"] = "2", ["go"] = "next" });

        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Equal(RequiredIn("redFlags").Select(FormFieldIds.For).Order(StringComparer.Ordinal), SummaryAnchors(html).Order(StringComparer.Ordinal));
        Assert.Contains("Warning sign question 1 of 14: Choose yes or no.", html, StringComparison.Ordinal);
        Assert.Equal(0, await CountAssessmentsAsync(own));
    }

    [Fact]
    public async Task The_patients_follow_up_is_stored_only_when_the_last_step_is_sent()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var own = await PatientsApiTests.CreatePatientAsync(clinician, "Stepped Follow Up Patient");
        var patient = await App.ClientAsync(Roles.Patient, own);
        var answers = ValidAnswers();

        var third = await PostAsync(patient, "/me/follow-up", new(answers) { ["step"] = "3", ["go"] = "next" });
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);
        Assert.Contains("Step 4 of 4", await third.Content.ReadAsStringAsync(Cancel), StringComparison.Ordinal);
        Assert.Equal(0, await CountAssessmentsAsync(own));

        var sent = await PostAsync(patient, "/me/follow-up", new(answers) { ["step"] = "4", ["go"] = "send" });

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(1, await CountAssessmentsAsync(own));
    }

    [Fact]
    public async Task Answers_of_earlier_steps_travel_with_the_form_and_come_back_on_the_back_button()
    {
        var visitor = App.CreateClient();
        var first = new Dictionary<string, string>
        {
            ["step"] = "1",
            ["go"] = "next",
            ["assessedOn.day"] = "24",
            ["assessedOn.month"] = "11",
            ["assessedOn.year"] = "2026",
            ["patient.ageYears"] = "71",
            ["surgery.date.day"] = "3",
            ["surgery.date.month"] = "11",
            ["surgery.date.year"] = "2026",
            ["surgery.anesthesia"] = "spinal",
        };

        var second = await (await PostAsync(visitor, "/check", first)).Content.ReadAsStringAsync(Cancel);

        Assert.Contains("Step 2 of 4", second, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"patient.ageYears\" value=\"71\" />", second, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"surgery.date.day\" value=\"3\" />", second, StringComparison.Ordinal);
        var carried = HiddenAnswers(second);
        carried["step"] = "2";
        carried["go"] = "back";
        var back = await (await PostAsync(visitor, "/check", carried)).Content.ReadAsStringAsync(Cancel);
        Assert.Contains("Step 1 of 4", back, StringComparison.Ordinal);
        Assert.Matches("id=\"f-patient-ageYears\"[^>]*value=\"71\"|value=\"71\"[^>]*id=\"f-patient-ageYears\"", back);
        Assert.Matches("<input type=\"radio\" id=\"f-surgery-anesthesia\"[^>]*checked", back);
        Assert.DoesNotContain("error-summary", back, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_future_surgery_date_is_reported_against_today_in_plain_words()
    {
        var visitor = App.CreateClient();
        var tomorrow = TestApp.Today.AddDays(1);

        var html = await (await PostAsync(visitor, "/check", new()
        {
            ["step"] = "1",
            ["go"] = "next",
            ["assessedOn"] = Inputs.Date(TestApp.Today),
            ["patient.ageYears"] = "70",
            ["surgery.date.day"] = $"{tomorrow.Day}",
            ["surgery.date.month"] = $"{tomorrow.Month}",
            ["surgery.date.year"] = $"{tomorrow.Year}",
            ["surgery.anesthesia"] = "general",
        })).Content.ReadAsStringAsync(Cancel);

        var expected = $"That date has not come yet. Today is {KneeSpine.Web.Ui.DisplayDates.Format(TestApp.Today)}.";
        Assert.Equal(["f-surgery-date"], SummaryAnchors(html));
        Assert.Contains(expected, html, StringComparison.Ordinal);
        Assert.Contains($"name=\"surgery.date.day\" value=\"{tomorrow.Day}\"", html, StringComparison.Ordinal);
        AssertNoInternalNames(html);
    }

    [Fact]
    public async Task A_date_that_does_not_exist_is_reported_with_an_example_in_the_pages_own_format()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Bad Date Patient");
        var answers = ValidAnswers();
        answers.Remove("surgery.date");
        answers["surgery.date.day"] = "31";
        answers["surgery.date.month"] = "2";
        answers["surgery.date.year"] = "2026";

        var html = await (await PostAsync(clinician, $"/patients/{patient}/assessments/new", answers)).Content.ReadAsStringAsync(Cancel);

        Assert.Equal(["f-surgery-date"], SummaryAnchors(html));
        Assert.Contains("Enter a real date. Use numbers, for example 7 12 2026.", html, StringComparison.Ordinal);
        Assert.Contains("name=\"surgery.date.day\" value=\"31\"", html, StringComparison.Ordinal);
        AssertNoInternalNames(html);
    }

    [Fact]
    public async Task A_form_sent_with_an_expired_token_is_shown_again_with_every_answer_and_asks_to_send_it_again()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Expired Token Patient");
        var answers = ValidAnswers(("backPain.intensityNow", "7"), ("patient.ageYears", "77"), ("redFlags.feverOrChills", "true"));
        answers["__RequestVerificationToken"] = "CfDJ8-expired-or-forged-token";

        var response = await clinician.PostAsync($"/patients/{patient}/assessments/new", new FormUrlEncodedContent(answers), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains(FormToken.ExpiredMessage, html, StringComparison.Ordinal);
        Assert.Contains("value=\"77\"", html, StringComparison.Ordinal);
        Assert.Matches("id=\"f-redFlags-feverOrChills\"[^>]*value=\"true\"[^>]*checked", html);
        Assert.Contains("class=\"site-header\"", html, StringComparison.Ordinal);
        Assert.NotEqual(answers["__RequestVerificationToken"], HtmlForms.AntiforgeryToken(html));
        Assert.Equal(0, await CountAssessmentsAsync(patient));
    }

    [Fact]
    public async Task The_public_check_with_an_expired_token_keeps_the_step_and_its_answers()
    {
        var visitor = App.CreateClient();

        var response = await visitor.PostAsync("/check", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["step"] = "3",
            ["go"] = "next",
            ["backPain.intensityNow"] = "6",
            ["patient.ageYears"] = "64",
            ["__RequestVerificationToken"] = "stale",
        }), Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("Step 3 of 4", html, StringComparison.Ordinal);
        Assert.Contains(FormToken.ExpiredMessage, html, StringComparison.Ordinal);
        Assert.Contains("<input type=\"hidden\" name=\"patient.ageYears\" value=\"64\" />", html, StringComparison.Ordinal);
        Assert.Matches("id=\"f-backPain-intensityNow[^\"]*\"[^>]*value=\"6\"[^>]*checked|value=\"6\"", html);
    }

    [Fact]
    public async Task Required_questions_are_marked_and_the_not_sure_hint_appears_only_in_sections_that_may_be_skipped()
    {
        var clinician = await App.ClientAsync(Roles.Clinician);
        var patient = await PatientsApiTests.CreatePatientAsync(clinician, "Marked Form Patient");
        var own = await App.ClientAsync(Roles.Patient, patient);

        var clinicianForm = await clinician.GetStringAsync($"/patients/{patient}/assessments/new", Cancel);
        var patientStep2 = await (await PostAsync(own, "/me/follow-up", new() { ["step"] = "3", ["go"] = "back" })).Content.ReadAsStringAsync(Cancel);
        var patientStep1 = await own.GetStringAsync("/me/follow-up", Cancel);

        Assert.Equal(InputFields.All.Count(f => f.Required), Regex.Matches(clinicianForm, "class=\"required-tag\"").Count);
        Assert.DoesNotContain("Leave out anything you are not sure about", patientStep1, StringComparison.Ordinal);
        Assert.DoesNotContain("Leave out anything you are not sure about", patientStep2, StringComparison.Ordinal);
        var last = await (await PostAsync(own, "/me/follow-up", new() { ["step"] = "3", ["go"] = "next", ["backPain.intensityNow"] = "2" })).Content.ReadAsStringAsync(Cancel);
        Assert.Contains("Step 4 of 4", last, StringComparison.Ordinal);
        Assert.Contains("Leave out anything you are not sure about", last, StringComparison.Ordinal);
        Assert.DoesNotContain("class=\"required-tag\"", last, StringComparison.Ordinal);
    }

    private static void AssertNoInternalNames(string html)
    {
        Assert.Contains("class=\"error-message\"", html, StringComparison.Ordinal);
        foreach (var message in Regex.Matches(html, "<span class=\"error-message\"[^>]*><span class=\"visually-hidden\">Error: </span>([^<]*)</span>").Select(m => m.Groups[1].Value)
            .Concat(Regex.Matches(html, "<li><a href=\"#[^\"]+\">([^<]*)</a></li>").Select(m => m.Groups[1].Value)))
        {
            // No JSON path (a dot between letters, a list index), no ISO format, no internal field names.
            Assert.DoesNotMatch(@"[A-Za-z]\.[A-Za-z]|\[\d+\]|YYYY|\$|schemaVersion|ageYears|intensityNow", WebUtility.HtmlDecode(message));
        }
    }

    private static string[] SummaryAnchors(string html)
    {
        var summary = Regex.Match(html, "<div class=\"error-summary\"[\\s\\S]*?</div>");
        return summary.Success ? [.. Regex.Matches(summary.Value, "href=\"#([^\"]+)\"").Select(m => m.Groups[1].Value)] : [];
    }

    private static Dictionary<string, string> HiddenAnswers(string html) =>
        Regex.Matches(html, "<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\" />")
            .Where(m => m.Groups[1].Value is not ("step" or "__RequestVerificationToken"))
            .ToDictionary(m => WebUtility.HtmlDecode(m.Groups[1].Value), m => WebUtility.HtmlDecode(m.Groups[2].Value));

    // What the clinician's browser sends when every prefilled box has been cleared.
    private static Dictionary<string, string> Blanked() =>
        InputFields.All.Where(f => f.Kind is FieldKind.Integer or FieldKind.Decimal or FieldKind.Date or FieldKind.Choice)
            .ToDictionary(f => f.Path, _ => "");

    private static Dictionary<string, string> ValidAnswers(params (string Path, string Value)[] overrides) => FormPosts.ValidAnswers(overrides);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> answers) =>
        FormPosts.PostWithTokenAsync(client, path, answers);

    private async Task<int> CountAssessmentsAsync(Guid patientId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<KneeSpineDbContext>().Assessments.CountAsync(a => a.PatientId == patientId, Cancel);
    }
}

public sealed class FormPagesOnSqlite(SqliteApp app) : FormPagesTests(app), IClassFixture<SqliteApp>;

public sealed class FormPagesOnPostgres(PostgresApp app) : FormPagesTests(app), IClassFixture<PostgresApp>;
