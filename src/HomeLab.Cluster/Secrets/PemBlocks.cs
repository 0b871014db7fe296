using System.Security.Cryptography;

namespace HomeLab.Cluster.Secrets;

/// <summary>The labelled blocks of a PEM text, in order.</summary>
internal static class PemBlocks
{
    /// <summary>Every PEM block: its label and its DER bytes.</summary>
    public static List<(string Label, byte[] Der)> Read(string text)
    {
        var blocks = new List<(string, byte[])>();
        var rest = text.AsMemory();
        while (PemEncoding.TryFind(rest.Span, out var fields))
        {
            var span = rest.Span;
            var label = span[fields.Label].ToString();
            var der = new byte[fields.DecodedDataLength];
            if (Convert.TryFromBase64Chars(span[fields.Base64Data], der, out var written))
            {
                blocks.Add((label, der[..written]));
            }

            rest = rest[fields.Location.End..];
        }

        return blocks;
    }

    /// <summary>The labels as a readable list, for messages.</summary>
    public static string Describe(IEnumerable<(string Label, byte[] Der)> blocks)
    {
        var labels = blocks.Select(block => block.Label).Distinct(StringComparer.Ordinal).ToList();
        return labels.Count == 0 ? "no PEM blocks" : string.Join(", ", labels);
    }
}
