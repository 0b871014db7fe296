using System.Net;

namespace HomeLab.Cluster.Tests.Secrets;

/// <summary>One canned answer of <see cref="LoopbackKubernetesApiFake"/>.</summary>
public sealed record FakeResponse(HttpStatusCode Status, string ContentType, string Body);
