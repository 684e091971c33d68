using System.Globalization;
using System.Text.Json.Nodes;

namespace DeinstGateway.Server.Tests.Infrastructure;

/// <summary>A copy of the shipped reference data with one thing changed, for a gateway started on it.</summary>
public static class ReferenceDataVariant
{
    /// <summary>One provider's places changed, for capacity tests.</summary>
    public static string WithPlaces(string folder, string provider, string serviceType, int places) => Write(folder, document =>
    {
        var capacities = document["capacities"]!.AsArray();
        var existing = capacities.FirstOrDefault(c => (string?)c!["provider"] == provider && (string?)c!["serviceType"] == serviceType);
        if (existing is null)
        {
            capacities.Add(new JsonObject { ["provider"] = provider, ["serviceType"] = serviceType, ["places"] = places, ["effectiveFrom"] = "2021-07-01" });
        }
        else
        {
            existing["places"] = places;
        }
    });

    /// <summary>One institution's validity ending (exclusive) on the date, as after a merger.</summary>
    public static string WithInstitutionEnded(string folder, string institution, DateOnly validTo) => Write(folder, document =>
    {
        var entry = document["institutions"]!.AsArray().Single(i => (string?)i!["code"] == institution)!;
        entry["validTo"] = validTo.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    });

    private static string Write(string folder, Action<JsonNode> change)
    {
        var document = JsonNode.Parse(File.ReadAllText(TestPki.ReferenceDataPath))!;
        change(document);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "reference-data.json");
        File.WriteAllText(path, document.ToJsonString());
        return path;
    }
}
