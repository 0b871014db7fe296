using HomeLab.Manifests.Yaml;
using Selector = HomeLab.Manifests.Objects.LabelSelector;

namespace HomeLab.Manifests.Lint;

/// <summary>The lint rules' shorthand for <see cref="Selector"/>, which holds the one implementation of label selectors.</summary>
internal static class LabelSelector
{
    /// <summary>Whether a <c>{ matchLabels, matchExpressions }</c> selector selects the labels; an empty selector selects everything.</summary>
    public static bool Matches(YamlMap selector, IReadOnlyDictionary<string, string> labels) => Selector.FromYaml(selector).Matches(labels);

    /// <summary>Whether every key/value of a plain label map (a Service selector, a nodeSelector) is in the labels.</summary>
    public static bool MatchesLabels(YamlMap required, IReadOnlyDictionary<string, string> labels) => Selector.FromLabelMap(required).Matches(labels);

    /// <summary>Whether every requirement (<c>key</c>, <c>operator</c>, <c>values</c>) holds; operators as in label and node selectors.</summary>
    public static bool MatchesExpressions(YamlList expressions, IReadOnlyDictionary<string, string> labels) => Selector.FromExpressions(expressions).Matches(labels);
}
