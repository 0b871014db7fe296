using HomeLab.Manifests.Yaml;

namespace HomeLab.Assertions;

/// <summary>
/// How many nodes one YAML document may expand to once its aliases are written out. The loader shares an
/// anchored node among its aliases, so a 453-byte "billion laughs" file is small in memory; turning it into a
/// tree (an assertion, a JSON object) would not be. Counting stops that at a fixed cost, with a message.
/// </summary>
internal sealed class ExpansionBudget(int limit = ExpansionBudget.DefaultLimit)
{
    private readonly int _limit = limit;

    /// <summary>The nodes a document may expand to: far above any real manifest (a 50 MB file has about 3 million).</summary>
    public const int DefaultLimit = 5_000_000;

    private int _remaining = limit;

    /// <summary>Counts one more node.</summary>
    /// <exception cref="Trees.AssertionSyntaxException">The document expands past the limit.</exception>
    public void Take(YamlNode node)
    {
        if (--_remaining < 0)
        {
            throw new Trees.AssertionSyntaxException(
                node.Span,
                $"the YAML expands to more than {_limit:N0} nodes once its aliases are written out (aliases nested in aliases, as in a 'billion laughs' file); write the values out or split the document");
        }
    }
}
