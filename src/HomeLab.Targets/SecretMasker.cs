namespace HomeLab.Targets;

/// <summary>Replaces the values of secret parameters with asterisks in every line the build writes.</summary>
public sealed class SecretMasker
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "*****";

    private readonly object gate = new();
    private string[] secrets = [];

    /// <summary>Adds a value to mask. Empty values are ignored.</summary>
    /// <param name="secret">The value.</param>
    public void Add(string? secret)
    {
        if (string.IsNullOrEmpty(secret))
        {
            return;
        }

        lock (gate)
        {
            if (secrets.Contains(secret, StringComparer.Ordinal))
            {
                return;
            }

            // Longest first, so a secret that contains another is masked whole.
            secrets = [.. secrets.Append(secret).OrderByDescending(s => s.Length)];
        }
    }

    /// <summary>Returns the text with every secret masked.</summary>
    /// <param name="text">The text.</param>
    public string Apply(string text)
    {
        var current = secrets;
        foreach (var secret in current)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
