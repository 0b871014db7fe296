using HomeLab.Assertions.Sources;
using HomeLab.Manifests.Yaml;
using Newtonsoft.Json.Linq;

namespace HomeLab.Assertions.Trees;

/// <summary>
/// A compiled assertion tree with Chainsaw / kyverno-json semantics: maps match partially, <c>{}</c> means
/// present and not null, arrays match in length and order unless the key says <c>@contains</c> or
/// <c>@any-order</c>, <c>(expression)</c> keys project with JMESPath, <c>~name.(expression)</c> iterates binding
/// <c>$name</c> to the index (or key), <c>key-&gt;name</c> binds <c>$name</c>, <c>\(text)\</c> escapes.
/// Compile once, evaluate many times from any thread.
/// </summary>
public sealed class AssertionTree
{
    private readonly TreeNode _root;

    private AssertionTree(YamlNode source)
    {
        Source = source;
        _root = TreeCompiler.Compile(source);
    }

    /// <summary>The YAML the tree was compiled from.</summary>
    public YamlNode Source { get; }

    /// <summary>Where the tree was written.</summary>
    public SourceSpan Span => Source.Span;

    /// <summary>Compiles a tree from YAML nodes.</summary>
    /// <param name="node">The root node.</param>
    /// <returns>The tree.</returns>
    /// <exception cref="AssertionSyntaxException">An expression does not parse, or a key is malformed.</exception>
    public static AssertionTree From(YamlNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return new AssertionTree(node);
    }

    /// <summary>Compiles the single YAML document in a string.</summary>
    /// <param name="yaml">The YAML.</param>
    /// <param name="displayName">The name spans and messages use for the text.</param>
    /// <returns>The tree.</returns>
    /// <exception cref="AssertionSyntaxException">The YAML is invalid, holds no or several documents, or the tree does not compile.</exception>
    public static AssertionTree Parse(string yaml, string displayName = "inline")
    {
        var trees = ParseAll(yaml, displayName);
        return trees.Count == 1
            ? trees[0]
            : throw new AssertionSyntaxException($"{displayName}: expected one YAML document, found {trees.Count}");
    }

    /// <summary>Compiles every YAML document in a string.</summary>
    /// <param name="yaml">The YAML.</param>
    /// <param name="displayName">The name spans and messages use for the text.</param>
    /// <returns>The trees, in document order.</returns>
    /// <exception cref="AssertionSyntaxException">The YAML is invalid or a tree does not compile.</exception>
    public static IReadOnlyList<AssertionTree> ParseAll(string yaml, string displayName = "inline") =>
        FromLoad(YamlLoader.Default.LoadString(yaml, displayName));

    /// <summary>Compiles every YAML document in a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The trees, in document order.</returns>
    /// <exception cref="AssertionSyntaxException">The YAML is invalid or a tree does not compile.</exception>
    public static IReadOnlyList<AssertionTree> LoadFile(string path) => FromLoad(YamlLoader.Default.LoadFile(path));

    /// <summary>Evaluates the tree against an object, collecting every field error and a diff.</summary>
    /// <param name="actual">The object (or any JSON value).</param>
    /// <param name="options">Bindings, expression context and iteration policy.</param>
    /// <returns>The result.</returns>
    public AssertionResult Evaluate(JToken? actual, EvaluationOptions? options = null)
    {
        options ??= EvaluationOptions.Default;
        var walk = new TreeWalk(options);
        _root.Match(actual, walk, TreePath.Root, options.Bindings);
        if (walk.ErrorCount == 0)
        {
            return AssertionResult.Match;
        }

        var diff = string.Empty;
        if (options.RenderDiff)
        {
            var writer = new DiffWriter();
            MapNode.DiffChild(string.Empty, _root, actual, new TreeWalk(options), options.Bindings, writer, 0);
            diff = writer.ToString();
        }

        return new AssertionResult(walk.Errors, diff);
    }

    /// <summary>Whether an object matches, without building messages.</summary>
    /// <param name="actual">The object.</param>
    /// <param name="options">Bindings, expression context and iteration policy.</param>
    /// <returns>True when it matches.</returns>
    public bool Matches(JToken? actual, EvaluationOptions? options = null)
    {
        options ??= EvaluationOptions.Default;
        return _root.Matches(actual, new TreeWalk(options), options.Bindings);
    }

    /// <summary>
    /// The objects the tree is about: apiVersion and kind, and metadata name, namespace and labels (as a
    /// label selector, used when no name is given). <c>(expression)</c> values are evaluated with the bindings.
    /// </summary>
    /// <param name="options">Bindings and expression context.</param>
    /// <param name="defaultNamespace">The namespace for a namespaced kind whose tree names none (a test's namespace), or null for all.</param>
    /// <returns>The query, or null when the tree names no apiVersion and kind.</returns>
    public ResourceQuery? ToQuery(EvaluationOptions? options = null, string? defaultNamespace = null)
    {
        options ??= EvaluationOptions.Default;
        if (Source is not YamlMap root)
        {
            return null;
        }

        var apiVersion = Text(root["apiVersion"], options);
        var kind = Text(root["kind"], options);
        if (apiVersion is null || kind is null)
        {
            return null;
        }

        var metadata = root.GetMap("metadata");
        var name = Text(metadata?["name"], options);
        var ns = Text(metadata?["namespace"], options) ?? (Manifests.Objects.ClusterScopedKinds.BuiltIn.Contains(kind) ? null : defaultNamespace);
        string? selector = null;
        if (name is null && metadata?.GetMap("labels") is { } labels)
        {
            var pairs = labels.Entries
                .Select(e => (e.Key, Value: Text(e.Value, options)))
                .Where(p => p.Value is not null && !TreeCompiler.IsExpression(p.Key))
                .Select(p => $"{p.Key}={p.Value}")
                .ToArray();
            selector = pairs.Length > 0 ? string.Join(',', pairs) : null;
        }

        return new ResourceQuery(apiVersion, kind, ns, name, selector);
    }

    /// <inheritdoc />
    public override string ToString() => Span.IsKnown ? $"assertion at {Span}" : "assertion";

    private static string? Text(YamlNode? node, EvaluationOptions options)
    {
        if (node is not YamlScalar { IsNull: false } scalar)
        {
            return null;
        }

        var text = scalar.Value;
        if (scalar.Kind == YamlScalarKind.String && TreeCompiler.IsExpression(text))
        {
            var result = TreeCompiler.ParseExpression(text[1..^1], scalar.Span).Evaluate(null, options.Bindings, options.Context);
            return result.Type == JTokenType.String ? (string?)result : null;
        }

        return TreeCompiler.IsEscaped(text) ? text[1..^1] : text;
    }

    private static List<AssertionTree> FromLoad(YamlLoadResult result)
    {
        if (result.HasErrors)
        {
            var finding = result.Findings.First(f => f.Severity == Manifests.Findings.Severity.Error);
            throw new AssertionSyntaxException(finding.Span ?? SourceSpan.None, finding.Message);
        }

        return result.Documents.Select(d => new AssertionTree(d.Root)).ToList();
    }
}
