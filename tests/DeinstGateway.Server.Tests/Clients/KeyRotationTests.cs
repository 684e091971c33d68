using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using DeinstGateway.Server.Clients;
using DeinstGateway.Server.Tests.Infrastructure;
using Deinst.V1;

namespace DeinstGateway.Server.Tests.Clients;

/// <summary>
/// The operator's rotation, end to end on one SQLite file: add a key, restart, re-encrypt, retire
/// the old key; every person stays readable and is found again at each step.
/// </summary>
public sealed class KeyRotationTests
{
    private const string Centre = "vsac-zemgale";
    private const string Municipality = "mun-jelgava";

    [Fact]
    public async Task Rotation_AddReencryptRetire_KeepsEveryClientReadableAndFound()
    {
        // Arrange: clients under key set 1, with a key file as written before lookup keys had ids.
        var databasePath = GatewayProcess.NewDatabasePath();
        var keyFile = Path.Combine(Path.GetDirectoryName(databasePath)!, "personal-data-keys.json");
        WriteKeyFileWithOneLookupKey(keyFile);
        string[] settings = ["--environment=Testing", $"--Database:SqlitePath={databasePath}", $"--PersonalData:KeyFile={keyFile}"];
        var oldPeople = Enumerable.Range(0, 5).Select(_ => TransferRequests.Valid()).Append(PersonWhoSwitchedCodes()).ToList();
        Dictionary<string, Submitted> oldClients;
        await using (var gateway = await GatewayProcess.StartAsync(databasePath))
        {
            oldClients = await CreateAsync(gateway, oldPeople);
        }

        // Act + Assert: a new key set, the gateway restarted on it.
        var added = await RunAsync([PersonalDataKeyCommands.AddName, .. settings]);
        Assert.Equal(0, added.Exit);
        Assert.Equal(2, KeyFileField(keyFile, "activeKeyId"));
        Assert.Equal(2, KeyFileField(keyFile, "activeLookupKeyId"));
        var newPeople = Enumerable.Range(0, 3).Select(_ => TransferRequests.Valid()).ToList();
        Dictionary<string, Submitted> newClients;
        await using (var gateway = await GatewayProcess.StartAsync(databasePath))
        {
            await AssertReadableAndFoundAsync(gateway, oldPeople, oldClients);
            newClients = await CreateAsync(gateway, newPeople);
            Assert.Equal(["00000001", "00000002"], await EncryptionKeyIdsAsync(databasePath));

            // Act + Assert: key 1 still protects rows, so it cannot be retired yet.
            var refused = await RunAsync([PersonalDataKeyCommands.RetireName, "1", .. settings]);
            Assert.Equal(1, refused.Exit);
            // Each old person's client and the copy of the person their first transfer keeps.
            Assert.Contains($"{2 * oldPeople.Count} rows of personal data (clients and the persons transfers keep) still need key 1", refused.Output, StringComparison.Ordinal);

            // Act + Assert: re-encryption beside the running gateway, in batches of 4.
            var reencrypted = await RunAsync([PersonalDataKeyCommands.ReencryptName, .. settings, "--PersonalData:ReencryptBatchSize=4"]);
            Assert.Equal(0, reencrypted.Exit);
            var rows = await PersonalDataRowsAsync(databasePath);
            Assert.Contains($"{2 * oldPeople.Count} of {rows} rows of personal data rewritten", reencrypted.Output, StringComparison.Ordinal);
            Assert.Equal(["00000002"], await EncryptionKeyIdsAsync(databasePath));

            var again = await RunAsync([PersonalDataKeyCommands.ReencryptName, .. settings]);
            Assert.Contains($"0 of {rows} rows of personal data rewritten", again.Output, StringComparison.Ordinal);

            var activeRefused = await RunAsync([PersonalDataKeyCommands.RetireName, "2", .. settings]);
            Assert.Equal(1, activeRefused.Exit);

            var retired = await RunAsync([PersonalDataKeyCommands.RetireName, "1", .. settings]);
            Assert.Equal(0, retired.Exit);
        }

        // Assert: with key 1 gone from the file, everyone is still readable and found again.
        var keys = JsonNode.Parse(await File.ReadAllTextAsync(keyFile))!;
        Assert.Equal(["2"], keys["encryptionKeys"]!.AsObject().Select(k => k.Key));
        Assert.Equal(["2"], keys["lookupKeys"]!.AsObject().Select(k => k.Key));
        Assert.Null(keys["lookupKey"]);
        await using (var gateway = await GatewayProcess.StartAsync(databasePath))
        {
            await AssertReadableAndFoundAsync(gateway, oldPeople, oldClients);
            await AssertReadableAndFoundAsync(gateway, newPeople, newClients);
            Assert.Equal([(oldPeople.Count + newPeople.Count).ToString(System.Globalization.CultureInfo.InvariantCulture)],
                await SqliteFile.ColumnAsync(databasePath, "SELECT COUNT(*) FROM clients"));
        }

        SqliteFile.AssertHoldsNoneOf(
            databasePath,
            oldPeople.Concat(newPeople).SelectMany(r => new[] { r.Transfer.Person.PersonalCode, r.Transfer.Person.FormerPersonalCode })
                .Where(c => c.Length > 0));
    }

    [Fact]
    public async Task AddKey_NoKeyFileConfigured_RefusesAndSaysWhatToDo()
    {
        // Act
        var result = await RunAsync([PersonalDataKeyCommands.AddName, "--environment=Testing", "--PersonalData:KeyFile="]);

        // Assert
        Assert.Equal(1, result.Exit);
        Assert.Contains("PersonalData:LookupKeys:{id}", result.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Each old person's transfer opens with the code as submitted (as the destination sees it),
    /// and a new transfer for the same person, by the current or the former code, lands on the same client.
    /// </summary>
    private static async Task AssertReadableAndFoundAsync(
        GatewayProcess gateway, List<SubmitTransferRequest> people, Dictionary<string, Submitted> submitted)
    {
        var transfers = new TransferService.TransferServiceClient(gateway.ChannelFor(Municipality));
        foreach (var request in people)
        {
            var person = request.Transfer.Person;
            var first = submitted[person.PersonalCode];
            var seen = await transfers.GetTransferAsync(new GetTransferRequest { Name = first.Transfer });
            Assert.Equal(Digits(person.PersonalCode), Digits(seen.Person.PersonalCode));
            Assert.Equal(Digits(person.FormerPersonalCode), Digits(seen.Person.FormerPersonalCode));

            var again = TransferRequests.Valid();
            again.Transfer.Person = person.Clone();
            var byCode = await TransferClient.CreateAsync(gateway, Centre, again);
            Assert.Equal(first.Client, byCode.Client);

            if (person.FormerPersonalCode.Length > 0)
            {
                var byFormerCode = TransferRequests.Valid();
                byFormerCode.Transfer.Person = person.Clone();
                byFormerCode.Transfer.Person.PersonalCode = person.FormerPersonalCode;
                byFormerCode.Transfer.Person.FormerPersonalCode = string.Empty;
                Assert.Equal(first.Client, (await TransferClient.CreateAsync(gateway, Centre, byFormerCode)).Client);
            }
        }
    }

    /// <summary>Submits each person's first transfer; returns its client and transfer by personal code.</summary>
    private static async Task<Dictionary<string, Submitted>> CreateAsync(GatewayProcess gateway, List<SubmitTransferRequest> people)
    {
        var created = new Dictionary<string, Submitted>(StringComparer.Ordinal);
        foreach (var request in people)
        {
            var transfer = await TransferClient.CreateAsync(gateway, Centre, request);
            created[request.Transfer.Person.PersonalCode] = new Submitted(transfer.Client, transfer.Name);
        }

        return created;
    }

    private static SubmitTransferRequest PersonWhoSwitchedCodes()
    {
        var request = TransferRequests.Valid();
        request.Transfer.Person.FormerPersonalCode = request.Transfer.Person.PersonalCode;
        request.Transfer.Person.PersonalCode = "32" + Random.Shared.NextInt64(100_000_000, 999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return request;
    }

    private static string Digits(string code) => code.Replace("-", string.Empty, StringComparison.Ordinal);

    /// <summary>The distinct encryption key ids of the clients' and transfers' protected persons (bytes 1–4 of the format).</summary>
    private static async Task<List<string>> EncryptionKeyIdsAsync(string databasePath) =>
        (await SqliteFile.ColumnAsync(databasePath, """
            SELECT hex(substr(ProtectedIdentity, 2, 4)) FROM clients
            UNION SELECT hex(substr(ProtectedPerson, 2, 4)) FROM transfers
            """)).Order().ToList();

    private static async Task<int> PersonalDataRowsAsync(string databasePath) =>
        int.Parse((await SqliteFile.ColumnAsync(databasePath, "SELECT (SELECT COUNT(*) FROM clients) + (SELECT COUNT(*) FROM transfers)")).Single(),
            System.Globalization.CultureInfo.InvariantCulture);

    private static void WriteKeyFileWithOneLookupKey(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(new
        {
            activeKeyId = 1,
            encryptionKeys = new Dictionary<string, string> { ["1"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)) },
            lookupKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        }));
    }

    private static int KeyFileField(string path, string field) => JsonNode.Parse(File.ReadAllText(path))![field]!.GetValue<int>();

    private static async Task<(int Exit, string Output)> RunAsync(string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await PersonalDataKeyCommands.RunAsync(args, output, error);
        return (exit, output + error.ToString());
    }

    private sealed record Submitted(string Client, string Transfer);
}
