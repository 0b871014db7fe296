namespace HomeLab.Manifests.Validation;

/// <summary>
/// The name rules of Kubernetes (k8s.io/apimachinery validation): DNS-1123 subdomains and labels, DNS-1035 labels,
/// path segment names, qualified names (label and annotation keys) and label values. Each check returns null
/// when the text is valid, or what is wrong with it.
/// </summary>
public static class KubernetesNames
{
    /// <summary>Checks a DNS-1123 subdomain: at most 253 characters, lower-case alphanumeric, '-' or '.', alphanumeric at both ends.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Null when valid; otherwise what is wrong.</returns>
    public static string? CheckDns1123Subdomain(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return CheckDns1123Subdomain(text.AsSpan());
    }

    /// <summary>Checks a DNS-1123 label: at most 63 characters, lower-case alphanumeric or '-', alphanumeric at both ends.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Null when valid; otherwise what is wrong.</returns>
    public static string? CheckDns1123Label(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 63)
        {
            return $"must be at most 63 characters (it has {text.Length})";
        }

        return IsDns1123LabelText(text) ? null : "must consist of lower-case letters, digits and '-', and start and end with a letter or digit";
    }

    /// <summary>Checks a DNS-1035 label (Service names): a DNS-1123 label that starts with a letter.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Null when valid; otherwise what is wrong.</returns>
    public static string? CheckDns1035Label(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (CheckDns1123Label(text) is { } problem)
        {
            return problem;
        }

        return char.IsAsciiLetterLower(text[0]) ? null : "must start with a lower-case letter";
    }

    /// <summary>Checks a path segment name (RBAC names): not '.' or '..', and no '/' or '%'.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Null when valid; otherwise what is wrong.</returns>
    public static string? CheckPathSegmentName(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return "must not be empty";
        }

        if (text is "." or "..")
        {
            return $"may not be '{text}'";
        }

        return text.AsSpan().IndexOfAny('/', '%') >= 0 ? "may not contain '/' or '%'" : null;
    }

    /// <summary>Checks a qualified name (a label or annotation key): an optional DNS-1123 subdomain prefix and '/', then a name of at most 63 characters.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Null when valid; otherwise what is wrong.</returns>
    public static string? CheckQualifiedName(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        // Spans, not substrings: most keys are valid and a check allocates nothing.
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var name = text.AsSpan();
        if (slash >= 0)
        {
            var prefix = text.AsSpan(0, slash);
            name = text.AsSpan(slash + 1);
            if (CheckDns1123Subdomain(prefix) is { } problem)
            {
                return $"the prefix '{prefix}' {problem}";
            }
        }

        if (name.Length == 0)
        {
            return "the name part must not be empty";
        }

        if (name.Length > 63)
        {
            return $"the name part must be at most 63 characters (it has {name.Length})";
        }

        return IsLabelValueText(name) ? null : "the name part must consist of letters, digits, '-', '_' and '.', and start and end with a letter or digit";
    }

    /// <summary>Checks a label value: empty, or at most 63 letters, digits, '-', '_' and '.', alphanumeric at both ends.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Null when valid; otherwise what is wrong.</returns>
    public static string? CheckLabelValue(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > 63)
        {
            return $"must be at most 63 characters (it has {text.Length})";
        }

        return text.Length == 0 || IsLabelValueText(text) ? null : "must consist of letters, digits, '-', '_' and '.', and start and end with a letter or digit";
    }

    /// <summary>Checks a key of a Secret's or ConfigMap's data: at most 253 letters, digits, '-', '_' and '.', and not '.' or '..'.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Null when valid; otherwise what is wrong.</returns>
    public static string? CheckDataKey(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length is 0 or > 253)
        {
            return text.Length == 0 ? "must not be empty" : $"must be at most 253 characters (it has {text.Length})";
        }

        if (text is "." or "..")
        {
            return $"may not be '{text}'";
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return "must consist of letters, digits, '-', '_' and '.'";
            }
        }

        return null;
    }

    private static string? CheckDns1123Subdomain(ReadOnlySpan<char> text)
    {
        if (text.Length is 0 or > 253)
        {
            return text.Length == 0 ? "must not be empty" : $"must be at most 253 characters (it has {text.Length})";
        }

        foreach (var part in text.Split('.'))
        {
            if (!IsDns1123LabelText(text[part]))
            {
                return "must consist of lower-case letters, digits, '-' and '.', and start and end with a letter or digit";
            }
        }

        return null;
    }

    private static bool IsDns1123LabelText(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !IsLowerAlphanumeric(text[0]) || !IsLowerAlphanumeric(text[^1]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!IsLowerAlphanumeric(c) && c != '-')
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLabelValueText(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || !char.IsAsciiLetterOrDigit(text[0]) || !char.IsAsciiLetterOrDigit(text[^1]))
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsLowerAlphanumeric(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c);
}
