using HomeLab.Assertions.Expressions.Functions;
using HomeLab.Assertions.Operations;
using HomeLab.Assertions.Sources;
using HomeLab.Assertions.Steps;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Assertions.Chainsaw;

/// <summary>
/// Loads Chainsaw <c>Test</c> files — <c>chainsaw.kyverno.io/v1alpha1</c>, and v1alpha2 with its fields grouped by
/// concern (<c>execution</c>, <c>namespace</c>, <c>cleanup</c>, <c>deletion</c>, <c>error</c>, <c>templating</c>) — into
/// <see cref="TestDefinition"/>s, so they run with the same engine: steps with try/catch/finally/cleanup, test-level
/// catch; apply, create, patch, update, delete, assert, error, wait, command, script, sleep, podLogs, events, get,
/// describe; bindings at every level (scenario, test, step, step template, <c>use.with</c>, operation) and operation
/// <c>outputs</c>; <c>scenarios</c> (one test per scenario); step templates (<c>use.template</c>, read when the step
/// runs); timeouts; namespace; concurrent; skip. Files named by operations are read relative to the test file when the
/// operation runs. An unknown field is an error at its file:line; a field this runner cannot run makes the test
/// skipped, with the field and its file:line as the reason.
/// Extensions Chainsaw lacks: <c>match: any|all</c> and <c>allowEmptyIteration</c> on assert and error, and the
/// annotation <c>homelab.dev/concurrency-group</c>. <c>concurrent: false</c> puts a test in the group
/// <c>chainsaw:sequential</c>.
/// </summary>
public static class ChainsawTestLoader
{
    /// <summary>The annotation that names a test's concurrency group.</summary>
    public const string ConcurrencyGroupAnnotation = "homelab.dev/concurrency-group";

    /// <summary>Loads every Test document in a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The tests.</returns>
    /// <exception cref="ChainsawFormatException">The file is not a valid Chainsaw test; the message has file:line.</exception>
    public static IReadOnlyList<TestDefinition> LoadFile(string path)
    {
        var result = Load(path, SourceSpan.None);

        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
        return result.Documents.SelectMany(d => Test(d.Root, directory)).ToList();
    }

    /// <summary>Reads an operation's resource files (globs expanded), as Chainsaw does when the operation runs.</summary>
    /// <param name="operation">The operation.</param>
    /// <returns>The operation with its files' documents appended to its resources.</returns>
    /// <exception cref="ChainsawFormatException">A file is missing, a glob matches nothing, or a file is not valid YAML.</exception>
    public static Operation ReadFiles(Operation operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        if (operation.Files.Count == 0)
        {
            return operation;
        }

        var resources = operation.Resources.ToList();
        foreach (var pattern in operation.Files)
        {
            var files = Expand(pattern);
            if (files.Count == 0)
            {
                throw new ChainsawFormatException(operation.Span, $"file not found: {pattern}");
            }

            foreach (var file in files)
            {
                resources.AddRange(LoadResources(file, operation.Span));
            }
        }

        return operation with { Resources = resources, Files = [] };
    }

    /// <summary>Finds test files (<c>chainsaw-test.yaml</c>, <c>chainsaw-test.yml</c>) under a directory and loads them.</summary>
    /// <param name="directory">The directory.</param>
    /// <returns>The tests, in path order.</returns>
    /// <remarks>A file that does not load becomes one failing test that carries its message; the other files still load.</remarks>
    public static IReadOnlyList<TestDefinition> LoadDirectory(string directory) =>
        Directory.EnumerateFiles(directory, "chainsaw-test.y*ml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .SelectMany(LoadOrFail)
            .ToList();

    private static IReadOnlyList<TestDefinition> LoadOrFail(string path)
    {
        try
        {
            return LoadFile(path);
        }
        catch (ChainsawFormatException ex)
        {
            var name = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path))) ?? path;
            return [new TestDefinition(name) { LoadError = ex.Message, Span = ex.Span.IsKnown ? ex.Span : SourceSpan.At(path, 1, 1) }];
        }
    }

    /// <summary>Loads a Chainsaw <c>StepTemplate</c> file (what a step's <c>use.template</c> names) as a step.</summary>
    /// <param name="path">The template file.</param>
    /// <param name="testDirectory">The directory of the test that uses it: files its operations name are relative to it, as in Chainsaw.</param>
    /// <returns>The template's operations and default bindings.</returns>
    /// <exception cref="ChainsawFormatException">The file is missing or not a valid StepTemplate; the message has file:line.</exception>
    public static StepDefinition LoadStepTemplate(string path, string testDirectory)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new ChainsawFormatException(SourceSpan.None, $"step template not found: {path}");
        }

        var result = Load(path, SourceSpan.At(path, 1, 1));

        var root = result.Documents.FirstOrDefault()?.Root ?? throw new ChainsawFormatException(SourceSpan.At(path, 1, 1), "the step template file is empty");
        var map = Map(root, "a StepTemplate");
        if (map.GetString("apiVersion") != "chainsaw.kyverno.io/v1alpha1" || map.GetString("kind") != "StepTemplate")
        {
            throw new ChainsawFormatException(root.Span, "expected apiVersion chainsaw.kyverno.io/v1alpha1 and kind StepTemplate");
        }

        Fields(map, "a StepTemplate", "apiVersion", "kind", "metadata", "spec");
        var spec = Map(map["spec"] ?? throw new ChainsawFormatException(root.Span, "a StepTemplate needs spec"), "spec");
        Fields(spec, "a StepTemplate's spec", "bindings", "try", "catch", "finally", "cleanup");
        var unsupported = new List<string>();
        var template = new StepDefinition(map.GetMap("metadata")?.GetString("name") ?? Path.GetFileNameWithoutExtension(path))
        {
            Try = Operations(spec.GetList("try"), testDirectory, unsupported),
            Catch = Operations(spec.GetList("catch"), testDirectory, unsupported),
            Finally = Operations(spec.GetList("finally"), testDirectory, unsupported),
            Cleanup = Operations(spec.GetList("cleanup"), testDirectory, unsupported),
            Bindings = Bindings(spec.GetList("bindings")),
            Span = root.Span,
        };
        return unsupported.Count == 0
            ? template
            : throw new ChainsawFormatException(root.Span, $"the step template uses {string.Join(", ", unsupported.Distinct())}, which this runner does not run (offline or not yet)");
    }

    private static IEnumerable<TestDefinition> Test(YamlNode root, string directory)
    {
        var map = Map(root, "a Test");
        var apiVersion = map.GetString("apiVersion");
        if (apiVersion is not ("chainsaw.kyverno.io/v1alpha1" or "chainsaw.kyverno.io/v1alpha2") || map.GetString("kind") != "Test")
        {
            throw new ChainsawFormatException(root.Span, "expected apiVersion chainsaw.kyverno.io/v1alpha1 (or v1alpha2) and kind Test");
        }

        Fields(map, "a Test", "apiVersion", "kind", "metadata", "spec");
        var spec = Map(map["spec"] ?? throw new ChainsawFormatException(root.Span, "a Test needs spec"), "spec");
        var metadata = map.GetMap("metadata");
        var unsupported = new List<string>();
        var test = apiVersion == "chainsaw.kyverno.io/v1alpha2" ? TestV1Alpha2(spec, directory, unsupported) : TestV1Alpha1(spec, directory, unsupported);
        test = test with
        {
            Name = metadata?.GetString("name") ?? Path.GetFileName(directory),
            ConcurrencyGroup = metadata?.GetMap("annotations")?.GetString(ConcurrencyGroupAnnotation) ?? test.ConcurrencyGroup,
            Bindings = Bindings(spec.GetList("bindings")),
            Timeouts = Timeouts(spec.GetMap("timeouts")),
            Steps = (spec.GetList("steps")?.Items ?? []).Select((s, i) => Step(s, i, directory, unsupported)).ToList(),
            Span = root.Span,
        };
        if (unsupported.Count > 0 && test.Skip is null)
        {
            test = test with { Skip = $"uses {string.Join(", ", unsupported.Distinct())}, which this runner does not run (offline or not yet)" };
        }

        // Scenarios: the test runs once per scenario, the scenario's bindings bound before the test's own.
        var scenarios = spec.GetList("scenarios")?.Items.ToList() ?? [];
        if (scenarios.Count == 0)
        {
            return [test];
        }

        return scenarios.Select((node, i) =>
        {
            var scenario = Map(node, "a scenario");
            Fields(scenario, "a scenario", "bindings");
            return test with { Name = $"{test.Name} (scenario {i + 1})", Bindings = [.. Bindings(scenario.GetList("bindings")), .. test.Bindings], Span = scenario.Span };
        }).ToList();
    }

    private static TestDefinition TestV1Alpha1(YamlMap spec, string directory, List<string> unsupported)
    {
        Fields(spec, "spec", TestFields);
        Unsupported(spec, unsupported, "cluster", "clusters", "namespaceTemplate");
        NotDefault(spec, unsupported, "compiler", "jp");
        return new TestDefinition(string.Empty)
        {
            Namespace = spec.GetString("namespace"),
            ConcurrencyGroup = (spec["concurrent"] as YamlScalar)?.AsBool() == false ? "chainsaw:sequential" : null,
            Skip = (spec["skip"] as YamlScalar)?.AsBool() == true ? "skip: true in the test" : null,
            Catch = Operations(spec.GetList("catch"), directory, unsupported),
        };
    }

    /// <summary>v1alpha2 groups v1alpha1's test fields by concern: execution, namespace, cleanup, deletion, error, templating.</summary>
    private static TestDefinition TestV1Alpha2(YamlMap spec, string directory, List<string> unsupported)
    {
        Fields(spec, "spec (chainsaw.kyverno.io/v1alpha2)", "description", "cleanup", "cluster", "clusters", "execution", "bindings", "deletion", "error", "namespace", "steps", "templating", "timeouts");
        Unsupported(spec, unsupported, "cluster", "clusters");
        var execution = Group(spec, "execution", "concurrent", "skip", "terminationGracePeriod");
        var ns = Group(spec, "namespace", "name", "template", "compiler");
        Group(spec, "cleanup", "skipDelete", "delayBeforeCleanup");
        Group(spec, "deletion", "propagation");
        Group(spec, "templating", "enabled", "compiler");
        var error = Group(spec, "error", "catch");
        if (ns is not null)
        {
            Unsupported(ns, unsupported, "template");
        }

        return new TestDefinition(string.Empty)
        {
            Namespace = ns?.GetString("name"),
            ConcurrencyGroup = (execution?["concurrent"] as YamlScalar)?.AsBool() == false ? "chainsaw:sequential" : null,
            Skip = (execution?["skip"] as YamlScalar)?.AsBool() == true ? "execution.skip: true in the test" : null,
            Catch = Operations(error?.GetList("catch"), directory, unsupported),
        };
    }

    private static YamlMap? Group(YamlMap spec, string key, params string[] fields)
    {
        if (spec[key] is not { } node)
        {
            return null;
        }

        var map = Map(node, key);
        Fields(map, key, fields);
        return map;
    }

    private static StepDefinition Step(YamlNode node, int index, string directory, List<string> unsupported)
    {
        var map = Map(node, "a step");
        Fields(map, "a step", StepFields);
        Unsupported(map, unsupported, "cluster", "clusters");
        var step = new StepDefinition(map.GetString("name") ?? $"step-{index + 1}")
        {
            Try = Operations(map.GetList("try"), directory, unsupported),
            Catch = Operations(map.GetList("catch"), directory, unsupported),
            Finally = Operations(map.GetList("finally"), directory, unsupported),
            Cleanup = Operations(map.GetList("cleanup"), directory, unsupported),
            Timeouts = Timeouts(map.GetMap("timeouts")),
            Bindings = Bindings(map.GetList("bindings")),
            Span = map.Span,
        };
        if (!map.TryGetEntry("use", out var use))
        {
            return step.Try.Count == 0 && step.Catch.Count == 0 && step.Finally.Count == 0 && step.Cleanup.Count == 0
                ? throw new ChainsawFormatException(map.Span, "a step needs try (or use: a step template)")
                : step;
        }

        if (map.ContainsKey("try") || map.ContainsKey("catch") || map.ContainsKey("finally") || map.ContainsKey("cleanup"))
        {
            throw new ChainsawFormatException(use.KeySpan, "a step that uses a step template has no try, catch, finally or cleanup of its own");
        }

        // `use: {template: file, with: {bindings}}`; early Chainsaw releases wrote `use: file`.
        string? template;
        YamlList? with = null;
        if (use.Value is YamlMap useMap)
        {
            Fields(useMap, "use", "template", "with");
            template = useMap.GetString("template");
            if (useMap.GetMap("with") is { } withMap)
            {
                Fields(withMap, "use.with", "bindings");
                with = withMap.GetList("bindings");
            }
        }
        else
        {
            template = (use.Value as YamlScalar)?.AsString();
        }

        return string.IsNullOrEmpty(template)
            ? throw new ChainsawFormatException(use.KeySpan, "use needs template: the path of a StepTemplate file")
            : step with { Template = Path.Combine(directory, template), TemplateBindings = Bindings(with) };
    }

    private static List<Operation> Operations(YamlList? list, string directory, List<string> unsupported) =>
        (list?.Items ?? []).Select(o => Operation(o, directory, unsupported)).ToList();

    private static Operation Operation(YamlNode node, string directory, List<string> unsupported)
    {
        var map = Map(node, "an operation");
        var common = new[] { "description", "continueOnError", "name" };
        var kinds = map.Entries.Where(e => !common.Contains(e.Key)).ToList();
        if (kinds.Count != 1)
        {
            throw new ChainsawFormatException(node.Span, $"an operation needs exactly one of {string.Join(", ", s_operationFields.Keys)} (found {string.Join(", ", kinds.Select(k => k.Key))})");
        }

        var key = kinds[0].Key;
        if (!s_operationFields.TryGetValue(key, out var allowed))
        {
            throw new ChainsawFormatException(kinds[0].KeySpan, $"unknown operation '{key}' (known: {string.Join(", ", s_operationFields.Keys)})");
        }

        var body = kinds[0].Value as YamlMap ?? YamlMap.Empty;
        Fields(body, key, allowed);
        Unsupported(body, unsupported, "expect", "cluster", "clusters", "subresource");
        NotDefault(body, unsupported, "compiler", "jp");
        NotDefault(body, unsupported, "dryRun", "false");
        if (key == "proxy")
        {
            unsupported.Add($"proxy ({kinds[0].KeySpan})");
            return new Operation(OperationKind.Command) { Span = node.Span };
        }

        if (key == "wait" && body.GetMap("for") is { } waitFor && waitFor.ContainsKey("creation"))
        {
            unsupported.Add($"wait.for.creation ({waitFor.Span})");
            return new Operation(OperationKind.Wait) { Span = node.Span };
        }

        if (body.GetString("file") is { } url && (url.StartsWith("http://", StringComparison.Ordinal) || url.StartsWith("https://", StringComparison.Ordinal)))
        {
            unsupported.Add($"a URL file, read from the network ({body["file"]!.Span})");
            return new Operation(OperationKind.Apply) { Span = node.Span };
        }

        var operation = key switch
        {
            "apply" => Resources(OperationKind.Apply, body, directory),
            "create" => Resources(OperationKind.Create, body, directory),
            "patch" => Resources(OperationKind.Patch, body, directory),
            "update" => Resources(OperationKind.Update, body, directory),
            "assert" => Resources(OperationKind.Assert, body, directory),
            "error" => Resources(OperationKind.Error, body, directory),
            "delete" => Delete(body, directory),
            "wait" => Wait(body),
            "command" => new Operation(OperationKind.Command)
            {
                Entrypoint = body.GetString("entrypoint") ?? throw new ChainsawFormatException(body.Span, "command needs entrypoint"),
                Arguments = (body.GetList("args")?.Items ?? []).Select(a => (a as YamlScalar)?.Value ?? string.Empty).ToList(),
            },
            "script" => new Operation(OperationKind.Script) { Script = body.GetString("content") ?? throw new ChainsawFormatException(body.Span, "script needs content") },
            "sleep" => new Operation(OperationKind.Sleep) { Duration = Duration(body["duration"]) ?? throw new ChainsawFormatException(body.Span, "sleep needs duration") },
            "podLogs" => new Operation(OperationKind.PodLogs) { Target = Target(body, "v1", "Pod"), Container = body.GetString("container"), Tail = (int?)(body["tail"] as YamlScalar)?.AsInt64() },
            "events" => new Operation(OperationKind.Events) { Target = Target(body, "v1", "Event") },
            "get" => new Operation(OperationKind.Get) { Target = Target(body, null, null), Format = body.GetString("format") },
            "describe" => new Operation(OperationKind.Describe) { Target = Target(body, null, null) },
            _ => throw new ChainsawFormatException(kinds[0].KeySpan, $"unknown operation '{key}'"),
        };
        if (key is "command" or "script")
        {
            operation = operation with
            {
                Environment = (body.GetList("env")?.Items ?? []).OfType<YamlMap>()
                    .ToDictionary(e => e.GetString("name") ?? string.Empty, e => e.GetString("value") ?? string.Empty, StringComparer.Ordinal),
                Check = body["check"],
                WorkingDirectory = body.GetString("workDir") is { } dir ? Path.Combine(directory, dir) : directory,
            };
        }

        return operation with
        {
            Bindings = Bindings(body.GetList("bindings")),
            Outputs = Outputs(body.GetList("outputs")),
            Description = map.GetString("description"),
            ContinueOnError = (map["continueOnError"] as YamlScalar)?.AsBool() == true,
            Timeout = Duration(body["timeout"]),
            Span = node.Span,
        };
    }

    private static Operation Resources(OperationKind kind, YamlMap body, string directory)
    {
        var resources = new List<YamlNode>();
        if (body["resource"] is { } inline)
        {
            resources.Add(inline);
        }

        var files = body.GetString("file") is { } file ? new[] { Path.Combine(directory, file) } : [];
        if (resources.Count == 0 && files.Length == 0)
        {
            throw new ChainsawFormatException(body.Span, $"{kind.ToString().ToLowerInvariant()} needs file or resource");
        }

        return new Operation(kind)
        {
            Resources = resources,
            Files = files,
            Match = body.GetString("match") is "all" ? CandidateMatch.All : CandidateMatch.Any,
            AllowEmptyIteration = (body["allowEmptyIteration"] as YamlScalar)?.AsBool() == true,
        };
    }

    private static Operation Delete(YamlMap body, string directory)
    {
        if (body.GetMap("ref") is { } reference)
        {
            return new Operation(OperationKind.Delete) { Target = Target(reference, null, null) };
        }

        return Resources(OperationKind.Delete, body, directory);
    }

    private static Operation Wait(YamlMap body)
    {
        var forMap = body.GetMap("for") ?? throw new ChainsawFormatException(body.Span, "wait needs for: condition, deletion or jsonPath");
        WaitCondition condition = forMap switch
        {
            _ when forMap.GetMap("condition") is { } c => WaitCondition.ForCondition(c.GetString("name") ?? "Ready", c.GetString("value")),
            _ when forMap.GetMap("jsonPath") is { } j => WaitCondition.ForJsonPath(j.GetString("path") ?? string.Empty, j.GetString("value") ?? string.Empty),
            _ when forMap.ContainsKey("deletion") => WaitCondition.Deleted,
            _ => throw new ChainsawFormatException(forMap.Span, "wait.for needs condition, deletion or jsonPath"),
        };
        return new Operation(OperationKind.Wait) { Target = Target(body, null, null), Condition = condition };
    }

    private static ResourceQuery Target(YamlMap body, string? apiVersion, string? kind)
    {
        string? selector = body.GetString("selector");
        if (selector is null && body.GetMap("labels") is { } labels)
        {
            selector = string.Join(',', labels.Entries.Select(e => $"{e.Key}={(e.Value as YamlScalar)?.Value}"));
        }

        return new ResourceQuery(
            body.GetString("apiVersion") ?? apiVersion ?? throw new ChainsawFormatException(body.Span, "apiVersion is required here"),
            body.GetString("kind") ?? kind ?? throw new ChainsawFormatException(body.Span, "kind is required here"),
            body.GetString("namespace"),
            body.GetString("name"),
            selector);
    }

    private static IEnumerable<YamlNode> LoadResources(string path, SourceSpan at)
    {
        if (!File.Exists(path))
        {
            throw new ChainsawFormatException(at, $"file not found: {path}");
        }

        return Load(path, at).Documents.Select(d => d.Root);
    }

    /// <summary>Reads a YAML file; its first error (alias bombs included) becomes the exception, at its line or <paramref name="at"/>.</summary>
    private static YamlLoadResult Load(string path, SourceSpan at)
    {
        var result = YamlLoader.Default.LoadFile(path);
        if (result.HasErrors)
        {
            var finding = result.Findings.First(f => f.Severity == Manifests.Findings.Severity.Error);
            throw new ChainsawFormatException(finding.Span ?? at, finding.Message);
        }

        return result;
    }

    private static Timeouts? Timeouts(YamlMap? map) => map is null ? null : new Timeouts(
        Duration(map["apply"]), Duration(map["assert"]), Duration(map["cleanup"]),
        Duration(map["delete"]), Duration(map["error"]), Duration(map["exec"]));

    private static List<Binding> Bindings(YamlList? list) =>
        (list?.Items ?? []).Select(b => Map(b, "a binding")).Select(b =>
        {
            Fields(b, "a binding", "name", "value", "compiler");
            return new Binding(
                b.GetString("name") ?? throw new ChainsawFormatException(b.Span, "a binding needs name"),
                b["value"] ?? YamlScalar.Null);
        }).ToList();

    private static List<Output> Outputs(YamlList? list) =>
        (list?.Items ?? []).Select(o => Map(o, "an output")).Select(o =>
        {
            Fields(o, "an output", "name", "value", "match", "compiler");
            return new Output(
                o.GetString("name") ?? throw new ChainsawFormatException(o.Span, "an output needs name"),
                o["value"] ?? throw new ChainsawFormatException(o.Span, "an output needs value"))
            { Match = o["match"] };
        }).ToList();

    private static TimeSpan? Duration(YamlNode? node)
    {
        if (node is not YamlScalar { IsNull: false } scalar)
        {
            return null;
        }

        return GoDuration.TryParse(scalar.Value, out var duration)
            ? duration
            : throw new ChainsawFormatException(scalar.Span, $"'{scalar.Value}' is not a duration (write 5s, 1m30s, 250ms)");
    }

    private static YamlMap Map(YamlNode node, string what) =>
        node as YamlMap ?? throw new ChainsawFormatException(node.Span, $"{what} must be a map");

    private static readonly string[] TestFields =
    [
        "description", "timeouts", "cluster", "clusters", "skip", "concurrent", "skipDelete", "template", "compiler", "bindings",
        "scenarios", "steps", "catch", "forceTerminationGracePeriod", "delayBeforeCleanup", "deletionPropagationPolicy", "namespace",
        "namespaceTemplate", "namespaceTemplateCompiler", "failFast", "inconclusive",
    ];

    private static readonly string[] StepFields =
    [
        "name", "description", "use", "timeouts", "deletionPropagationPolicy", "cluster", "clusters", "skipDelete", "template",
        "compiler", "bindings", "try", "catch", "finally", "cleanup",
    ];

    private static readonly string[] Common = ["timeout", "bindings", "outputs", "cluster", "clusters", "compiler"];

    private static readonly string[] ResourceRef = ["file", "resource", "template"];

    private static readonly string[] ObjectRef = ["apiVersion", "kind", "namespace", "name", "selector", "labels"];

    private static readonly Dictionary<string, string[]> s_operationFields = new(StringComparer.Ordinal)
    {
        ["apply"] = [.. Common, .. ResourceRef, "dryRun", "expect", "deletionPropagationPolicy"],
        ["create"] = [.. Common, .. ResourceRef, "dryRun", "expect", "deletionPropagationPolicy"],
        ["patch"] = [.. Common, .. ResourceRef, "dryRun", "expect", "subresource"],
        ["update"] = [.. Common, .. ResourceRef, "dryRun", "expect", "subresource"],
        ["assert"] = [.. Common, .. ResourceRef, "check", "match", "allowEmptyIteration"],
        ["error"] = [.. Common, .. ResourceRef, "check", "match", "allowEmptyIteration"],
        ["delete"] = [.. Common, .. ResourceRef, "ref", "expect", "deletionPropagationPolicy"],
        ["wait"] = [.. Common, .. ObjectRef, "for", "format"],
        ["command"] = [.. Common, "entrypoint", "args", "env", "check", "workDir", "skipLogOutput", "skipCommandOutput"],
        ["script"] = [.. Common, "content", "env", "check", "workDir", "skipLogOutput", "skipCommandOutput", "shell"],
        ["sleep"] = ["duration"],
        ["podLogs"] = [.. Common, .. ObjectRef, "container", "tail"],
        ["events"] = [.. Common, .. ObjectRef, "format"],
        ["get"] = [.. Common, .. ObjectRef, "format"],
        ["describe"] = [.. Common, .. ObjectRef, "showEvents"],
        ["proxy"] = [.. Common, .. ObjectRef, "port", "path"],
    };

    /// <summary>An unknown field is an error at its file:line (a misspelt one included), never dropped.</summary>
    private static void Fields(YamlMap map, string what, params string[] allowed)
    {
        foreach (var entry in map.Entries)
        {
            if (!allowed.Contains(entry.Key, StringComparer.Ordinal))
            {
                throw new ChainsawFormatException(entry.KeySpan, $"unknown field '{entry.Key}' in {what} (chainsaw.kyverno.io/v1alpha1 has: {string.Join(", ", allowed)})");
            }
        }
    }

    private static void Unsupported(YamlMap map, List<string> unsupported, params string[] fields)
    {
        foreach (var entry in map.Entries.Where(e => fields.Contains(e.Key, StringComparer.Ordinal)))
        {
            unsupported.Add($"{entry.Key} ({entry.KeySpan})");
        }
    }

    private static void NotDefault(YamlMap map, List<string> unsupported, string field, string value)
    {
        if (map[field] is YamlScalar { IsNull: false } scalar && !string.Equals(scalar.Value, value, StringComparison.OrdinalIgnoreCase))
        {
            unsupported.Add($"{field}: {scalar.Value} ({scalar.Span})");
        }
    }

    /// <summary>A file path, or a glob (<c>*</c>, <c>?</c> in the file name) matched in its directory, in name order.</summary>
    private static List<string> Expand(string pattern)
    {
        var name = Path.GetFileName(pattern);
        if (name.IndexOfAny(['*', '?']) < 0)
        {
            return File.Exists(pattern) ? [pattern] : [];
        }

        var directory = Path.GetDirectoryName(pattern) ?? ".";
        return Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory).Where(f => Expressions.Functions.KyvernoFunctions.Wildcard(name, Path.GetFileName(f))).Order(StringComparer.Ordinal).ToList()
            : [];
    }
}
