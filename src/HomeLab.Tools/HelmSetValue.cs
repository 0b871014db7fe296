namespace HomeLab.Tools;

/// <summary>One value set on helm's command line.</summary>
/// <param name="Name">The value's path, such as <c>image.tag</c>.</param>
/// <param name="Value">The value.</param>
/// <param name="ForceString">Whether it is passed with <c>--set-string</c>.</param>
public sealed record HelmSetValue(string Name, string Value, bool ForceString = false);
