using System.Net;
using KneeSpine.Store.CdsHooks;
using KneeSpine.Store.Database;
using KneeSpine.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Task = System.Threading.Tasks.Task;

namespace KneeSpine.Web.Tests.CdsHooks;

/// <summary>
/// The CDS path under concurrent EHR sessions (issue 13): expired JWT ids go in the background, not on the request
/// path; concurrent calls with fresh tokens all succeed; no information log per call; compact JSON.
/// </summary>
public abstract class CdsConcurrencyTests(CdsApp fixture)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private TestApp App => fixture.App;

    private DateTimeOffset Now => App.Time.GetUtcNow();

    [Fact]
    public async Task Expired_jwt_ids_are_purged_in_the_background_and_unexpired_ones_kept()
    {
        var expired = "expired-" + Guid.NewGuid();
        var live = "live-" + Guid.NewGuid();
        await UsingDbAsync(async db =>
        {
            db.CdsTokenUses.Add(new CdsTokenUse { Issuer = EhrKeys.Issuer, JwtId = expired, ExpiresAt = Now.AddMinutes(5) });
            db.CdsTokenUses.Add(new CdsTokenUse { Issuer = EhrKeys.Issuer, JwtId = live, ExpiresAt = Now.AddDays(1) });
            await db.SaveChangesAsync(Cancel);
        });

        // A call does not delete it: the purge is not on the request path.
        App.Time.Advance(TimeSpan.FromMinutes(6));
        var call = await CdsCalls.SendAsync(App.Anonymous(), CdsCalls.ServicePath, EhrKeys.Token(fixture.Keys.Es384, CdsCalls.ServiceUrl, Now),
            CdsCalls.Request("ehr-purge", CdsCalls.Prefetched("01-mild-pain-after-spinal", "ehr-purge")));
        Assert.Equal(HttpStatusCode.OK, call.StatusCode);

        // The purge runs every 10 minutes (the default) on the app's clock; moving the clock past it wakes it.
        var gone = await Poll.UntilAsync(async () =>
        {
            App.Time.Advance(TimeSpan.FromMinutes(10));
            return !await UsingDbAsync(db => db.CdsTokenUses.AnyAsync(u => u.JwtId == expired, Cancel));
        });

        Assert.True(gone, "the expired jti was not purged in the background");
        Assert.True(await UsingDbAsync(db => db.CdsTokenUses.AnyAsync(u => u.JwtId == live, Cancel)));
    }

    [Fact]
    public async Task Eight_concurrent_EHR_sessions_with_fresh_tokens_all_get_cards_and_every_jti_is_kept_once()
    {
        var kept = await UsingDbAsync(db => db.CdsTokenUses.CountAsync(Cancel));
        var calls = Enumerable.Range(0, 40).Select(async i =>
        {
            var token = EhrKeys.Token(fixture.Keys.Es384, CdsCalls.ServiceUrl, Now);
            var body = CdsCalls.Request($"ehr-concurrent-{i}", CdsCalls.Prefetched("02-cauda-equina-on-anticoagulant", $"ehr-concurrent-{i}"));
            return await CdsCalls.SendAsync(App.Anonymous(), CdsCalls.ServicePath, token, body);
        });

        var responses = new List<HttpResponseMessage>();
        foreach (var batch in calls.Chunk(8))
        {
            responses.AddRange(await Task.WhenAll(batch));
        }

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(kept + 40, await UsingDbAsync(db => db.CdsTokenUses.CountAsync(Cancel)));
    }

    [Fact]
    public async Task A_CDS_call_logs_nothing_about_bearer_authentication_and_answers_compact_json()
    {
        var before = App.Logs.Messages.Count;

        var response = await CdsCalls.SendAsync(App.Anonymous(), CdsCalls.ServicePath, EhrKeys.Token(fixture.Keys.Es384, CdsCalls.ServiceUrl, Now),
            CdsCalls.Request("ehr-quiet", CdsCalls.Prefetched("04-fever-after-surgery", "ehr-quiet")));
        var body = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(App.Logs.Messages.Skip(before), m => m.Contains("was not authenticated", StringComparison.Ordinal));
        Assert.Contains("\"cards\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', body);
    }

    private async Task UsingDbAsync(Func<KneeSpineDbContext, Task> use)
    {
        await using var scope = App.Services.CreateAsyncScope();
        await use(scope.ServiceProvider.GetRequiredService<KneeSpineDbContext>());
    }

    private async Task<T> UsingDbAsync<T>(Func<KneeSpineDbContext, Task<T>> use)
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<KneeSpineDbContext>());
    }
}

public sealed class CdsConcurrencyOnSqlite(SqliteCdsApp app) : CdsConcurrencyTests(app), IClassFixture<SqliteCdsApp>;

public sealed class CdsConcurrencyOnPostgres(PostgresCdsApp app) : CdsConcurrencyTests(app), IClassFixture<PostgresCdsApp>;
