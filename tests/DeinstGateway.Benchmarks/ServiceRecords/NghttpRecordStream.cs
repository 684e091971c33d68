using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using DeinstGateway.Benchmarks.Infrastructure;
using Deinst.V1;
using Google.Protobuf;

namespace DeinstGateway.Benchmarks.ServiceRecords;

/// <summary>
/// <c>--nghttp</c>: ONE RecordServices stream sent by <c>nghttp</c> (Debian's nghttp2-client), pinned
/// to core 1 like the .NET client, with the provider's client certificate. The request body is the
/// stream's messages in gRPC framing (flag byte 0, 4-byte big-endian length, the message), written
/// before timing; nghttp sends it as HTTP/2 DATA frames of up to 16 KB, as a C-core or Go client
/// does when messages are written faster than the network takes them. The gateway still reads
/// and decides every message on its own. The grpc-dotnet client flushes every message, and on
/// these 2 cores its CPU (about 20 µs per message) is taken from the gateway: this client measures
/// the gateway, the default one measures both.
/// </summary>
public static class NghttpRecordStream
{
    private const string Method = "/deinst.v1.ServiceRecordService/RecordServices";

    public static string? Program { get; } = ClientProcess.FindOnPath("nghttp");

    /// <summary>Untimed: the request body, in gRPC framing.</summary>
    public static void WriteBody(string path, IEnumerable<RecordServiceRequest> requests)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Span<byte> prefix = stackalloc byte[5];
        foreach (var request in requests)
        {
            prefix[0] = 0;
            BinaryPrimitives.WriteInt32BigEndian(prefix[1..], request.CalculateSize());
            file.Write(prefix);
            request.WriteTo(file);
        }
    }

    /// <summary>Timed: from starting nghttp (its start and TLS handshake included) to its exit; the response read from its output.</summary>
    public static async Task<(RecordServicesResponse Response, TimeSpan Elapsed, TimeSpan ClientCpu)> RunAsync(
        Uri address, DevelopmentPki pki, string bodyPath, string purpose)
    {
        var program = Program ?? throw new BenchmarkFailedException("--nghttp: nghttp was not found on PATH (apt-get install nghttp2-client)");
        var start = ClientProcess.Pinned(program);
        var (certificate, key) = pki.ClientCertificateFiles(ServiceRecordRequestFactory.Provider);
        foreach (var argument in (string[])[
            "--cert=" + certificate, "--key=" + key, "--data=" + bodyPath,
            "-H", "content-type: application/grpc", "-H", "te: trailers", "-H", "x-deinst-purpose: " + purpose,
            new Uri(address, Method).ToString(),
        ])
        {
            start.ArgumentList.Add(argument);
        }

        var childCpuBefore = ReapedChildrenCpu();
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new BenchmarkFailedException($"could not start {start.FileName}");
        using var output = new MemoryStream();
        var copying = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var elapsed = stopwatch.Elapsed;
        await copying;
        if (process.ExitCode != 0 || output.Length < 5)
        {
            throw new BenchmarkFailedException($"nghttp exited with {process.ExitCode} and {output.Length} bytes of answer: {await errors}");
        }

        var body = output.GetBuffer().AsSpan(0, (int)output.Length);
        var length = BinaryPrimitives.ReadInt32BigEndian(body[1..5]);
        return (RecordServicesResponse.Parser.ParseFrom(body.Slice(5, length)), elapsed, ReapedChildrenCpu() - childCpuBefore);
    }

    /// <summary>
    /// User and system CPU of this process's exited and reaped children (/proc/self/stat, fields 16
    /// and 17, in clock ticks of 10 ms): an exited process's own figures can no longer be read.
    /// </summary>
    private static TimeSpan ReapedChildrenCpu()
    {
        var stat = File.ReadAllText("/proc/self/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields counted from 1 with pid and comm; this array starts at field 3.
        var ticks = long.Parse(fields[16 - 3], CultureInfo.InvariantCulture) + long.Parse(fields[17 - 3], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }
}
