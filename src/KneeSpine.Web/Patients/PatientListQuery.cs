using KneeSpine.Engine.Codes;

namespace KneeSpine.Web.Patients;

/// <summary>A validated patient-list request: search, sort, filters and the page.</summary>
public sealed record PatientListQuery(
    string? Search,
    PatientSort Sort,
    OpenItemFilter? OpenItem,
    bool OverdueOnly,
    DateOnly? LastAssessedBefore,
    int? MinDaysSinceSurgery,
    int? MaxDaysSinceSurgery,
    int Page,
    int PageSize)
{
    public const int DefaultPageSize = 50;

    public const int MaxPageSize = 200;

    public static PatientListQuery Default { get; } = new(null, PatientSort.Name, null, false, null, null, null, 1, DefaultPageSize);

    /// <summary>Reads the request's values; <paramref name="errors"/> names each bad one by its query parameter.</summary>
    public static PatientListQuery Create(
        string? search, string? sort, string? openItem, bool? overdue, DateOnly? lastAssessedBefore, int? minDaysSinceSurgery, int? maxDaysSinceSurgery,
        int? page, int? pageSize, out IReadOnlyList<KeyValuePair<string, string>> errors)
    {
        var problems = new List<KeyValuePair<string, string>>();
        var parsedSort = PatientSort.Name;
        if (!string.IsNullOrWhiteSpace(sort) && !Code<PatientSort>.TryParse(sort.Trim(), out parsedSort))
        {
            problems.Add(new("sort", $"Unknown sort '{sort}'; use one of: {string.Join(", ", Code<PatientSort>.All)}."));
        }

        OpenItemFilter? parsedOpen = null;
        if (!string.IsNullOrWhiteSpace(openItem))
        {
            if (Code<OpenItemFilter>.TryParse(openItem.Trim(), out var filter))
            {
                parsedOpen = filter;
            }
            else
            {
                problems.Add(new("openItem", $"Unknown openItem '{openItem}'; use one of: {string.Join(", ", Code<OpenItemFilter>.All)}."));
            }
        }

        if (minDaysSinceSurgery is < 0)
        {
            problems.Add(new("minDaysSinceSurgery", "minDaysSinceSurgery cannot be negative."));
        }

        if (maxDaysSinceSurgery is < 0 || (maxDaysSinceSurgery is { } max && minDaysSinceSurgery is { } min && max < min))
        {
            problems.Add(new("maxDaysSinceSurgery", "maxDaysSinceSurgery must be at least 0 and at least minDaysSinceSurgery."));
        }

        if (page is < 1)
        {
            problems.Add(new("page", "page starts at 1."));
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            problems.Add(new("pageSize", $"pageSize must be from 1 to {MaxPageSize}."));
        }

        errors = problems;
        return new PatientListQuery(
            string.IsNullOrWhiteSpace(search) ? null : search.Trim(), parsedSort, parsedOpen, overdue == true, lastAssessedBefore,
            minDaysSinceSurgery, maxDaysSinceSurgery, Math.Max(page ?? 1, 1), pageSize is >= 1 and <= MaxPageSize ? pageSize.Value : DefaultPageSize);
    }
}
