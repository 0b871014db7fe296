using HomeLab.Manifests.Findings;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Lint.Rules;

/// <summary>Checks for a PeerAuthentication in the Istio root namespace with no selector and mode STRICT. Only runs
/// when the set has Istio in it (an object of an <c>*.istio.io</c> group), so a render of one app does not need it.</summary>
internal sealed class MeshStrictMtlsRule() : LintRule(
    LintRuleIds.MeshStrictMtls,
    Severity.Error,
    "Without a mesh-wide STRICT PeerAuthentication, sidecars still accept plain text and mTLS is optional.")
{
    private static readonly FieldPath ModePath = FieldPath.Root.Key("spec").Key("mtls").Key("mode");

    public override void Check(LintContext context)
    {
        if (!context.Objects.Any(o => o.Group.EndsWith("istio.io", StringComparison.Ordinal)))
        {
            return;
        }

        var root = context.Configuration.IstioRootNamespace;
        KubeObject? meshWide = null;
        foreach (var policy in context.OfKind("security.istio.io", "PeerAuthentication"))
        {
            if (policy.Namespace != root || policy.Root.GetMap("spec")?.GetMap("selector") is { Count: > 0 })
            {
                continue;
            }

            if ((policy.Root.Find(ModePath) as YamlScalar)?.Value == "STRICT")
            {
                return;
            }

            meshWide ??= policy;
        }

        const string Hint = "set spec.mtls.mode: STRICT on a PeerAuthentication without a selector in the Istio root namespace";
        if (meshWide is not null)
        {
            context.Report(meshWide, ModePath, $"the mesh-wide PeerAuthentication '{meshWide.Name}' is not STRICT", Hint);
            return;
        }

        var message = $"no mesh-wide PeerAuthentication in STRICT mode in namespace {root}";
        if (context.OfKind(string.Empty, "Namespace").FirstOrDefault(n => n.Name == root) is { } rootNamespace)
        {
            context.Report(rootNamespace, FieldPath.Root.Key("metadata").Key("name"), message, Hint);
        }
        else
        {
            context.Report(new Finding(Id, DefaultSeverity, message) { Hint = Hint });
        }
    }
}
