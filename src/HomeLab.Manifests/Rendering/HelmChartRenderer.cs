using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;
using HomeLab.Tools;

namespace HomeLab.Manifests.Rendering;

/// <summary>
/// Renders a chart with <c>helm template --include-crds</c> and maps each object to the template named by helm's
/// <c># Source:</c> comment — the line of each field's key, or the values file line that set a value used verbatim.
/// Objects of a packaged chart (from the chart cache) point at where the chart is declared.
/// </summary>
public sealed class HelmChartRenderer
{
    private const string SourceComment = "# Source: ";
    private readonly Helm _helm;

    /// <summary>Creates a renderer.</summary>
    /// <param name="helm">The helm that renders.</param>
    public HelmChartRenderer(Helm helm)
    {
        ArgumentNullException.ThrowIfNull(helm);
        _helm = helm;
    }

    /// <summary>Renders a chart.</summary>
    /// <param name="request">The chart, release and values.</param>
    /// <param name="cancellationToken">Stops the render.</param>
    /// <returns>The rendered source; a helm failure is an error finding at the chart (or where it is declared) with helm's message.</returns>
    public async Task<RenderedSource> RenderAsync(HelmChartRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var chart = Path.GetFullPath(request.Chart);
        var name = "helm-" + request.ReleaseName;
        var kind = request.IsPackaged ? RenderSourceKind.RemoteChart : RenderSourceKind.HelmChart;
        var chartFile = request.IsPackaged ? null : Path.Combine(chart, "Chart.yaml");
        var at = request.DeclaredAt.IsKnown ? request.DeclaredAt : SourceSpan.At(chartFile ?? chart, 1, 1);

        var scratch = Directory.CreateTempSubdirectory("homelab-values-").FullName;
        try
        {
            var arguments = new HelmTemplateArguments(request.ReleaseName, chart).WithNamespace(request.Namespace) with
            {
                KubeVersion = request.KubeVersion,
                ApiVersions = request.ApiVersions,
                IncludeCrds = !request.SkipCrds,
            };
            foreach (var file in request.ValueFiles)
            {
                arguments = arguments.WithValueFile(Path.GetFullPath(file));
            }

            for (var i = 0; i < request.Values.Length; i++)
            {
                var file = Path.Combine(scratch, $"values-{i}.json");
                await File.WriteAllTextAsync(file, request.Values[i].ToJson().ToJsonString(), cancellationToken).ConfigureAwait(false);
                arguments = arguments.WithValueFile(file);
            }

            arguments = arguments with { SetValues = request.SetValues };
            var result = await _helm.TemplateAsync(arguments, cancellationToken).ConfigureAwait(false);
            if (!result.IsSuccess)
            {
                return new RenderedSource(name, kind, chart, string.Empty, [], [ToolFindings.Failed(result, at, "fix the chart or its values so that `helm template` succeeds")], []);
            }

            return Map(name, kind, chart, request, result.StandardOutput, at);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Maps recorded <c>helm template</c> output of a packaged chart as if it had just been rendered.</summary>
    internal static RenderedSource FromOutput(HelmChartRequest request, string text)
    {
        var at = request.DeclaredAt.IsKnown ? request.DeclaredAt : SourceSpan.At(request.Chart, 1, 1);
        return Map("helm-" + request.ReleaseName, RenderSourceKind.RemoteChart, request.Chart, request, text, at);
    }

    private static RenderedSource Map(string name, RenderSourceKind kind, string chart, HelmChartRequest request, string text, SourceSpan declaredAt)
    {
        var parsed = ManifestSet.Parse(text, $"helm template {request.ReleaseName} {chart}");
        var sources = SourceLines(text);
        var notes = new List<SpanNote>();
        var objects = new List<KubeObject>(parsed.Objects.Count);
        var values = request.IsPackaged ? null : LoadValues(chart, request);
        var ordinals = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rendered in parsed.Objects)
        {
            var source = sources.LastOrDefault(s => s.Line <= rendered.Span.Line).Path;
            if (values is null || source is null)
            {
                var reason = values is null
                    ? $"rendered from the packaged chart {Path.GetFileName(chart)}{(source is null ? string.Empty : $" ({source})")}: its templates are not in this repository"
                    : "helm printed no # Source: comment for it";
                notes.Add(new SpanNote(rendered.Ref, null, declaredAt.File, reason));
                var at = values is null ? declaredAt with { Template = ChartTemplate(chart, source) } : declaredAt;
                objects.Add(rendered.WithRoot((YamlMap)SpanRebuilder.Rebuild<int>(rendered.Root, FieldPath.Root, new(at, at, 0), (_, _, _, _, o) => o)));
                continue;
            }

            var ordinal = ordinals[source] = ordinals.GetValueOrDefault(source, -1) + 1;
            var template = TemplateFile(chart, source);
            if (!File.Exists(template))
            {
                var span = SourceSpan.At(template, 1, 1);
                notes.Add(new SpanNote(rendered.Ref, null, template, "helm named this template, but the file is not in the chart directory"));
                objects.Add(rendered.WithRoot((YamlMap)SpanRebuilder.Rebuild<int>(rendered.Root, FieldPath.Root, new(span, span, 0), (_, _, _, _, o) => o)));
                continue;
            }

            var mapper = new HelmObjectMapper(template, File.ReadAllLines(template), ordinal, values);
            var mapped = mapper.Map(rendered);
            if (mapper.Approximate)
            {
                notes.Add(new SpanNote(rendered.Ref, null, template, "some fields come from template logic (range, include, with); they point at the line of their nearest enclosing key"));
            }

            objects.Add(mapped);
        }

        var findings = parsed.Findings.Where(f => f.Severity == Severity.Error).ToList();
        return new RenderedSource(name, kind, chart, text, objects, findings, notes);
    }

    private static HelmValues LoadValues(string chart, HelmChartRequest request)
    {
        var trees = new List<YamlMap>();
        foreach (var file in request.ValueFiles.Prepend(Path.Combine(chart, "values.yaml")))
        {
            if (File.Exists(file) && YamlLoader.Default.LoadFile(Path.GetFullPath(file)).Documents is [{ Root: YamlMap root }, ..])
            {
                trees.Add(root);
            }
        }

        trees.AddRange(request.Values);
        return new HelmValues(trees);
    }

    // "# Source: web/templates/deployment.yaml" (or web/charts/db/templates/x.yaml): the chart's own name comes first.
    private static string TemplateFile(string chart, string source)
    {
        var slash = source.IndexOf('/', StringComparison.Ordinal);
        return Path.GetFullPath(Path.Combine(chart, slash < 0 ? source : source[(slash + 1)..]));
    }

    // "loki/templates/x.yaml" of loki-6.45.1.tgz → "chart loki 6.45.1, templates/x.yaml" (a subchart's template keeps
    // its charts/<name>/ prefix): what a finding on a packaged chart's object names beside the Application's line. A
    // CRD from the chart's crds/ folder has no # Source: comment: then only the chart is named.
    private static string ChartTemplate(string package, string? source)
    {
        var file = Path.GetFileNameWithoutExtension(package);
        var slash = source?.IndexOf('/', StringComparison.Ordinal) ?? -1;
        var name = slash > 0 ? source![..slash] : PackageName(file);
        var version = file.StartsWith(name + "-", StringComparison.Ordinal) ? " " + file[(name.Length + 1)..] : string.Empty;
        var template = source is null ? string.Empty : ", " + (slash < 0 ? source : source[(slash + 1)..]);
        return $"chart {name}{version}{template}";
    }

    // "cert-manager-v1.17.2" → "cert-manager": the name ends before the first "-<digit>" or "-v<digit>".
    private static string PackageName(string file)
    {
        for (var i = 0; i < file.Length - 1; i++)
        {
            if (file[i] == '-' && (char.IsAsciiDigit(file[i + 1]) || (file[i + 1] == 'v' && i + 2 < file.Length && char.IsAsciiDigit(file[i + 2]))))
            {
                return file[..i];
            }
        }

        return file;
    }

    private static List<(int Line, string? Path)> SourceLines(string text)
    {
        var sources = new List<(int Line, string? Path)>();
        var line = 0;
        foreach (var range in text.AsSpan().EnumerateLines())
        {
            line++;
            if (range.StartsWith(SourceComment, StringComparison.Ordinal))
            {
                sources.Add((line, range[SourceComment.Length..].Trim().ToString()));
            }
            else if (range.TrimEnd().SequenceEqual("---"))
            {
                sources.Add((line, null));
            }
        }

        return sources;
    }
}
