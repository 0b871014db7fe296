namespace HomeLab.Manifests.Rendering;

/// <summary>Compares git repository URLs whatever their form: https, ssh, scp-like, with or without <c>.git</c>.</summary>
public static class RepositoryUrl
{
    /// <summary>The URL in one form: no scheme, user, <c>.git</c> or trailing slash, lower case, scp-like colons as slashes.</summary>
    /// <param name="url">A git repository URL.</param>
    /// <returns>The normalized URL.</returns>
    public static string Normalize(string url)
    {
        var text = url.Trim().ToLowerInvariant();
        foreach (var scheme in new[] { "https://", "http://", "ssh://", "git://" })
        {
            if (text.StartsWith(scheme, StringComparison.Ordinal))
            {
                text = text[scheme.Length..];
            }
        }

        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0 && at < text.IndexOf('/', StringComparison.Ordinal))
        {
            text = text[(at + 1)..];
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && colon < text.IndexOf('/', StringComparison.Ordinal))
        {
            text = string.Concat(text.AsSpan(0, colon), "/", text.AsSpan(colon + 1).TrimStart('/'));
        }

        text = text.TrimEnd('/');
        return text.EndsWith(".git", StringComparison.Ordinal) ? text[..^4] : text;
    }
}
