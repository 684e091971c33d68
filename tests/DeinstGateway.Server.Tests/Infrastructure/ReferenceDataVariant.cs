using System.Text.Json.Nodes;

namespace DeinstGateway.Server.Tests.Infrastructure;

/// <summary>A copy of the shipped reference data with one provider's places changed, for capacity tests.</summary>
public static class ReferenceDataVariant
{
    public static string WithPlaces(string folder, string provider, string serviceType, int places)
    {
        var document = JsonNode.Parse(File.ReadAllText(TestPki.ReferenceDataPath))!;
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

        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "reference-data.json");
        File.WriteAllText(path, document.ToJsonString());
        return path;
    }
}
