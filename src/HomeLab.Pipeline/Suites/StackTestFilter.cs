namespace HomeLab.Pipeline.Suites;

/// <summary>The <c>dotnet test --filter</c> expression that narrows the C# stack suites.</summary>
public static class StackTestFilter
{
    /// <summary>The filter for the selected tier, name and tags, all of which must hold.</summary>
    /// <param name="tier">The tier (xunit trait <c>tier</c>).</param>
    /// <param name="name">Text the test's full name contains; null for any.</param>
    /// <param name="tags">Tags (xunit trait <c>tag</c>), any of which a test must have; empty for any.</param>
    /// <returns>The filter; empty when nothing narrows.</returns>
    public static string For(TestTier tier, string? name, IReadOnlyList<string> tags)
    {
        ArgumentNullException.ThrowIfNull(tags);
        var parts = new List<string>();
        if (tier != TestTier.All)
        {
            parts.Add(tier == TestTier.Offline ? "tier=offline" : "tier=live");
        }

        if (name is not null)
        {
            parts.Add($"FullyQualifiedName~{name}");
        }

        if (tags.Count > 0)
        {
            parts.Add("(" + string.Join('|', tags.Select(tag => $"tag={tag}")) + ")");
        }

        return string.Join('&', parts);
    }
}
