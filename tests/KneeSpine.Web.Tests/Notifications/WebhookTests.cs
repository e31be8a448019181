using System.Text.Json.Nodes;
using KneeSpine.Web.Tests.Infrastructure;

namespace KneeSpine.Web.Tests.Notifications;

/// <summary>The optional paging webhook, posted to a real HTTPS receiver that checks the signature itself.</summary>
public abstract class WebhookTests(TestDatabaseKind kind)
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task A_worrying_result_is_posted_to_the_paging_system_signed_with_the_shared_secret_and_without_patient_details()
    {
        await using var receiver = await WebhookTestReceiver.StartAsync();
        await using var app = await TestApp.StartAsync(kind, Settings(receiver));
        var (clinician, patient) = await Notified.PatientAsync(app, "Webhook Wilhelmina");
        var item = await Notified.ItemOfAsync(app, await Notified.StoreAsync(clinician, patient, Notified.Emergency()));

        await Notified.SendAsync(app);

        var post = Assert.Single(receiver.Posts);
        Assert.True(post.SignatureValid);
        Assert.Equal(app.Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), post.Timestamp);
        var json = JsonNode.Parse(post.Body)!.AsObject();
        Assert.Equal(["itemId", "level", "openedAt", "link"], json.Select(p => p.Key));
        Assert.Equal(item.Id, json["itemId"]!.GetValue<Guid>());
        Assert.Equal("emergency", json["level"]!.GetValue<string>());
        Assert.Equal(item.OpenedAt, json["openedAt"]!.GetValue<DateTimeOffset>());
        Assert.Equal($"{Notified.PublicBaseUrl}/worklist#item-{item.Id}", json["link"]!.GetValue<string>());
        Assert.DoesNotContain("Wilhelmina", post.Body, StringComparison.Ordinal);
        var row = Assert.Single(await Notified.OutboxAsync(app));
        Assert.Equal(row.Id.ToString(), post.Delivery);
        Assert.NotNull(row.SentAt);
    }

    [Fact]
    public async Task A_paging_system_that_fails_gets_the_message_again_until_it_takes_it()
    {
        await using var receiver = await WebhookTestReceiver.StartAsync();
        receiver.Failing = true;
        await using var app = await TestApp.StartAsync(kind, Settings(receiver));
        var (clinician, patient) = await Notified.PatientAsync(app, "Webhook Retry Patient");
        await Notified.StoreAsync(clinician, patient, Notified.Urgent());

        await Notified.SendAsync(app);

        var failing = Assert.Single(await Notified.OutboxAsync(app));
        Assert.Contains("503", failing.LastError, StringComparison.Ordinal);
        Assert.Null(failing.SentAt);

        receiver.Failing = false;
        await Notified.SendUntilAsync(app, rows => rows.All(r => r.SentAt is not null), Step);

        var posts = receiver.Posts.ToList();
        Assert.Equal([true, false], posts.Select(p => p.AnsweredFailure));
        Assert.All(posts, p => Assert.True(p.SignatureValid));
        Assert.Single(posts.Select(p => p.Delivery).Distinct(StringComparer.Ordinal));
    }

    private static Dictionary<string, string?> Settings(WebhookTestReceiver receiver)
    {
        var settings = Notified.Settings(null);
        foreach (var (key, value) in receiver.Settings)
        {
            settings[key] = value;
        }

        return settings;
    }
}

public sealed class WebhookOnSqlite() : WebhookTests(TestDatabaseKind.Sqlite);

public sealed class WebhookOnPostgres() : WebhookTests(TestDatabaseKind.Postgres);
