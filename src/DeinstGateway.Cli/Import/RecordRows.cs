using System.Globalization;
using DeinstGateway.Cli.Output;
using Deinst.V1;

namespace DeinstGateway.Cli.Import;

/// <summary>A row of a service records file as a RecordServiceRequest; the columns are documented in docs/cli.md.</summary>
public static class RecordRows
{
    public static (RecordServiceRequest? Request, List<string> Problems) Read(SourceRow row)
    {
        if (row.Problem is { } problem)
        {
            return (null, [problem]);
        }

        var problems = new List<string>();
        var request = new RecordServiceRequest
        {
            Client = row["client"].Length == 0 ? string.Empty : Names.Resource("clients", row["client"]),
            ServiceType = RowValues.Enum<ServiceType>(row, "service_type", problems),
            Provider = row["provider"].Length == 0 ? string.Empty : Names.Resource("institutions", row["provider"]),
            FirstDay = RowValues.Date(row, "first_day", problems),
            LastDay = RowValues.Date(row, "last_day", problems),
            Unit = RowValues.Enum<ServiceUnit>(row, "unit", problems),
            FundingSource = RowValues.Enum<FundingSource>(row, "funding_source", problems),
            EsfProjectCode = row["esf_project_code"],
        };
        if (row["quantity"].Length > 0)
        {
            request.Quantity = long.TryParse(row["quantity"], NumberStyles.None, CultureInfo.InvariantCulture, out var quantity)
                ? quantity
                : Problem(problems, $"quantity: \"{row["quantity"]}\" is not a whole number");
        }

        if (row["cost_eur"].Length > 0)
        {
            request.Cost = decimal.TryParse(row["cost_eur"], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var euros) && decimal.Round(euros, 2) == euros
                ? new Money { EuroCents = (long)(euros * 100) }
                : new Money { EuroCents = Problem(problems, $"cost_eur: \"{row["cost_eur"]}\" is not an amount in euros such as 125.50") };
        }

        // The same delivery written again gets the same id: importing a file twice counts it once.
        request.RequestId = row["request_id"].Length > 0
            ? row["request_id"]
            : RequestIds.From("service-record", request.Client, request.ServiceType.ToString(), request.Provider, row["first_day"], row["last_day"]);
        return problems.Count > 0 ? (null, problems) : (request, problems);
    }

    private static long Problem(List<string> problems, string problem)
    {
        problems.Add(problem);
        return 0;
    }
}
