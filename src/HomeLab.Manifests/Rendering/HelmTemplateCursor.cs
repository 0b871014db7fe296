using HomeLab.Manifests.Yaml;

namespace HomeLab.Manifests.Rendering;

/// <summary>Where the walk through a template's text stands for one rendered field.</summary>
/// <param name="Line">The 0-based template line of the field's key (or of the list item's dash).</param>
/// <param name="Indent">The column of the key (0-based), or of the dash for a list item.</param>
/// <param name="Exact">Whether the field's key was found in the template; false below template logic such as <c>toYaml</c>.</param>
/// <param name="IsItem">Whether the line is a list item's dash line, whose first key sits on the same line.</param>
/// <param name="Values">The values node the field comes from verbatim (below <c>toYaml .Values.x</c>); null when unknown.</param>
internal readonly record struct HelmTemplateCursor(int Line, int Indent, bool Exact, bool IsItem, YamlNode? Values);
