using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint;

/// <summary>
/// The <c>lint.homelab.dev/ignore</c> annotation of one object: entries <c>rule-id: reason</c>, separated by new
/// lines or <c>;</c>. Only entries with a known rule id and a reason silence; the others are kept as mistakes.
/// </summary>
internal sealed class IgnoreAnnotation
{
    public const string Key = "lint.homelab.dev/ignore";

    private readonly HashSet<string> _silenced;

    private IgnoreAnnotation(YamlScalar value, HashSet<string> silenced, List<string> mistakes)
    {
        Value = value;
        _silenced = silenced;
        Mistakes = mistakes;
    }

    public YamlScalar Value { get; }

    /// <summary>What is wrong with the entries that do not silence, one message each.</summary>
    public IReadOnlyList<string> Mistakes { get; }

    public bool Silences(string ruleId) => _silenced.Contains(ruleId);

    public static IgnoreAnnotation Parse(YamlScalar value, IReadOnlySet<string> ruleIds)
    {
        var silenced = new HashSet<string>(StringComparer.Ordinal);
        var mistakes = new List<string>();
        foreach (var part in value.Value.Split(['\n', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            var id = (colon < 0 ? part : part[..colon]).Trim();
            var reason = colon < 0 ? string.Empty : part[(colon + 1)..].Trim();
            if (!ruleIds.Contains(id))
            {
                mistakes.Add($"'{id}' in {Key} is not a lint rule, so it silences nothing");
            }
            else if (reason.Length == 0)
            {
                mistakes.Add($"ignoring {id} needs a reason, so it is not ignored");
            }
            else
            {
                silenced.Add(id);
            }
        }

        return new IgnoreAnnotation(value, silenced, mistakes);
    }
}
