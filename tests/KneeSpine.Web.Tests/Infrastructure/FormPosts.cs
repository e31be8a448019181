using KneeSpine.Engine.Input;

namespace KneeSpine.Web.Tests.Infrastructure;

/// <summary>What a browser posts to the assessment forms: a calm, complete set of answers, and a post with the page's token.</summary>
public static class FormPosts
{
    /// <summary>Every required answer (every red flag "no"), the form's control names as keys, with <paramref name="overrides"/> applied.</summary>
    public static Dictionary<string, string> ValidAnswers(params (string Path, string Value)[] overrides)
    {
        var answers = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["assessedOn"] = Inputs.Date(TestApp.Today.AddDays(-1)),
            ["patient.ageYears"] = "68",
            ["surgery.date"] = Inputs.Date(TestApp.Today.AddDays(-21)),
            ["surgery.anesthesia"] = "general",
            ["backPain.intensityNow"] = "2",
        };
        foreach (var flag in InputFields.All.Where(f => f.Section == "redFlags"))
        {
            answers[flag.Path] = "false";
        }

        foreach (var (path, value) in overrides)
        {
            answers[path] = value;
        }

        return answers;
    }

    /// <summary>Opens <paramref name="path"/> and posts <paramref name="answers"/> to it (or to <paramref name="postTo"/>) with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string path, Dictionary<string, string> answers, string? postTo = null)
    {
        var cancel = TestContext.Current.CancellationToken;
        var html = await client.GetStringAsync(path, cancel);
        var form = new Dictionary<string, string>(answers) { ["__RequestVerificationToken"] = HtmlForms.AntiforgeryToken(html) };
        return await client.PostAsync(postTo ?? path, new FormUrlEncodedContent(form), cancel);
    }
}
