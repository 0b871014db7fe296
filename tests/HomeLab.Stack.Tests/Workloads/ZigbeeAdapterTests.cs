using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using FluentAssertions;
using HomeLab.Manifests.Objects;
using HomeLab.Manifests.Yaml;

namespace HomeLab.Stack.Tests.Workloads;

/// <summary>
/// The mock Zigbee adapter k3d serves instead of the coordinator stick: an emulated OpenThread radio co-processor
/// that zigbee2mqtt's <c>zoh</c> adapter drives over Spinel on TCP. Checked as rendered, and the rendered script
/// itself is run on loopback and spoken to as zigbee2mqtt speaks to it.
/// </summary>
[Collection(RenderedEnvironments.Collection)]
[Trait(Tier.Name, Tier.Offline)]
public sealed class ZigbeeAdapterTests(RenderedEnvironments fixture)
{
    private const string AdapterUrl = "tcp://zigbee-adapter.home.svc.cluster.local:6638";

    [Fact]
    public void On_k3d_zigbee2mqtt_drives_the_mock_adapter_through_its_Service_which_only_zigbee2mqtt_may_reach()
    {
        var objects = fixture.Objects("k3d");
        Env(Single(objects, "Deployment", "zigbee2mqtt")).Should().Contain("ZIGBEE2MQTT_CONFIG_SERIAL_ADAPTER", "zoh").And.Contain("ZIGBEE2MQTT_CONFIG_SERIAL_PORT", AdapterUrl);

        var service = Single(objects, "Service", "zigbee-adapter");
        service.Namespace.Should().Be("home", "the URL names zigbee-adapter.home");
        (service.Find("spec.ports") as YamlList)!.Items.OfType<YamlMap>().Select(p => p.GetString("port")).Should().Equal("6638");
        var policy = Single(objects, "NetworkPolicy", "zigbee-adapter");
        (policy.Find("spec.ingress") as YamlList)!.Items.OfType<YamlMap>()
            .SelectMany(rule => (rule.GetList("from")?.Items ?? []).OfType<YamlMap>())
            .Select(from => from.GetMap("podSelector")?.GetMap("matchLabels")?.GetString("app.kubernetes.io/name"))
            .Where(app => app is not null)
            .Should().Equal(["zigbee2mqtt"], "only zigbee2mqtt talks to the radio");
    }

    [Fact]
    public void On_the_hardware_there_is_no_mock_adapter_and_zigbee2mqtt_opens_the_stick_with_zstack()
    {
        var objects = fixture.Objects("k3s");

        objects.Should().NotContain(o => o.Name != null && o.Name.StartsWith("zigbee-adapter", StringComparison.Ordinal));
        Env(Single(objects, "Deployment", "zigbee2mqtt")).Should().Contain("ZIGBEE2MQTT_CONFIG_SERIAL_ADAPTER", "zstack").And.Contain("ZIGBEE2MQTT_CONFIG_SERIAL_PORT", "/dev/ttyUSB0");
    }

    [SkippableFact]
    public async Task The_rendered_adapter_answers_the_radio_requests_zigbee2mqtt_makes_when_it_forms_its_network()
    {
        var script = (Single(fixture.Objects("k3d"), "ConfigMap", "zigbee-adapter-files").Find("data") as YamlMap)?.GetString("rcp.py");
        script.Should().NotBeNullOrEmpty("the chart mounts rcp.py from its ConfigMap");
        await using var radio = await EmulatedRadio.StartAsync(script!);
        Skip.If(radio.SkipReason is not null, radio.SkipReason);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        // PROP_VALUE_GET PROTOCOL_VERSION (1) → PROP_VALUE_IS 4.3
        (await radio.AskAsync(1, 2, [1], cancel.Token)).Should().Equal(0x81, 6, 1, 4, 3);
        // PROP_VALUE_GET RCP_API_VERSION (176, a two-byte packed id) → 11
        (await radio.AskAsync(2, 2, [0xB0, 0x01], cancel.Token)).Should().Equal(0x82, 6, 0xB0, 0x01, 11);
        // PROP_VALUE_SET PHY_CHAN (33) 15 → the value is echoed, and read back as set
        (await radio.AskAsync(3, 3, [33, 15], cancel.Token)).Should().Equal(0x83, 6, 33, 15);
        (await radio.AskAsync(4, 2, [33], cancel.Token)).Should().Equal(0x84, 6, 33, 15);
        // PROP_VALUE_SET STREAM_RAW (113): a frame to transmit → LAST_STATUS OK
        (await radio.AskAsync(5, 3, [113, 3, 0, 0x01, 0x7E, 0x7D, 11], cancel.Token)).Should().Equal(0x85, 6, 0, 0);
        // RESET → LAST_STATUS RESET_SOFTWARE (114), unsolicited (TID 0)
        (await radio.AskAsync(6, 1, [2], cancel.Token)).Should().Equal(0x80, 6, 0, 114);
        // an unknown property → LAST_STATUS PROP_NOT_FOUND (13)
        (await radio.AskAsync(7, 2, [0x7F], cancel.Token)).Should().Equal(0x87, 6, 0, 13);
    }

    private static KubeObject Single(IReadOnlyList<KubeObject> objects, string kind, string name) =>
        objects.SingleOrDefault(o => o.Kind == kind && o.Name == name) ?? throw new InvalidOperationException($"no {kind} {name} rendered");

    private static Dictionary<string, string?> Env(KubeObject workload) =>
        ((YamlList)workload.Find("spec.template.spec.containers")!).Items.OfType<YamlMap>().First()
            .GetList("env")!.Items.OfType<YamlMap>().ToDictionary(e => e.GetString("name")!, e => e.GetString("value"));

    /// <summary>The rendered script run by python3 on a loopback port, spoken to in Spinel frames over HDLC-lite.</summary>
    private sealed class EmulatedRadio : IAsyncDisposable
    {
        private readonly Process? _process;
        private readonly string? _directory;
        private TcpClient? _client;
        private NetworkStream? _stream;
        private readonly List<byte> _received = [];

        private EmulatedRadio(string skipReason) => SkipReason = skipReason;

        private EmulatedRadio(Process process, string directory)
        {
            _process = process;
            _directory = directory;
        }

        public string? SkipReason { get; }

        public static async Task<EmulatedRadio> StartAsync(string script)
        {
            var directory = Directory.CreateTempSubdirectory("zigbee-adapter-").FullName;
            await File.WriteAllTextAsync(Path.Combine(directory, "rcp.py"), script);
            var port = FreePort();
            var start = new ProcessStartInfo("python3", ["-B", Path.Combine(directory, "rcp.py")]) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.Environment["RCP_HOST"] = "127.0.0.1";
            start.Environment["RCP_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Process process;
            try
            {
                process = Process.Start(start)!;
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                Directory.Delete(directory, recursive: true);
                return new EmulatedRadio($"needs python3 to run the mock Zigbee adapter's script: {e.Message}");
            }

            var radio = new EmulatedRadio(process, directory);
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            var line = await process.StandardOutput.ReadLineAsync(patience.Token);
            line.Should().Contain("listening", "the script says when it serves");
            radio._client = new TcpClient();
            await radio._client.ConnectAsync(IPAddress.Loopback, port, patience.Token);
            radio._stream = radio._client.GetStream();
            return radio;
        }

        /// <summary>Sends one Spinel command and returns the next frame the radio sends back (header, command, payload).</summary>
        public async Task<byte[]> AskAsync(int tid, byte command, byte[] payload, CancellationToken cancellationToken)
        {
            await _stream!.WriteAsync(Hdlc([(byte)(0x80 | tid), command, .. payload]), cancellationToken);
            while (true)
            {
                var flags = _received.Select((b, i) => (b, i)).Where(x => x.b == 0x7E).Select(x => x.i).Take(2).ToList();
                if (flags.Count == 2)
                {
                    var chunk = _received.Skip(flags[0] + 1).Take(flags[1] - flags[0] - 1).ToArray();
                    _received.RemoveRange(0, flags[1] + 1);
                    if (chunk.Length > 0)
                    {
                        return Unescape(chunk);
                    }

                    continue;
                }

                var buffer = new byte[256];
                var read = await _stream.ReadAsync(buffer, cancellationToken);
                read.Should().BePositive("the radio answers every command");
                _received.AddRange(buffer[..read]);
            }
        }

        public async ValueTask DisposeAsync()
        {
            _client?.Dispose();
            if (_process is not null)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
                _process.Dispose();
            }

            if (_directory is not null)
            {
                Directory.Delete(_directory, recursive: true);
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        private static ushort Fcs(IEnumerable<byte> data)
        {
            var fcs = 0xFFFF;
            foreach (var b in data)
            {
                fcs ^= b;
                for (var bit = 0; bit < 8; bit++)
                {
                    fcs = (fcs & 1) != 0 ? (fcs >> 1) ^ 0x8408 : fcs >> 1;
                }
            }

            return (ushort)fcs;
        }

        private static byte[] Hdlc(byte[] frame)
        {
            var fcs = (ushort)(Fcs(frame) ^ 0xFFFF);
            var output = new List<byte> { 0x7E };
            foreach (var b in frame.Append((byte)(fcs & 0xFF)).Append((byte)(fcs >> 8)))
            {
                output.AddRange(b is 0x11 or 0x13 or 0x7D or 0x7E or 0xF8 ? [0x7D, (byte)(b ^ 0x20)] : [b]);
            }

            output.Add(0x7E);
            return [.. output];
        }

        private static byte[] Unescape(byte[] chunk)
        {
            var data = new List<byte>();
            for (var i = 0; i < chunk.Length; i++)
            {
                data.Add(chunk[i] == 0x7D ? (byte)(chunk[++i] ^ 0x20) : chunk[i]);
            }

            Fcs(data).Should().Be(0xF0B8, "every frame the radio sends carries a good FCS");
            return [.. data.Take(data.Count - 2)];
        }
    }
}
