using System.Globalization;
using DeinstGateway.Core.Access;
using DeinstGateway.Benchmarks.Infrastructure;
using Deinst.V1;

namespace DeinstGateway.Benchmarks.ServiceRecords;

/// <summary>
/// <c>records-client --address URL --pki FOLDER --messages FILE --per-message N --response FILE</c>: the load
/// client of <see cref="ServiceRecordBenchmark"/> as a process of its own (not in the usage; the
/// benchmark starts it, pinned to one core, see <see cref="ClientCommand"/>). It sends every record
/// on one stream as the provider, N per message, and afterwards writes the response to a file.
/// </summary>
public static class ServiceRecordClientCommand
{
    public const string Name = "records-client";

    public static Task<int> RunAsync(ReadOnlyMemory<string> args) =>
        ClientCommand.RunAsync(Name, args, ["--address", "--pki", "--messages", "--per-message", "--response"], async values =>
        {
            var requests = DelimitedFile.Read(values["--messages"], RecordServiceRequest.Parser);
            var pki = DevelopmentPki.Open(values["--pki"]);
            using var channel = GatewayChannel.For(new Uri(values["--address"]), pki, ServiceRecordRequestFactory.Provider, Purposes.ServiceDelivery);
            await RecordStream.ConnectAsync(channel);
            if (!await ClientCommand.ReadyAsync(Name))
            {
                return 2;
            }

            var before = ProcessMeter.Read();
            var (response, figures) = await RecordStream.RunAsync(channel, requests, int.Parse(values["--per-message"], CultureInfo.InvariantCulture));
            var after = ProcessMeter.Read();
            await ClientCommand.ReportAsync(figures, before, after);
            DelimitedFile.Write(values["--response"], [response]);
            return 0;
        });
}
