using DeinstGateway.Core.Access;
using DeinstGateway.Benchmarks.Infrastructure;
using Deinst.V1;

namespace DeinstGateway.Benchmarks.Transfers;

/// <summary>
/// <c>transfers-client --address URL --pki FOLDER --messages FILE --responses FILE</c>: the load
/// client of <see cref="TransferIngestBenchmark"/> as a process of its own (not in the usage; the
/// benchmark starts it, pinned to one core, see <see cref="ClientCommand"/>). It sends every
/// message on one SubmitTransfers stream and afterwards writes the answers to the responses file.
/// </summary>
public static class TransferClientCommand
{
    public const string Name = "transfers-client";

    public static Task<int> RunAsync(ReadOnlyMemory<string> args) =>
        ClientCommand.RunAsync(Name, args, ["--address", "--pki", "--messages", "--responses"], async values =>
        {
            var requests = DelimitedFile.Read(values["--messages"], SubmitTransferRequest.Parser);
            var pki = DevelopmentPki.Open(values["--pki"]);
            using var channel = GatewayChannel.For(new Uri(values["--address"]), pki, TransferRequestFactory.Caller, Purposes.TransferHandover);
            await SubmitStream.ConnectAsync(channel);
            if (!await ClientCommand.ReadyAsync(Name))
            {
                return 2;
            }

            var before = ProcessMeter.Read();
            var stream = await SubmitStream.RunAsync(channel, requests);
            var after = ProcessMeter.Read();
            await ClientCommand.ReportAsync(stream.Figures(), before, after);
            DelimitedFile.Write(values["--responses"], stream.Kept);
            return 0;
        });
}
