using HomeLab.Assertions.Sources;

namespace HomeLab.Assertions.Expressions;

/// <summary>
/// What functions see while an expression runs: the source <c>x_k8s_get</c> and friends read from, the clock
/// <c>time_since</c> reads, and the environment <c>env</c> reads. Immutable; build variants with <c>with</c>.
/// </summary>
public sealed record ExpressionContext
{
    /// <summary>A context with no source, the system clock and the process environment.</summary>
    public static ExpressionContext Default { get; } = new();

    /// <summary>The source the <c>x_k8s_*</c> functions read; null makes them fail with a message.</summary>
    public IResourceSource? Source { get; init; }

    /// <summary>The clock for <c>time_since</c> and <c>time_now</c>.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Reads an environment variable for <c>env</c>; the process environment by default.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    /// <summary>Cancels reads the <c>x_k8s_*</c> functions make.</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>What <c>x_k8s_server_version</c> returns (the API server's <c>/version</c>); null where no API server is asked (offline).</summary>
    public Newtonsoft.Json.Linq.JObject? ServerVersion { get; init; }
}
