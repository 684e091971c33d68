using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using DeinstGateway.Server.Access;
using Google.Protobuf;

namespace DeinstGateway.Benchmarks.Infrastructure;

/// <summary>What one nghttp process wrote and cost.</summary>
/// <param name="Output">Its standard output: the response bodies, or with <c>-n</c> its statistics or frames.</param>
/// <param name="Elapsed">From starting it (its start and TLS handshake included) to its exit.</param>
/// <param name="ClientCpu">Its user and system CPU.</param>
public sealed record NghttpOutput(byte[] Output, TimeSpan Elapsed, TimeSpan ClientCpu)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Output);

    /// <summary>The first gRPC message of a response body (flag byte, 4-byte big-endian length, the message).</summary>
    public byte[] FirstMessage()
    {
        if (Output.Length < 5)
        {
            throw new BenchmarkFailedException($"nghttp received {Output.Length} bytes of answer, no gRPC message");
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(Output.AsSpan(1, 4));
        return Output.AsSpan(5, length).ToArray();
    }
}

/// <summary>
/// <c>nghttp</c> (Debian's nghttp2-client) as a gRPC client: pinned to core 1 like the .NET load
/// clients, presenting an institution's development certificate, the request body read from a
/// file already in gRPC framing. The guide's load client for mutual TLS: it spends under 1 µs of
/// CPU per message, where a .NET client spends 20–70 µs taken from the gateway on these 2 cores.
/// </summary>
public static class Nghttp
{
    public static string? Program { get; } = ClientProcess.FindOnPath("nghttp");

    /// <summary>Untimed: <paramref name="messages"/> in gRPC framing, the request body nghttp sends.</summary>
    public static void WriteBody(string path, IEnumerable<IMessage> messages)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Span<byte> prefix = stackalloc byte[5];
        foreach (var message in messages)
        {
            prefix[0] = 0;
            BinaryPrimitives.WriteInt32BigEndian(prefix[1..], message.CalculateSize());
            file.Write(prefix);
            message.WriteTo(file);
        }
    }

    /// <summary>
    /// Runs nghttp on core 1 against <paramref name="url"/> as <paramref name="institution"/>, with
    /// the gRPC headers and, when given, the declared purpose; <paramref name="options"/> come first.
    /// Fails when nghttp does not exit with 0.
    /// </summary>
    public static async Task<NghttpOutput> RunAsync(
        Uri url, DevelopmentPki pki, string institution, string bodyPath, string? purpose, params string[] options)
    {
        var program = Program ?? throw new BenchmarkFailedException("nghttp was not found on PATH (apt-get install nghttp2-client)");
        var start = ClientProcess.Pinned(program);
        var (certificate, key) = pki.ClientCertificateFiles(institution);
        List<string> arguments =
        [
            .. options,
            "--cert=" + certificate, "--key=" + key, "--data=" + bodyPath,
            "-H", "content-type: application/grpc", "-H", "te: trailers",
        ];
        if (purpose is not null)
        {
            arguments.AddRange(["-H", AccessControlInterceptor.PurposeHeader + ": " + purpose]);
        }

        arguments.Add(url.ToString());
        arguments.ForEach(start.ArgumentList.Add);

        var childCpuBefore = ReapedChildrenCpu();
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new BenchmarkFailedException($"could not start {start.FileName}");
        using var output = new MemoryStream();
        var copying = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var elapsed = stopwatch.Elapsed;
        await copying;
        if (process.ExitCode != 0)
        {
            throw new BenchmarkFailedException($"nghttp exited with {process.ExitCode} after {output.Length} bytes of output: {await errors}");
        }

        return new NghttpOutput(output.ToArray(), elapsed, ReapedChildrenCpu() - childCpuBefore);
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
