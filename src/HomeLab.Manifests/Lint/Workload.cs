using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint;

/// <summary>An object that runs pods — Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob or Pod — seen
/// through its pod template. Built once per run, so rules do not each walk to the template again.</summary>
internal sealed class Workload
{
    private static readonly FieldPath TemplatePath = FieldPath.Root.Key("spec").Key("template");
    private static readonly FieldPath CronTemplatePath = FieldPath.Root.Key("spec").Key("jobTemplate").Key("spec").Key("template");

    private Workload(KubeObject obj, YamlMap? templateMetadata, YamlMap podSpec, FieldPath podSpecPath, FieldPath templateMetadataPath)
    {
        Object = obj;
        PodSpec = podSpec;
        PodSpecPath = podSpecPath;
        TemplateMetadataPath = templateMetadataPath;
        TemplateLabels = ReadStrings(templateMetadata?.GetMap("labels"));
        TemplateAnnotations = templateMetadata?.GetMap("annotations");
        Namespace = LintContext.NamespaceOf(obj);
        IsLongRunning = obj.Kind is not ("Job" or "CronJob");
        Replicas = obj.Kind is "Deployment" or "StatefulSet" or "ReplicaSet" or "ReplicationController"
            ? (obj.Root.GetMap("spec")?["replicas"] as YamlScalar)?.AsInt64() ?? 1
            : 1;
    }

    public KubeObject Object { get; }

    public YamlMap PodSpec { get; }

    public FieldPath PodSpecPath { get; }

    public FieldPath TemplateMetadataPath { get; }

    public IReadOnlyDictionary<string, string> TemplateLabels { get; }

    public YamlMap? TemplateAnnotations { get; }

    /// <summary>The namespace the pods run in (<c>default</c> when unset).</summary>
    public string Namespace { get; }

    /// <summary>Whether the pods are meant to keep running (not a Job or CronJob).</summary>
    public bool IsLongRunning { get; }

    /// <summary><c>spec.replicas</c>, 1 when unset or for kinds without replicas.</summary>
    public long Replicas { get; }

    /// <summary>The containers (not init containers), with their index in <c>containers</c>.</summary>
    public IEnumerable<(YamlMap Container, int Index)> Containers
    {
        get
        {
            if (PodSpec.GetList("containers") is not { } list)
            {
                yield break;
            }

            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is YamlMap container)
                {
                    yield return (container, i);
                }
            }
        }
    }

    public FieldPath ContainerPath(int index) => PodSpecPath.Key("containers").Index(index);

    public static Workload? From(KubeObject obj)
    {
        switch (obj.Kind)
        {
            case "Deployment" or "StatefulSet" or "DaemonSet" or "ReplicaSet" when obj.Group == "apps":
            case "Job" when obj.Group == "batch":
            case "ReplicationController" when obj.Group.Length == 0:
                return FromTemplate(obj, TemplatePath);
            case "CronJob" when obj.Group == "batch":
                return FromTemplate(obj, CronTemplatePath);
            case "Pod" when obj.Group.Length == 0:
                return obj.Root.GetMap("spec") is { } spec
                    ? new Workload(obj, obj.Metadata, spec, FieldPath.Root.Key("spec"), FieldPath.Root.Key("metadata"))
                    : null;
            default:
                return null;
        }
    }

    private static Workload? FromTemplate(KubeObject obj, FieldPath templatePath)
    {
        if (obj.Root.Find(templatePath) is not YamlMap template || template.GetMap("spec") is not { } spec)
        {
            return null;
        }

        return new Workload(obj, template.GetMap("metadata"), spec, templatePath.Key("spec"), templatePath.Key("metadata"));
    }

    internal static Dictionary<string, string> ReadStrings(YamlMap? map) => KubeObject.ReadStrings(map);
}
