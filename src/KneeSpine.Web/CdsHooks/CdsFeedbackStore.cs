using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using KneeSpine.Fhir.CdsHooks;
using KneeSpine.Store.CdsHooks;
using KneeSpine.Store.Database;
using KneeSpine.Web.Evaluate;
using KneeSpine.Web.Problems;
using Microsoft.EntityFrameworkCore;

namespace KneeSpine.Web.CdsHooks;

/// <summary>Stores CDS Hooks 2.0 feedback; the same card and outcome posted again is stored once.</summary>
internal sealed class CdsFeedbackStore(KneeSpineDbContext db, TimeProvider time)
{
    private const int MaxBytes = 256 * 1024;

    private static readonly string[] Outcomes = ["accepted", "overridden"];

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(request, MaxBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return RequestBody.TooLarge(MaxBytes);
        }

        var (items, errors) = Read(body);
        if (errors.Count > 0)
        {
            return ApiProblems.Invalid(errors, "The feedback is not valid.");
        }

        var issuer = (string)request.HttpContext.Items[CdsJwtFilter.IssuerItem]!;
        var stored = 0;
        foreach (var item in items)
        {
            var exists = await db.CdsFeedback.AnyAsync(
                f => f.ServiceId == CdsServiceDiscovery.ServiceId && f.CardId == item.CardId && f.Outcome == item.Outcome, cancellationToken).ConfigureAwait(false);
            if (exists)
            {
                continue;
            }

            item.Issuer = issuer;
            item.ReceivedAt = time.GetUtcNow();
            db.CdsFeedback.Add(item);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                stored++;
            }
            catch (DbUpdateException)
            {
                // The same feedback arrived concurrently; the unique index kept one.
                db.Entry(item).State = EntityState.Detached;
            }
        }

        return TypedResults.Ok(new { received = items.Count, stored });
    }

    private (List<CdsFeedback> Items, List<KeyValuePair<string, string>> Errors) Read(byte[] body)
    {
        var items = new List<CdsFeedback>();
        var errors = new List<KeyValuePair<string, string>>();
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            errors.Add(new("$", "The body is not JSON."));
            return (items, errors);
        }

        if (root?["feedback"] is not JsonArray list || list.Count == 0)
        {
            errors.Add(new("feedback", "Send feedback as a non-empty array."));
            return (items, errors);
        }

        for (var i = 0; i < list.Count; i++)
        {
            var path = $"feedback[{i}]";
            var entry = list[i] as JsonObject;
            var card = Text(entry?["card"]);
            var outcome = Text(entry?["outcome"]);
            var when = Text(entry?["outcomeTimestamp"]);
            if (card is not { Length: > 0 and <= 128 })
            {
                errors.Add(new(path + ".card", "The card's uuid is required."));
            }

            if (outcome is null || !Outcomes.Contains(outcome, StringComparer.Ordinal))
            {
                errors.Add(new(path + ".outcome", "The outcome must be accepted or overridden."));
            }

            if (!DateTimeOffset.TryParse(when, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var timestamp))
            {
                errors.Add(new(path + ".outcomeTimestamp", "The outcome timestamp must be an ISO 8601 date and time."));
            }

            if (entry?["acceptedSuggestions"] is { } accepted && accepted is not JsonArray)
            {
                errors.Add(new(path + ".acceptedSuggestions", "acceptedSuggestions must be an array."));
            }

            if (errors.Count == 0)
            {
                items.Add(new CdsFeedback
                {
                    Id = Guid.CreateVersion7(time.GetUtcNow()),
                    ServiceId = CdsServiceDiscovery.ServiceId,
                    CardId = card!,
                    Outcome = outcome!,
                    AcceptedSuggestionsJson = entry!["acceptedSuggestions"]?.ToJsonString() ?? "[]",
                    OverrideReasonJson = entry["overrideReason"]?.ToJsonString(),
                    OutcomeTimestamp = timestamp.ToUniversalTime(),
                    Issuer = "",
                });
            }
        }

        return (items, errors);
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
