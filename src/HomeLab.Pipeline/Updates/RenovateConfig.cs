using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Pipeline.Updates;

/// <summary>
/// A repository's Renovate configuration (<c>.github/renovate.json5</c>, JSON with comments and trailing commas),
/// read as far as needed to tell which files each manager looks at: the built-in managers' default
/// <c>managerFilePatterns</c> plus the configured ones, and the custom regex managers' <c>matchStrings</c>, run the
/// way Renovate runs them over a whole file.
/// </summary>
public sealed class RenovateConfig
{
    /// <summary>The rule id of a pin no manager of the configuration sees.</summary>
    public const string UnseenPinRule = "renovate/unseen-pin";

    // Renovate's own defaults (docs.renovatebot.com/modules/manager/<name>): argocd and kubernetes have none.
    private static readonly Dictionary<string, string[]> Defaults = new(StringComparer.Ordinal)
    {
        ["argocd"] = [],
        ["kubernetes"] = [],
        ["helm-values"] = [@"/(^|/)values\.ya?ml$/"],
        ["kustomize"] = [@"/(^|/)kustomization\.ya?ml$/"],
        ["github-actions"] = [@"/(^|/)(workflow-templates|\.(?:github|gitea|forgejo)/(?:workflows|actions))/.+\.ya?ml$/", @"/(^|/)action\.ya?ml$/"],
    };

    private readonly JsonObject _root;

    private RenovateConfig(string file, JsonObject root)
    {
        File = file;
        _root = root;
    }

    /// <summary>The configuration file.</summary>
    public string File { get; }

    /// <summary>Reads a configuration file.</summary>
    /// <param name="path">The <c>renovate.json5</c> or <c>renovate.json</c>.</param>
    /// <returns>The configuration.</returns>
    /// <exception cref="JsonException">The file is not JSON with comments (unquoted keys and single quotes are not read).</exception>
    public static RenovateConfig Load(string path)
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        var root = JsonNode.Parse(System.IO.File.ReadAllText(path), documentOptions: options) as JsonObject
            ?? throw new JsonException($"{path}: the configuration is not an object");
        return new RenovateConfig(path, root);
    }

    /// <summary>The pins no manager of this configuration would see, each an error at the pin's file and line.</summary>
    /// <param name="repositoryRoot">The repository the pins are in.</param>
    /// <param name="pins">The pins, from <see cref="PinInventory"/>.</param>
    /// <returns>One finding per unseen pin.</returns>
    public IReadOnlyList<Finding> Unseen(string repositoryRoot, IEnumerable<Pin> pins)
    {
        ArgumentNullException.ThrowIfNull(pins);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        var findings = new List<Finding>();
        foreach (var pin in pins)
        {
            if (ManagerOf(pin.Kind) is { } manager && Enabled(manager) && Patterns(_root[manager] as JsonObject, Defaults[manager]).Any(p => p.IsMatch(pin.File)))
            {
                continue;
            }

            if (!texts.TryGetValue(pin.File, out var text))
            {
                texts[pin.File] = text = System.IO.File.ReadAllText(Path.Combine(repositoryRoot, pin.File));
            }

            if (CustomManagers().Any(c => c.Files.Any(p => p.IsMatch(pin.File)) && c.Strings.Any(s => Captures(s, text, pin))))
            {
                continue;
            }

            findings.Add(new Finding(UnseenPinRule, Severity.Error, $"the pin {pin.Name} {pin.Version} is seen by no manager of {Path.GetFileName(File)}, so Renovate will never update it")
            {
                Span = SourceSpan.At(Path.Combine(repositoryRoot, pin.File), pin.Line, 1),
                Hint = ManagerOf(pin.Kind) is { } m
                    ? $"add the file to {m}.managerFilePatterns, or a custom regex manager whose currentValue captures it"
                    : "add a custom regex manager whose managerFilePatterns match the file and whose currentValue captures the version",
            });
        }

        return findings;
    }

    private static string? ManagerOf(PinKind kind) => kind switch
    {
        PinKind.ApplicationChart => "argocd",
        PinKind.ValuesImage => "helm-values",
        PinKind.ManifestImage => "kubernetes",
        PinKind.KustomizeImage => "kustomize",
        PinKind.WorkflowAction => "github-actions",
        _ => null,
    };

    private bool Enabled(string manager) =>
        (_root["enabledManagers"] is not JsonArray enabled || enabled.Any(e => e?.GetValue<string>() == manager))
        && (_root[manager] as JsonObject)?["enabled"]?.GetValue<bool>() != false;

    private IEnumerable<(List<Regex> Files, List<Regex> Strings)> CustomManagers()
    {
        foreach (var manager in (_root["customManagers"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (manager["customType"]?.GetValue<string>() != "regex" || !Enabled("custom.regex"))
            {
                continue;
            }

            var strings = (manager["matchStrings"] as JsonArray ?? []).Select(s => new Regex(s!.GetValue<string>(), RegexOptions.None, TimeSpan.FromSeconds(1))).ToList();
            yield return (Patterns(manager, []), strings);
        }
    }

    private static bool Captures(Regex pattern, string text, Pin pin)
    {
        foreach (Match match in pattern.Matches(text))
        {
            var value = match.Groups["currentValue"];
            if (value.Success && value.Value == pin.Version && text.AsSpan(0, value.Index).Count('\n') + 1 == pin.Line)
            {
                return true;
            }
        }

        return false;
    }

    private static List<Regex> Patterns(JsonObject? manager, IEnumerable<string> defaults)
    {
        var configured = (manager?["managerFilePatterns"] as JsonArray ?? []).Select(p => p!.GetValue<string>());
        return [.. defaults.Concat(configured).Select(ToRegex)];
    }

    /// <summary>A <c>managerFilePatterns</c> entry: <c>/regex/</c>, else a glob.</summary>
    private static Regex ToRegex(string pattern)
    {
        if (pattern.Length > 1 && pattern[0] == '/' && pattern.LastIndexOf('/') > 0)
        {
            var end = pattern.LastIndexOf('/');
            var options = pattern[(end + 1)..].Contains('i', StringComparison.Ordinal) ? RegexOptions.IgnoreCase : RegexOptions.None;
            return new Regex(pattern[1..end], options, TimeSpan.FromSeconds(1));
        }

        var glob = Regex.Escape(pattern).Replace(@"\*\*/", "(.*/)?", StringComparison.Ordinal).Replace(@"\*\*", ".*", StringComparison.Ordinal)
            .Replace(@"\*", "[^/]*", StringComparison.Ordinal).Replace(@"\?", "[^/]", StringComparison.Ordinal);
        return new Regex($"^{glob}$", RegexOptions.None, TimeSpan.FromSeconds(1));
    }
}
