using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

internal sealed class ImageTagRule() : ContainerRule(
    LintRuleIds.ImageTag,
    Severity.Error,
    "An image without a tag, or tagged latest, changes under you; a fixed tag or digest makes deployments repeatable.",
    includeInitContainers: true)
{
    // Istio's gateway charts write `image: auto`, which the injection webhook replaces with the proxy image istiod pins.
    private static bool IsInjectedByIstio(Workload workload, string image) =>
        image == "auto"
        && (workload.TemplateAnnotations?.ContainsKey("inject.istio.io/templates") == true
            || workload.TemplateLabels.GetValueOrDefault("sidecar.istio.io/inject") == "true");

    protected override void CheckContainer(LintContext context, Workload workload, YamlMap container, ContainerPath path)
    {
        var image = container.GetString("image");
        if (string.IsNullOrEmpty(image))
        {
            context.Report(workload.Object, path.Build().Key("image"), $"container '{container.GetString("name")}' has no image", "set image: registry/name:tag");
            return;
        }

        if (image.Contains('@', StringComparison.Ordinal) || IsInjectedByIstio(workload, image))
        {
            return;
        }

        var lastSlash = image.LastIndexOf('/');
        var colon = image.IndexOf(':', lastSlash + 1);
        var tag = colon < 0 ? null : image[(colon + 1)..];
        if (string.IsNullOrEmpty(tag))
        {
            context.Report(workload.Object, path.Build().Key("image"), $"image '{image}' has no tag, so it means latest", "pin a version tag or a digest (@sha256:...)");
        }
        else if (tag == "latest")
        {
            context.Report(workload.Object, path.Build().Key("image"), $"image '{image}' uses the tag latest", "pin a version tag or a digest (@sha256:...)");
        }
    }
}
