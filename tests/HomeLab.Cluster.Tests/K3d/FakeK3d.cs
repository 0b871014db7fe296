using HomeLab.Cluster.Tests.Secrets;

namespace HomeLab.Cluster.Tests.K3d;

/// <summary>
/// The fake k3d (Fixtures/K3d/k3d) in a folder of its own, put on a PATH the tests hand to tool resolution: it
/// records every call and keeps the cluster's state in a file.
/// </summary>
internal sealed class FakeK3d : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public FakeK3d()
    {
        Executable = _folder.File("k3d");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Fixtures", "K3d", "k3d"), Executable);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(Executable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        ConfigPath = Path.Combine(AppContext.BaseDirectory, "Fixtures", "K3d", "k3d.yaml");
        Write("running", agents: 2, agentsRunning: 2, serversRunning: 1);
        Write("stopped", agents: 2, agentsRunning: 0, serversRunning: 0);
        Write("drifted", agents: 1, agentsRunning: 1, serversRunning: 1, image: "docker.io/rancher/k3s:v1.31.0-k3s1");
    }

    public string Directory => _folder.Path;

    public string Executable { get; }

    public string ConfigPath { get; }

    public string KubeconfigPath => _folder.File("temp/kubeconfig");

    public string LockPath => _folder.File("temp/cluster.lock");

    /// <summary>The arguments of every call, in order.</summary>
    public IReadOnlyList<string> Calls => File.Exists(_folder.File("calls.log")) ? File.ReadAllLines(_folder.File("calls.log")) : [];

    /// <summary>The cluster's state: absent, stopped, running or drifted.</summary>
    public string State
    {
        get => File.Exists(_folder.File("state")) ? File.ReadAllText(_folder.File("state")).Trim() : "absent";
        set => File.WriteAllText(_folder.File("state"), value + "\n");
    }

    /// <summary>Makes every call fail as k3d does when Docker is not running.</summary>
    public void FailAsWithoutDocker() => File.WriteAllText(_folder.File("fail"), string.Empty);

    public Tools.K3d.K3d Tool() => new Tools.K3d.K3d(Executable).WithEnvironmentVariable("FAKE_K3D_DIR", Directory);

    public void Dispose() => _folder.Dispose();

    private void Write(string state, int agents, int agentsRunning, int serversRunning, string image = "docker.io/rancher/k3s:v1.32.4-k3s1")
    {
        var running = serversRunning > 0 ? "true" : "false";
        File.WriteAllText(_folder.File(state + ".json"), $$"""
            [{"name":"homelab","serversCount":1,"serversRunning":{{serversRunning}},"agentsCount":{{agents}},"agentsRunning":{{agentsRunning}},
              "nodes":[
                {"name":"k3d-homelab-server-0","role":"server","image":"{{image}}","State":{"Running":{{running}} } },
                {"name":"k3d-homelab-serverlb","role":"loadbalancer","image":"ghcr.io/k3d-io/k3d-proxy:5.8.3",
                 "portMappings":{"80/tcp":[{"HostIp":"0.0.0.0","HostPort":"8080"}],"443/tcp":[{"HostIp":"0.0.0.0","HostPort":"8443"}],"6443/tcp":[{"HostIp":"0.0.0.0","HostPort":"40163"}] } }
              ]}]
            """);
    }
}
