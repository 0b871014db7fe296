namespace HomeLab.Manifests.Environments;

/// <summary>An environment's address ranges; the pod and service ranges never overlap each other, the LAN or the load-balancer pool.</summary>
/// <param name="Size">The preset the default ranges were sized by.</param>
/// <param name="PodCidr">The range pods get addresses from.</param>
/// <param name="ServiceCidr">The range services get cluster IPs from.</param>
/// <param name="LanCidr">The LAN the nodes sit on; null when not given.</param>
/// <param name="LoadBalancerPool">The addresses load balancers hand out; null when not given.</param>
public sealed record NetworkSettings(NetworkSize Size, AddressRange PodCidr, AddressRange ServiceCidr, AddressRange? LanCidr, AddressRange? LoadBalancerPool)
{
    /// <summary>The prefix length of a preset's default ranges: <c>/24</c>, <c>/20</c> or <c>/16</c>.</summary>
    /// <param name="size">The preset.</param>
    /// <returns>The prefix length.</returns>
    public static int PrefixLengthOf(NetworkSize size) => size switch
    {
        NetworkSize.Small => 24,
        NetworkSize.Medium => 20,
        _ => 16,
    };
}
