using KneeSpine.Store.Audit;
using KneeSpine.Store.Database;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.Tests.Audit;

/// <summary>Reads the audit trail of a test app: a mark before the action, then what was written after it.</summary>
internal static class AuditTrail
{
    public const string UserAgent = "KneeSpineAuditTest/1.0";

    /// <summary>The id of the newest event so far (0 when there is none).</summary>
    public static Task<long> MarkAsync(TestApp app) =>
        app.WithServiceAsync<KneeSpineDbContext, long>(async db =>
            await db.AuditEvents.MaxAsync(e => (long?)e.Id, TestContext.Current.CancellationToken) ?? 0);

    /// <summary>Every event written after <paramref name="mark"/>, oldest first.</summary>
    public static Task<List<AuditEvent>> SinceAsync(TestApp app, long mark) =>
        app.WithServiceAsync<KneeSpineDbContext, List<AuditEvent>>(db =>
            db.AuditEvents.AsNoTracking().Where(e => e.Id > mark).OrderBy(e => e.Id).ToListAsync(TestContext.Current.CancellationToken));

    /// <summary>The one event written after <paramref name="mark"/>.</summary>
    public static async Task<AuditEvent> SingleSinceAsync(TestApp app, long mark)
    {
        var events = await SinceAsync(app, mark);
        Assert.True(events.Count == 1, $"expected one audit event, found {events.Count}: {string.Join("; ", events.Select(Describe))}");
        return events[0];
    }

    /// <summary>Sends a request and reads the whole answer, so the request (and its audit write) has finished.</summary>
    public static async Task<(HttpResponseMessage Response, string Body)> SendAsync(HttpClient client, HttpMethod method, string url, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        request.Headers.UserAgent.ParseAdd(UserAgent);
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response, await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    public static Task<(HttpResponseMessage Response, string Body)> GetAsync(HttpClient client, string url) => SendAsync(client, HttpMethod.Get, url);

    /// <summary>Appends <paramref name="auditEvent"/> as the app would (its writer); the event gets its id.</summary>
    public static Task WriteAsync(TestApp app, AuditEvent auditEvent) =>
        app.WithServiceAsync<AuditWriter, bool>(async writer =>
        {
            await writer.WriteAsync(auditEvent, TestContext.Current.CancellationToken);
            return true;
        });

    /// <summary>A client that calls with the personal access token <paramref name="token"/>.</summary>
    public static HttpClient Bearer(TestApp app, string token)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static string Describe(AuditEvent e) =>
        $"#{e.Id} {e.Action} {e.Outcome} {e.StatusCode} {e.UserName} patient={e.PatientId} {e.Resource} {e.Detail}";
}
