using System.ComponentModel.DataAnnotations;

namespace HomeLab.Pipeline.Charts;

/// <summary>Checks, before anything runs, that every <c>--chart-mirror</c> value is <c>&lt;repoURL&gt;=&lt;url&gt;</c>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ChartMirrorFormatAttribute : ValidationAttribute
{
    /// <summary>Creates the check.</summary>
    public ChartMirrorFormatAttribute()
        : base("expected <repoURL>=<url> with an http://, https:// or oci:// mirror, such as https://charts.example.com=http://mirror.lan/charts.")
    {
    }

    /// <inheritdoc />
    public override bool IsValid(object? value)
    {
        if (value is not IEnumerable<string> values)
        {
            return value is null;
        }

        try
        {
            ChartMirrors.Parse(values);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
