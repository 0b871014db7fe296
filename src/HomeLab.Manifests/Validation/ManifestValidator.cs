using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Schemas;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Validation;

/// <summary>
/// Validates rendered Kubernetes objects with no cluster and no network: every object against its schema
/// (the schema cache's OpenAPI documents when present, CustomResourceDefinitions for custom resources, otherwise
/// KubernetesClient's models), names and labels against Kubernetes' rules, duplicates across files, and
/// deprecated or removed APIs for the target Kubernetes version. Every finding names a file, line and column and
/// has a hint. Thread-safe: one validator can validate many sets at once; schemas are built once and cached.
/// </summary>
public sealed class ManifestValidator
{
    private const int ParallelThreshold = 128;

    private readonly KubernetesModelSchemas _models = KubernetesModelSchemas.Shared;
    private readonly OpenApiSchemaCache? _cache;
    private readonly Version _target;
    private readonly ConcurrentDictionary<GroupVersionKind, SchemaNode?> _builtIn = new();
    private readonly Lazy<(Dictionary<GroupVersionKind, Lazy<SchemaNode>> Schemas, IReadOnlyList<Finding> Findings)> _extraCrds;

    /// <summary>Creates a validator.</summary>
    /// <param name="options">How to validate; <see cref="ValidationOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentException"><see cref="ValidationOptions.KubernetesVersion"/> is not a version such as 1.32.</exception>
    public ManifestValidator(ValidationOptions? options = null)
    {
        Options = options ?? ValidationOptions.Default;
        if (!ApiDeprecations.TryParseKubernetesVersion(Options.KubernetesVersion, out _target))
        {
            throw new ArgumentException($"KubernetesVersion '{Options.KubernetesVersion}' is not a Kubernetes version such as 1.32", nameof(options));
        }

        if (Options.SchemaCacheDirectory is { } root)
        {
            var directory = OpenApiSchemaCache.DirectoryFor(root, $"{_target.Major}.{_target.Minor}");
            if (Directory.Exists(directory))
            {
                _cache = new OpenApiSchemaCache(directory);
            }
        }

        _extraCrds = new(LoadExtraCrds);
    }

    /// <summary>How this validator validates.</summary>
    public ValidationOptions Options { get; }

    /// <summary>The schema cache directory in use; null when there is none for the target version.</summary>
    public string? SchemaCacheInUse => _cache?.Directory;

    /// <summary>Validates a set of objects, such as a rendered environment.</summary>
    /// <param name="objects">The objects; CustomResourceDefinitions among them validate the custom resources.</param>
    /// <returns>The findings, in object order, and the counts.</returns>
    public ValidationResult Validate(IReadOnlyList<KubeObject> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var (extraSchemas, extraFindings) = _extraCrds.Value;
        var crds = new Dictionary<GroupVersionKind, Lazy<SchemaNode>>(extraSchemas);
        foreach (var obj in objects)
        {
            if (CrdSchemas.IsCrd(obj))
            {
                CrdSchemas.Add(obj, crds, _models);
            }
        }

        var perObject = new List<Finding>?[objects.Count];
        var outcomes = new Outcome[objects.Count];
        var cacheFindings = new ConcurrentDictionary<string, Finding>(StringComparer.Ordinal);
        // One walker per thread, reused object after object; each object's findings land at its own index, so the
        // order is the objects' whatever thread checked them.
        SchemaWalker Check(int i, SchemaWalker walker)
        {
            var obj = objects[i];
            walker.Begin(obj.Ref);
            outcomes[i] = this.Check(obj, crds, cacheFindings, walker);
            perObject[i] = walker.End();
            return walker;
        }

        if (objects.Count >= ParallelThreshold && Options.MaxDegreeOfParallelism != 1)
        {
            try
            {
                Parallel.For(0, objects.Count, new ParallelOptions { MaxDegreeOfParallelism = Options.MaxDegreeOfParallelism }, () => new SchemaWalker(), (i, _, walker) => Check(i, walker), _ => { });
            }
            catch (AggregateException e) when (e.InnerExceptions.Count > 0)
            {
                // As on one thread: the failure itself (such as a CRD schema that cannot be read), not a wrapper.
                ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            }
        }
        else
        {
            var walker = new SchemaWalker();
            for (var i = 0; i < objects.Count; i++)
            {
                Check(i, walker);
            }
        }

        ReportDuplicates(objects, perObject);

        var findings = new List<Finding>(extraFindings);
        findings.AddRange(cacheFindings.Values.OrderBy(f => f.Message, StringComparer.Ordinal));
        var unvalidatedKinds = new SortedSet<string>(StringComparer.Ordinal);
        int validated = 0, unvalidated = 0;
        for (var i = 0; i < objects.Count; i++)
        {
            if (perObject[i] is { } list)
            {
                findings.AddRange(list);
            }

            if (outcomes[i] == Outcome.Validated)
            {
                validated++;
            }
            else if (outcomes[i] == Outcome.Unvalidated)
            {
                unvalidated++;
                unvalidatedKinds.Add($"{objects[i].ApiVersion} {objects[i].Kind}");
            }
        }

        return new ValidationResult(findings, validated, unvalidated, [.. unvalidatedKinds]);
    }

    private static YamlNode Field(KubeObject obj, string key) => obj.Root.TryGetEntry(key, out var entry) ? entry.Value : obj.Root;

    private static string? CheckName(KubeObject obj, string name) => obj.Kind switch
    {
        "Namespace" when obj.Group.Length == 0 => KubernetesNames.CheckDns1123Label(name),
        "Service" when obj.Group.Length == 0 => KubernetesNames.CheckDns1035Label(name),
        "Role" or "ClusterRole" or "RoleBinding" or "ClusterRoleBinding" when obj.Group == "rbac.authorization.k8s.io" => KubernetesNames.CheckPathSegmentName(name),
        _ => KubernetesNames.CheckDns1123Subdomain(name),
    };

    private static string NameRule(KubeObject obj) => obj.Kind switch
    {
        "Namespace" when obj.Group.Length == 0 => "a Namespace name is a DNS-1123 label: at most 63 lower-case letters, digits and '-', such as 'media'",
        "Service" when obj.Group.Length == 0 => "a Service name is a DNS-1035 label: at most 63 lower-case letters, digits and '-', starting with a letter, such as 'web-api'",
        "Role" or "ClusterRole" or "RoleBinding" or "ClusterRoleBinding" => "RBAC names may not contain '/' or '%'",
        _ => "names are DNS-1123 subdomains: at most 253 lower-case letters, digits, '-' and '.', such as 'web-api' or 'web.example'",
    };

    private static void ReportDuplicates(IReadOnlyList<KubeObject> objects, List<Finding>?[] perObject)
    {
        var seen = new Dictionary<(string Group, string Kind, string Namespace, string Name), int>(objects.Count);
        for (var i = 0; i < objects.Count; i++)
        {
            var obj = objects[i];
            if (string.IsNullOrEmpty(obj.Kind) || string.IsNullOrEmpty(obj.Name))
            {
                continue;
            }

            var key = (obj.Group, obj.Kind, obj.Namespace ?? string.Empty, obj.Name);
            if (!seen.TryAdd(key, i))
            {
                var first = objects[seen[key]];
                var firstAt = NameSpan(first);
                var here = NameSpan(obj);
                (perObject[i] ??= []).Add(new Finding(ValidationRuleIds.DuplicateObject, Severity.Error, $"{obj.Ref} is defined twice: at {firstAt} and at {here}")
                {
                    Span = here,
                    Object = obj.Ref,
                    FieldPath = "metadata.name",
                    Hint = $"remove one of them, or give them different names; the first is at {firstAt}",
                });
            }
        }
    }

    private static SourceSpan NameSpan(KubeObject obj) => obj.Metadata?["name"]?.Span is { IsKnown: true } span ? span : obj.Span;

    private Outcome Check(KubeObject obj, Dictionary<GroupVersionKind, Lazy<SchemaNode>> crds, ConcurrentDictionary<string, Finding> cacheFindings, SchemaWalker walker)
    {
        if (!CheckIdentity(obj, walker))
        {
            return Outcome.Skipped;
        }

        var gvk = new GroupVersionKind(obj.Group, obj.Version, obj.Kind!);
        if (CheckDeprecation(obj, walker) || CheckIntroduction(obj, walker))
        {
            return Outcome.Skipped;
        }

        CheckNames(obj, walker);
        var schema = crds.TryGetValue(gvk, out var crd) ? crd.Value : FindBuiltIn(gvk, cacheFindings);
        if (schema is not null)
        {
            walker.Walk(obj.Root, schema);
            return Outcome.Validated;
        }

        if (obj.Metadata?.GetMap("labels") is { } labels)
        {
            walker.CheckLabels(labels, FieldPath.Root.Key("metadata").Key("labels"));
        }

        // A deprecated API still served by the target has no model (KubernetesClient follows the newest Kubernetes):
        // it is unvalidated, not unknown.
        if (_models.IsBuiltInGroup(gvk.Group) && ApiDeprecations.Find(gvk.ApiVersion, gvk.Kind) is null && ApiIntroductions.AddedIn(gvk.ApiVersion, gvk.Kind) is null && _cache?.HasGroupVersion(gvk.Group, gvk.Version) != true)
        {
            walker.Report(UnknownKind(obj, gvk));
            return Outcome.Skipped;
        }

        walker.Report(new Finding(ValidationRuleIds.Unvalidated, Options.FailOnUnvalidated ? Severity.Error : Severity.Info, $"no schema for {gvk}: {obj.Ref} was not validated")
        {
            Span = Field(obj, "kind").Span,
            Object = obj.Ref,
            FieldPath = "kind",
            Hint = "add its CustomResourceDefinition to the manifests or to ExtraCrdFiles, or sync the schema cache from a cluster that has it",
        });
        return Outcome.Unvalidated;
    }

    private bool CheckIdentity(KubeObject obj, SchemaWalker walker)
    {
        var complete = true;
        foreach (var (field, value) in (ReadOnlySpan<(string, string?)>)[("apiVersion", obj.ApiVersion), ("kind", obj.Kind)])
        {
            if (string.IsNullOrEmpty(value))
            {
                complete = false;
                walker.Report(MissingIdentity(obj, field, field == "apiVersion" ? "add apiVersion, such as apps/v1 or v1" : "add kind, such as Deployment"));
            }
        }

        if (obj.Name is null && obj.Metadata?.GetString("generateName") is null)
        {
            walker.Report(MissingIdentity(obj, "metadata.name", "add metadata.name: every object needs a name"));
        }

        return complete;
    }

    private static Finding MissingIdentity(KubeObject obj, string field, string hint) =>
        new(ValidationRuleIds.MissingIdentity, Severity.Error, $"the object has no {field}")
        {
            Span = field == "metadata.name" && obj.Metadata is { } metadata ? metadata.Span : obj.Span,
            Object = obj.Ref,
            FieldPath = field,
            Hint = hint,
        };

    /// <summary>Reports an API the target Kubernetes version does not serve yet; true when so (nothing to validate against).</summary>
    private bool CheckIntroduction(KubeObject obj, SchemaWalker walker)
    {
        if (ApiIntroductions.AddedIn(obj.ApiVersion!, obj.Kind!) is not { } added || _target >= added)
        {
            return false;
        }

        walker.Report(new Finding(ValidationRuleIds.UnservedApi, Severity.Error, $"{obj.ApiVersion} {obj.Kind} is served from Kubernetes {added.Major}.{added.Minor} on (target {_target.Major}.{_target.Minor})")
        {
            Span = Field(obj, "apiVersion").Span,
            Object = obj.Ref,
            FieldPath = "apiVersion",
            Hint = "use an apiVersion the target serves, or raise the Kubernetes version (--kubernetes-version, or the environment's kubernetesVersion)",
        });
        return true;
    }

    /// <summary>Reports a deprecated or removed API; true when the API is removed (so there is nothing to validate against).</summary>
    private bool CheckDeprecation(KubeObject obj, SchemaWalker walker)
    {
        if (ApiDeprecations.Find(obj.ApiVersion!, obj.Kind!) is not { } deprecation)
        {
            return false;
        }

        var target = $"{_target.Major}.{_target.Minor}";
        var use = deprecation.Replacement is null ? deprecation.Note! : $"use apiVersion: {deprecation.Replacement}" + (deprecation.Note is null ? string.Empty : $" ({deprecation.Note})");
        if (_target >= deprecation.RemovedIn)
        {
            walker.Report(new Finding(ValidationRuleIds.RemovedApi, Severity.Error, $"{deprecation.ApiVersion} {deprecation.Kind} is no longer served since Kubernetes {deprecation.RemovedIn} (target {target})")
            {
                Span = Field(obj, "apiVersion").Span,
                Object = obj.Ref,
                FieldPath = "apiVersion",
                Hint = use,
            });
            return true;
        }

        if (deprecation.DeprecatedIn is { } deprecatedIn && _target >= deprecatedIn)
        {
            walker.Report(new Finding(ValidationRuleIds.DeprecatedApi, Severity.Warning, $"{deprecation.ApiVersion} {deprecation.Kind} is deprecated since Kubernetes {deprecatedIn} and removed in {deprecation.RemovedIn} (target {target})")
            {
                Span = Field(obj, "apiVersion").Span,
                Object = obj.Ref,
                FieldPath = "apiVersion",
                Hint = use,
            });
        }

        return false;
    }

    private void CheckNames(KubeObject obj, SchemaWalker walker)
    {
        var metadata = obj.Metadata;
        if (metadata is null)
        {
            return;
        }

        if (metadata["name"] is YamlScalar { Kind: YamlScalarKind.String } name && CheckName(obj, name.Value) is { } problem)
        {
            walker.Report(new Finding(ValidationRuleIds.InvalidName, Severity.Error, $"name \"{name.Value}\" of {obj.Kind} is invalid: {problem}")
            {
                Span = name.Span,
                Object = obj.Ref,
                FieldPath = "metadata.name",
                Hint = NameRule(obj),
            });
        }

        if (metadata["namespace"] is YamlScalar { Kind: YamlScalarKind.String } ns && KubernetesNames.CheckDns1123Label(ns.Value) is { } nsProblem)
        {
            walker.Report(new Finding(ValidationRuleIds.InvalidName, Severity.Error, $"namespace \"{ns.Value}\" is invalid: {nsProblem}")
            {
                Span = ns.Span,
                Object = obj.Ref,
                FieldPath = "metadata.namespace",
                Hint = "a namespace is a DNS-1123 label: at most 63 lower-case letters, digits and '-'",
            });
        }
    }

    private Finding UnknownKind(KubeObject obj, GroupVersionKind gvk)
    {
        var elsewhere = _models.Kinds.Where(k => k.Kind == gvk.Kind && !k.Kind.EndsWith("List", StringComparison.Ordinal))
            .Select(k => k.ApiVersion).Order(StringComparer.Ordinal).ToList();
        string hint;
        if (elsewhere.Count > 0)
        {
            hint = $"{gvk.Kind} is served as apiVersion: {string.Join(" or ", elsewhere)}";
        }
        else
        {
            var closest = FieldSuggestions.Closest(gvk.Kind, _models.KindsOf(gvk.Group).Where(k => k.Version == gvk.Version).Select(k => k.Kind));
            hint = closest is null ? $"check the kind and apiVersion; {gvk.ApiVersion} has no kind {gvk.Kind}" : $"did you mean '{closest}'?";
        }

        return new Finding(ValidationRuleIds.UnknownKind, Severity.Error, $"{gvk.ApiVersion} has no kind {gvk.Kind}")
        {
            Span = Field(obj, "kind").Span,
            Object = obj.Ref,
            FieldPath = "kind",
            Hint = hint,
        };
    }

    private SchemaNode? FindBuiltIn(GroupVersionKind gvk, ConcurrentDictionary<string, Finding> cacheFindings)
    {
        if (_builtIn.TryGetValue(gvk, out var known))
        {
            return known;
        }

        SchemaNode? schema = null;
        if (_cache is not null)
        {
            try
            {
                schema = _cache.Find(gvk);
            }
            catch (InvalidDataException e)
            {
                cacheFindings.TryAdd(e.Message, new Finding(ValidationRuleIds.SchemaCacheUnreadable, Severity.Error, e.Message)
                {
                    Hint = $"delete {_cache.Directory} and sync the schemas again, or validate without the cache",
                });
                return _models.Find(gvk);
            }
        }

        schema ??= _models.Find(gvk);
        return _builtIn.GetOrAdd(gvk, schema);
    }

    private (Dictionary<GroupVersionKind, Lazy<SchemaNode>>, IReadOnlyList<Finding>) LoadExtraCrds()
    {
        var schemas = new Dictionary<GroupVersionKind, Lazy<SchemaNode>>();
        if (Options.ExtraCrdFiles.Count == 0)
        {
            return (schemas, []);
        }

        var set = ManifestSet.Load(Options.ExtraCrdFiles);
        foreach (var obj in set.Objects)
        {
            if (CrdSchemas.IsCrd(obj))
            {
                CrdSchemas.Add(obj, schemas, _models);
            }
        }

        return (schemas, set.Findings);
    }

    private enum Outcome
    {
        Skipped,
        Validated,
        Unvalidated,
    }
}
